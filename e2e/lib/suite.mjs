// One real server and one browser per test file, started in `before`, reported on after
// each test, stopped in `after`: with the demo, or on an empty database as an association
// starts.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, afterEach, before } from 'node:test';
import { launchBrowser, reportAndClosePages } from './browser.mjs';
import { E2E_DIR, startServer } from './server.mjs';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'vitrine-demo-2026';

/**
 * Registers the hooks of a test file and returns `{ server, browser, api, call, tokenOf,
 * sql }`: `server` and `browser` are set once `before` has run; `api(path)` GETs
 * `/api/v1<path>` as JSON, asserting a 200; `call(method, path, { token, body, headers })`
 * sends any request there and answers `{ status, body }`; `tokenOf(email, password)` signs
 * in (a demo account by default) and answers the access token; `sql(statement)` runs SQL on
 * the server's database (SQLite file or PostgreSQL).
 */
export function demoSuite() {
  return fileSuite({ demo: true });
}

/**
 * Like [`demoSuite`], on an empty database as an association starts (no `--demo`), with a
 * first administrator made by `vitrine create-admin`, as the README says.
 * @param {{ email: string, password: string, name: string }} admin
 */
export function freshInstallSuite(admin) {
  return fileSuite({ demo: false, admin });
}

function fileSuite({ demo, admin }) {
  const suite = {
    server: undefined,
    browser: undefined,
    async api(apiPath) {
      const res = await fetch(`${suite.server.baseUrl}/api/v1${apiPath}`);
      assert.equal(res.status, 200, `GET /api/v1${apiPath}`);
      return res.json();
    },
    async call(method, apiPath, { token, body, headers = {} } = {}) {
      const res = await fetch(`${suite.server.baseUrl}/api/v1${apiPath}`, {
        method,
        headers: {
          ...(body ? { 'Content-Type': 'application/json' } : {}),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    async tokenOf(email, password = DEMO_PASSWORD) {
      const res = await suite.call('POST', '/auth/login', { body: { email, password } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.access_token;
    },
    sql(statement) {
      const url = suite.server.databaseUrl;
      if (url.startsWith('sqlite://')) {
        execFileSync('sqlite3', [url.slice('sqlite://'.length), statement]);
      } else {
        execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', statement]);
      }
    },
  };

  before(async () => {
    // Settled both ways so that `after` closes whichever started when the other failed.
    const [s, b] = await Promise.allSettled([startServer({ demo }), launchBrowser()]);
    suite.server = s.value;
    suite.browser = b.value;
    if (s.status === 'rejected') throw s.reason;
    if (b.status === 'rejected') throw b.reason;
    if (admin) {
      const bin = path.resolve(E2E_DIR, process.env.VITRINE_BIN || '../target/debug/vitrine');
      execFileSync(
        bin,
        ['create-admin', '--email', admin.email, '--password', admin.password, '--name', admin.name,
          '--database-url', suite.server.databaseUrl],
        { env: { ...process.env, RUST_LOG: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] },
      );
    }
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
