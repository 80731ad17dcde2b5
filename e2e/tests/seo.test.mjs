import assert from 'node:assert/strict';
import { test } from 'node:test';
import { squash } from '../lib/assertions.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';

// Issue 16: the server sends each public page drawn by the app's own views, with the API's
// answers it used, so a catalogue page shows its cards before the app has arrived, and the
// app takes over without asking the API again, then pages and filters as before; a product's
// page can be read with JavaScript turned off.

const suite = demoSuite();
const { api } = suite;

/** Waits until the app has taken over the page the server drew (see `web/src/server.rs`). */
async function appStarted(page) {
  await page.locator('fieldset.drawn').waitFor({ state: 'detached', timeout: 15_000 });
}

/** The names on the product cards once they equal `items`' (the API's page). */
async function expectCards(page, items, what) {
  const expected = items.map((item) => squash(item.name));
  await page
    .waitForFunction(
      (names) => {
        const shown = [...document.querySelectorAll('[data-testid="product-card"] h3')].map((h) =>
          h.textContent.replace(/\s+/g, ' ').trim(),
        );
        return shown.length === names.length && shown.every((name, i) => name === names[i]);
      },
      expected,
      { timeout: 10_000 },
    )
    .catch(() => {});
  const shown = await page.locator('[data-testid="product-card"] h3').allTextContents();
  assert.deepEqual(shown.map(squash), expected, what);
}

test('a category page shows its first cards without asking the API, then pages and filters', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  const asked = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname === '/api/v1/products') asked.push(url.search);
  });
  const first = await api('/products?category=epicerie&page=1');
  assert.ok(first.total > first.items.length, 'the category has a second page');

  await page.goto(`${suite.server.baseUrl}/catalogue?categorie=epicerie`);
  await appStarted(page);
  await expectCards(page, first.items, 'the first page of the category');
  assert.deepEqual(asked, [], 'no request for the answer the page carried');
  assert.equal(await page.locator('#vitrine-initial').count(), 0, 'the embedded answer is taken out once used');
  await screenshot(page, 'seo-catalogue-first-answer');

  // The next page comes from the API.
  await page.getByTestId('pagination').getByRole('link', { name: /suivant/i }).click();
  await page.waitForURL((url) => url.searchParams.get('page') === '2');
  const second = await api('/products?category=epicerie&page=2');
  await expectCards(page, second.items, 'the second page of the category');
  assert.equal(asked.length, 1, `one request for page 2: ${asked}`);

  // Back to the first page: asked again, the embedded answer is not reused.
  await page.goBack();
  await page.waitForURL((url) => !url.searchParams.has('page'));
  await expectCards(page, first.items, 'the first page again');
  assert.equal(asked.length, 2, `the first page asked for when shown again: ${asked}`);

  // A filter narrows the list as before.
  const inStock = await api('/products?category=epicerie&in_stock=true&page=1');
  const filters = page.getByTestId('filters');
  if (!(await filters.evaluate((details) => details.open))) await filters.locator('summary').click();
  await page.getByLabel('En stock uniquement').check();
  await page.waitForURL((url) => url.searchParams.get('en_stock') === '1');
  await expectCards(page, inStock.items, 'the category, in stock only');
  assert.deepEqual(problems, [], 'console errors and failed requests');
});

test('a category page is drawn by the server before the app arrives, and the app takes it over', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  const first = await api('/products?category=epicerie&page=1');
  // The app held back: what shows is the page as the server sent it.
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  const asked = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    // The API's JSON (pictures are images, and the visit beacon is not a question).
    if (req.resourceType() === 'fetch' && url.pathname.startsWith('/api/v1/')) asked.push(url.pathname);
  });
  await page.goto(`${suite.server.baseUrl}/catalogue?categorie=epicerie`, { waitUntil: 'domcontentloaded' });
  await expectCards(page, first.items, 'the cards as drawn by the server');
  assert.equal(await page.locator('fieldset.drawn').count(), 1);
  // Its buttons wait for the app (nothing would answer them); its links work already.
  assert.ok(await page.getByRole('button', { name: 'Rechercher' }).isDisabled(), 'the search waits for the app');
  assert.ok(await page.locator('#amorce').isHidden(), 'no "Chargement" notice over a drawn page');
  const card = page.getByTestId('product-card').first().getByRole('link').first();
  assert.match(await card.getAttribute('href'), /^\/produits\/\d+$/);
  await screenshot(page, 'seo-catalogue-drawn-by-the-server');

  release();
  await appStarted(page);
  // The app drew the same page once, from the answers the server embedded.
  await expectCards(page, first.items, 'the cards once the app took over');
  assert.equal(await page.locator('header.site-header').count(), 1);
  assert.equal(await page.locator('main').count(), 1);
  assert.ok(await page.getByRole('button', { name: 'Rechercher' }).isEnabled(), 'the search works');
  assert.deepEqual(asked, [], 'the app asked the API nothing the server had answered');
  await page.getByRole('searchbox').fill('miel');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === 'miel');
  assert.deepEqual(problems, [], 'console errors and failed requests');
});

test('a product page can be read with JavaScript turned off', async () => {
  const card = (await api('/products?category=epicerie&in_stock=true&per_page=1')).items[0];
  const product = await api(`/products/${card.id}`);
  const shop = await api(`/shops/${product.shop.slug}`);
  const context = await suite.browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    javaScriptEnabled: false,
    locale: 'fr-FR',
  });
  try {
    const page = await context.newPage();
    const nav = await page.goto(`${suite.server.baseUrl}/produits/${product.id}`);
    assert.equal(nav.status(), 200);
    const heading = page.getByRole('heading', { level: 1 });
    assert.equal(squash(await heading.textContent()), squash(product.name));
    assert.ok(await heading.isVisible(), 'the name shows');
    const text = squash((await page.locator('body').innerText()).replace(/[\u00a0\u202f]/g, ' '));
    const price = `${Math.floor(product.price_cents / 100)},${String(product.price_cents % 100).padStart(2, '0')} €`;
    for (const expected of [price, shop.name, shop.phone, shop.address]) {
      assert.ok(text.includes(squash(expected)), `${expected} should show without JavaScript: ${text}`);
    }
    assert.ok(await page.getByRole('link', { name: shop.phone }).isVisible(), 'the phone is a link');
    assert.ok((await page.title()).startsWith(`${product.name} — `), await page.title());
    await screenshot(page, 'seo-product-without-javascript', { fullPage: true });
  } finally {
    await context.close();
  }
});
