import assert from 'node:assert/strict';
import { test } from 'node:test';
import { squash } from '../lib/assertions.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';

// Issue 16: the page shell carries the API's first answer, so a catalogue page shows its cards
// without asking the API for them, and still pages and filters as before; a product's page can
// be read with JavaScript turned off.

const suite = demoSuite();
const { api } = suite;

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
