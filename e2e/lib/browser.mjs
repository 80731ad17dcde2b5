/**
 * Debian's chromium driven by playwright-core: launching it, phone-sized pages that record
 * what went wrong in them, and screenshots for people to look at.
 *
 * Environment: `CHROMIUM` (default `/usr/bin/chromium`).
 */

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { E2E_DIR } from './server.mjs';

export const RESULTS_DIR = path.join(E2E_DIR, 'test-results');

/** Pages opened by `newPhonePage` and not yet closed, so a failure can show what they showed. */
const openPages = new Set();

/** Launches headless chromium; never downloads a browser. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A French phone: 360x740, fr-FR. `problems` collects uncaught page errors, console errors,
 * Content-Security-Policy violations, failed requests and responses >= 500, one readable line
 * each; tests assert it stays empty.
 *
 * A request the page abandons because its frame navigated away (`net::ERR_ABORTED` after a
 * navigation of that frame started) is not a failure: leaving a page cancels its loads. Any
 * other abort still counts.
 * @returns {Promise<{ context: import('playwright-core').BrowserContext,
 *   page: import('playwright-core').Page, problems: string[], close: () => Promise<void> }>}
 */
export async function newPhonePage(browser) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const { url, lineNumber } = msg.location();
      problems.push(`console error: ${msg.text()}${url ? ` (at ${url}:${lineNumber})` : ''}`);
    }
  });
  // Every violation of the policy the server sends, reported by the page itself (the
  // listener is installed by the browser, so the policy does not apply to it).
  await context.exposeBinding('__vitrineCspViolation', (_source, v) =>
    problems.push(`CSP violation: ${v.directive} refused ${v.blocked || '(inline)'} at ${v.source}:${v.line}`),
  );
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        window.__vitrineCspViolation({
          directive: e.effectiveDirective,
          blocked: e.blockedURI,
          source: e.sourceFile || e.documentURI,
          line: e.lineNumber,
        }),
      true,
    );
  });
  // Navigations of each frame so far, to tell a load abandoned by leaving the page from a
  // real failure.
  const navigations = new WeakMap();
  const navigationsOf = (frame) => navigations.get(frame) ?? 0;
  const startedAt = new WeakMap();
  // Frames with a navigation requested and not committed yet: the page is leaving, and what
  // it starts meanwhile (a token refresh on `visibilitychange`, say) is abandoned with it.
  const leaving = new WeakSet();
  const startedWhileLeaving = new WeakSet();
  page.on('framenavigated', (frame) => leaving.delete(frame));
  page.on('request', (req) => {
    const frame = req.frame();
    if (req.isNavigationRequest()) {
      navigations.set(frame, navigationsOf(frame) + 1);
      leaving.add(frame);
    } else {
      startedAt.set(req, navigationsOf(frame));
      if (leaving.has(frame)) startedWhileLeaving.add(req);
    }
  });
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText;
    const abandoned =
      error === 'net::ERR_ABORTED' &&
      !req.isNavigationRequest() &&
      (navigationsOf(req.frame()) > (startedAt.get(req) ?? Infinity) || startedWhileLeaving.has(req));
    if (!abandoned) problems.push(`request failed: ${req.method()} ${req.url()}: ${error}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 500) problems.push(`server error: ${res.request().method()} ${res.url()} -> ${res.status()}`);
  });
  const entry = { context, page, problems };
  openPages.add(entry);
  const close = async () => {
    openPages.delete(entry);
    await context.close();
  };
  return { ...entry, close };
}

/**
 * Writes `test-results/<name>.png` (the viewport unless `fullPage`) and returns its path.
 * Waits a little, best effort, for the images on screen (lazy ones start when scrolled to).
 */
export async function screenshot(page, name, { fullPage = false } = {}) {
  await mkdir(RESULTS_DIR, { recursive: true });
  await page
    .waitForFunction(
      (all) =>
        Array.from(document.images)
          .filter((img) => {
            const box = img.getBoundingClientRect();
            return all || (box.bottom > 0 && box.top < window.innerHeight);
          })
          .every((img) => img.complete),
      fullPage,
      { timeout: 3_000 },
    )
    .catch(() => {});
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * For `afterEach`: when the test failed, prints the server log and, for every page still open,
 * its URL, its problems and its visible text, and saves a `FAILED-<test>.png` screenshot.
 * Then closes the open pages either way.
 */
export async function reportAndClosePages(t, server) {
  const pages = [...openPages];
  if (t.passed === false) {
    const slug = t.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
    for (const [i, { page, problems }] of pages.entries()) {
      let text = '';
      let shot = '';
      try {
        text = (await page.locator('body').innerText({ timeout: 2_000 })).slice(0, 3_000);
        shot = await screenshot(page, `FAILED-${slug}${pages.length > 1 ? `-${i + 1}` : ''}`, { fullPage: true });
      } catch (err) {
        text ||= `(could not read the page: ${err.message})`;
      }
      process.stderr.write(
        `\n----- page at failure: ${page.url()}\n` +
          `problems: ${problems.length ? `\n  ${problems.join('\n  ')}` : 'none'}\n` +
          `screenshot: ${shot || '(none)'}\nvisible text:\n${text}\n----- end of page\n`,
      );
    }
    server?.printLog(`test "${t.name}" failed`);
  }
  await Promise.all(pages.map(({ context }) => context.close().catch(() => {})));
  openPages.clear();
}
