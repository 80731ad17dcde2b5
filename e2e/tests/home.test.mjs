import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { assertSameTexts, squash } from '../lib/assertions.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { REPO_DIR } from '../lib/server.mjs';
import { demoSuite } from '../lib/suite.mjs';

const suite = demoSuite();

test('shopper sees the shops on the home page', async () => {
  const res = await fetch(`${suite.server.baseUrl}/api/v1/shops?per_page=100`);
  assert.equal(res.status, 200, 'GET /api/v1/shops?per_page=100');
  const shops = await res.json();
  assert.ok(shops.items.length >= 45, `the demo should have at least 45 shops, the API lists ${shops.items.length}`);
  assert.equal(shops.total, shops.items.length, 'all the demo shops fit in one page of 100');
  const expected = shops.items.map((s) => squash(s.name));

  const { page, problems } = await newPhonePage(suite.browser);
  const nav = await page.goto(`${suite.server.baseUrl}/`);
  assert.equal(nav.status(), 200, 'GET /');
  await page.locator('[data-testid="shop-list"]').waitFor();
  // The list may fill in after it appears; the assertion below still compares everything.
  await page
    .waitForFunction((n) => document.querySelectorAll('[data-testid="shop-card"]').length >= n, expected.length, {
      timeout: 10_000,
    })
    .catch(() => {});

  const names = (await page.locator('[data-testid="shop-card"] h3').allTextContents()).map(squash);
  assertSameTexts(names, expected, 'shop card titles, in order, against GET /api/v1/shops');
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr', '<html lang>');
  assert.equal(await page.locator('h1').count(), 1, 'number of h1');
  const categories = await page.locator('[data-testid="category-list"] li').count();
  assert.ok(categories > 0, `[data-testid="category-list"] li: expected some, found ${categories}`);

  await screenshot(page, 'home-phone');
  await page.locator('[data-testid="shop-card"]').first().scrollIntoViewIfNeeded();
  await screenshot(page, 'home-phone-shops');
  await assertNoSeriousA11yViolations(page);
  assert.deepEqual(problems, [], 'console errors and failed requests on the home page');
});

test('a client route reloads into the SPA, an unknown API route is a problem+json 404', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  const nav = await page.goto(`${suite.server.baseUrl}/une/page/qui/nexiste/pas`);
  assert.equal(nav.status(), 200, 'the suite.server falls back to the SPA for a client route');
  await page.getByText('Page introuvable').first().waitFor();
  await screenshot(page, 'not-found-phone');
  assert.deepEqual(problems, [], 'console errors and failed requests on the not-found page');

  const res = await fetch(`${suite.server.baseUrl}/api/v1/nope`);
  assert.equal(res.status, 404, 'GET /api/v1/nope');
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, 'content-type of the 404');
  const body = await res.json();
  assert.equal(body.code, 'not_found', `problem body: ${JSON.stringify(body)}`);
});

test('health check answers and the API docs load without leaving the server', async () => {
  const health = await fetch(`${suite.server.baseUrl}/healthz`);
  assert.equal(health.status, 200, 'GET /healthz');

  const { page, problems } = await newPhonePage(suite.browser);
  const requested = [];
  page.on('request', (req) => requested.push(req.url()));
  const nav = await page.goto(`${suite.server.baseUrl}/api/docs/`);
  assert.equal(nav.status(), 200, 'GET /api/docs/');
  await page.getByText(/Vitrine/).first().waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'api-docs');

  // data: and blob: URLs are made in the page and reach no host; everything else must be ours.
  const elsewhere = requested.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== suite.server.baseUrl);
  assert.deepEqual(elsewhere, [], `requests to other hosts (all requests: ${requested.join(', ')})`);
  assert.ok(requested.length > 0, 'the page was recorded');
  assert.deepEqual(problems, [], 'console errors and failed requests on the API docs');
});

// Issue 3's budget: the app's files (wasm, JS, CSS) weigh at most 303 KB compressed.
// Counted from what the home page really requests from the server (the API's JSON and the
// page itself aside), at the size of the brotli files the server sends. (Session 8's legal
// footer, privacy and terms pages and visit beacon took it to 331 KB; the terms and privacy
// pages now live in the ordering bundle, and the strings of other bundles' pages stay out.
// Session 10: the product page's sizes and prices per kilo (issue 14) cost 9 KB; moving the
// back-office's strings out of the browsing bundle won back 7 KB.)
// Since issue 16 the first screen does not wait for them: the server sends the page drawn,
// which needs only itself and the stylesheet to be read; that is the second budget, 40 KB.
const APP_FILES_BUDGET_BYTES = 303_000;
const DRAWN_PAGE_BUDGET_BYTES = 40_000;

test('the home page is readable from 40 KB, and its app files weigh at most 303 KB, brotli-compressed', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  const requested = new Set();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === suite.server.baseUrl && !url.pathname.startsWith('/api/') && url.pathname !== '/') {
      requested.add(url.pathname);
    }
  });
  await page.goto(`${suite.server.baseUrl}/`, { waitUntil: 'commit' });
  await page.locator('[data-testid="shop-list"]').waitFor();
  await page.waitForLoadState('load');

  const files = [...requested].map((pathname) => pathname.slice(1));
  for (const kind of ['.wasm', '.js', '.css']) {
    assert.ok(files.some((file) => file.endsWith(kind)), `the home page loads a ${kind} file: ${files}`);
  }
  const sizes = files.map((file) => [file, statSync(path.join(REPO_DIR, 'web', 'dist', `${file}.br`)).size]);
  const total = sizes.reduce((sum, [, size]) => sum + size, 0);
  assert.ok(total <= APP_FILES_BUDGET_BYTES, `app files: ${total} bytes brotli, ${JSON.stringify(sizes)}`);
  assert.ok(!files.some((file) => file.startsWith('commande')), `the ordering bundle is not loaded: ${files}`);

  // What the shopper needs to read the first screen: the page as sent, and the stylesheet.
  const firstScreen = await page.evaluate(() => {
    const document = performance.getEntriesByType('navigation')[0].encodedBodySize;
    const css = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.css'))
      .reduce((sum, entry) => sum + entry.encodedBodySize, 0);
    return { document, css };
  });
  assert.ok(firstScreen.document > 0 && firstScreen.css > 0, JSON.stringify(firstScreen));
  assert.ok(
    firstScreen.document + firstScreen.css <= DRAWN_PAGE_BUDGET_BYTES,
    `first screen: ${JSON.stringify(firstScreen)} bytes as sent`,
  );
  assert.deepEqual(problems, [], 'console errors and failed requests on the home page');
});

test('the app files are named by their content and kept a year; the page is asked again each time', async () => {
  const page = await fetch(`${suite.server.baseUrl}/`);
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  const html = await page.text();
  const names = [...html.matchAll(/"\/([\w-]+\.([0-9a-f]{10})\.(?:js|wasm|css))"/g)];
  for (const kind of ['.wasm', '.js', '.css']) {
    assert.ok(names.some(([, name]) => name.endsWith(kind)), `the page loads a hashed ${kind} file: ${html}`);
  }
  for (const [, name, hash] of names) {
    // A new build whose file changed gives it another name: the name is its content's hash.
    const content = readFileSync(path.join(REPO_DIR, 'web', 'dist', name));
    assert.equal(createHash('sha256').update(content).digest('hex').slice(0, 10), hash, name);
    const file = await fetch(`${suite.server.baseUrl}/${name}`, { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(file.status, 200, name);
    assert.equal(file.headers.get('cache-control'), 'public, max-age=31536000, immutable', name);
    await file.arrayBuffer();
  }
});
