// One real server (with the demo) and one browser per test file, started in `before`,
// reported on after each test, stopped in `after`.
import assert from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';
import { launchBrowser, reportAndClosePages } from './browser.mjs';
import { startServer } from './server.mjs';

/**
 * Registers the hooks of a test file and returns `{ server, browser, api }`: `server` and
 * `browser` are set once `before` has run; `api(path)` GETs `/api/v1<path>` as JSON,
 * asserting a 200.
 */
export function demoSuite() {
  const suite = {
    server: undefined,
    browser: undefined,
    async api(path) {
      const res = await fetch(`${suite.server.baseUrl}/api/v1${path}`);
      assert.equal(res.status, 200, `GET /api/v1${path}`);
      return res.json();
    },
  };

  before(async () => {
    // Settled both ways so that `after` closes whichever started when the other failed.
    const [s, b] = await Promise.allSettled([startServer({ demo: true }), launchBrowser()]);
    suite.server = s.value;
    suite.browser = b.value;
    if (s.status === 'rejected') throw s.reason;
    if (b.status === 'rejected') throw b.reason;
  });

  afterEach(async (t) => {
    await reportAndClosePages(t, suite.server);
  });

  after(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });

  return suite;
}
