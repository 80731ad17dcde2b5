import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { squash } from '../lib/assertions.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';

// Sizes, jars and cuts (issue 14) as a shopper meets them: a size to choose on the product
// page (the sold-out one shown but not choosable), the price per kilo beside the price, the
// estimate of what is sold by weight, the chosen size in the basket, and "à partir de" on the
// cards of a product whose sizes cost different prices. The demo's products; prices and
// stocks come from the API.

const SHOES = 'chaussures-fabre';
const GROCERY = 'epicerie-du-duche';
const CHEESE = 'fromagerie-de-la-place-aux-herbes';
const MERCHANT = { email: 'marchand@vitrine.demo', password: 'vitrine-demo-2026' };

const suite = demoSuite();
const { api } = suite;

/** Spaces as a reader sees them. */
const plain = (text) => squash(text.replace(/[\u00a0\u202f]/g, ' '));

/** The product of `shop` called `name`, with its variants. */
async function product(shop, name) {
  const { items } = await api(`/products?shop=${shop}&per_page=100&q=${encodeURIComponent(name)}`);
  const card = items.find((p) => p.name === name);
  assert.ok(card, `the demo has ${name} at ${shop}`);
  return { card, product: await api(`/products/${card.id}`) };
}

async function openProduct(page, product) {
  await page.goto(`${suite.server.baseUrl}/produits/${product.id}`);
  await page.getByRole('heading', { level: 1, name: product.name }).waitFor();
}

async function addToBasket(page) {
  await page.getByTestId('add-to-basket').click();
  await page.getByTestId('add-outcome').getByText('Ajouté au panier').waitFor();
}

test('a shopper picks a size, sees prices per kilo and estimates by weight, and finds them in the basket', async () => {
  const { page, problems } = await newPhonePage(suite.browser);

  // Boots: 41 is sold out, shown but not choosable; 40 goes into the basket.
  const { product: boots } = await product(SHOES, 'Bottines Lou en cuir');
  const sold = boots.variants.find((v) => v.label === '41');
  assert.equal(sold?.stock, 'out', 'size 41 of the demo boots is sold out');
  await openProduct(page, boots);
  const sizes = page.getByRole('group', { name: 'Choisissez' });
  assert.equal(await sizes.getByRole('radio').count(), boots.variants.length, 'one choice per size');
  const out = sizes.getByRole('radio', { name: /^41/ });
  assert.ok(await out.isDisabled(), 'the sold-out size cannot be chosen');
  assert.match(plain(await page.locator('.variant--out').textContent()), /41 épuisé/, 'it says it is sold out');
  await sizes.getByRole('radio', { name: /^40/ }).check();
  const forty = boots.variants.find((v) => v.label === '40');
  assert.ok(plain(await page.getByTestId('product-price').textContent()).startsWith(plain(euros(forty.price_cents))), 'the price of size 40');
  await screenshot(page, 'variants-product-phone', { fullPage: true });
  await assertNoSeriousA11yViolations(page);
  await addToBasket(page);

  // Honey: the price per kilo beside the price of the chosen jar.
  const { product: honey } = await product(GROCERY, "Miel de lavande de l'Uzège");
  await openProduct(page, honey);
  await page.getByRole('radio', { name: /^250 g/ }).check();
  assert.match(plain(await page.getByTestId('product-price').textContent()), /^5,90 € · 23,60 €\/kg TTC$/, 'the jar of 250 g and its price per kilo');
  await page.getByRole('radio', { name: /^500 g/ }).check();
  assert.match(plain(await page.getByTestId('product-price').textContent()), /^9,90 € · 19,80 €\/kg/, 'the price follows the jar');
  await page.getByRole('radio', { name: /^250 g/ }).check();
  await addToBasket(page);

  // Cheese by weight: an estimate, settled at the weighing.
  const { product: cheese } = await product(CHEESE, 'Tomme des Cévennes à la coupe');
  await openProduct(page, cheese);
  await page.getByRole('radio', { name: /250 g/ }).check();
  assert.equal(
    plain(await page.getByTestId('product-price').textContent()),
    'environ 250 g · environ 5,75 € (23,00 €/kg) TTC',
    'the estimate of a part of 250 g',
  );
  await page.getByText('le prix exact est fixé à la pesée').waitFor();
  await addToBasket(page);

  // The basket: the size with the name, the price per kilo, "environ" by weight.
  await page.goto(`${suite.server.baseUrl}/panier`);
  const line = (name) => page.getByTestId('basket-line').filter({ hasText: name });
  await line('Bottines Lou en cuir').waitFor();
  assert.equal(plain(await line('Bottines Lou en cuir').getByTestId('line-variant').textContent()), '40', 'the size of the boots');
  assert.match(plain(await line('Miel de lavande').getByTestId('line-price').textContent()), /^5,90 € l'unité · 23,60 €\/kg$/, 'the honey and its price per kilo');
  assert.match(plain(await line('Tomme des Cévennes').getByTestId('line-price').textContent()), /^environ 250 g · environ 5,75 €/, 'the cheese is an estimate');

  // Two sizes of the same boots are two lines, changed one by one.
  await openProduct(page, boots);
  await page.getByRole('radio', { name: /^38/ }).check();
  await addToBasket(page);
  await page.goto(`${suite.server.baseUrl}/panier`);
  const bootLines = () => page.evaluate(() => [...document.querySelectorAll('[data-testid="basket-line"]')].filter((li) => li.textContent.includes('Bottines')).length);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="basket-line"]')].filter((li) => li.textContent.includes('Bottines')).length === 2);
  await page.getByRole('button', { name: 'Un de plus : Bottines Lou en cuir (38)' }).click();
  const thirtyEight = boots.variants.find((v) => v.label === '38');
  await page.locator(`#quantite-${thirtyEight.id}`).waitFor();
  await page.waitForFunction((id) => document.querySelector(`#quantite-${id}`).value === '2', thirtyEight.id);
  assert.equal(await page.locator(`#quantite-${forty.id}`).inputValue(), '1', 'the other size is untouched');
  await page.getByRole('button', { name: 'Retirer Bottines Lou en cuir (38)' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="basket-line"]')].filter((li) => li.textContent.includes('Bottines')).length === 1);
  assert.equal(await bootLines(), 1, 'one line of boots left');
  assert.equal(plain(await line('Bottines Lou en cuir').getByTestId('line-variant').textContent()), '40', 'size 40 stays');
  await screenshot(page, 'variants-basket-phone', { fullPage: true });
  await assertNoSeriousA11yViolations(page);
  assert.deepEqual(problems, [], 'console errors and failed requests');
});

test('the catalogue card of sizes at different prices says "à partir de"', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  const { card } = await product(SHOES, 'Espadrilles de Mauléon');
  assert.ok(card.price_from, 'the espadrilles cost different prices');
  await page.goto(`${suite.server.baseUrl}/commerces/${SHOES}`);
  const tile = page.getByTestId('product-card').filter({ hasText: 'Espadrilles de Mauléon' });
  await tile.waitFor();
  assert.equal(plain(await tile.locator('.product-tile__price').textContent()), `à partir de ${plain(euros(card.price_cents))}`, 'the from-price');
  assert.deepEqual(problems, [], 'console errors and failed requests');
});

test('the merchant adds a size in the back-office and shoppers can choose it', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  const { product: boots } = await product(SHOES, 'Bottines Lou en cuir');
  assert.ok(!boots.variants.some((v) => v.label === '43'), 'no size 43 yet');
  await page.goto(`${suite.server.baseUrl}/compte/connexion?retour=%2Fgestion`);
  await page.getByLabel('Adresse e-mail').fill(MERCHANT.email);
  await page.getByLabel('Mot de passe').fill(MERCHANT.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/gestion');
  await page.getByTestId('bo-shop').first().waitFor();

  // The list says how many sizes rather than offering a price to change.
  await page.goto(`${suite.server.baseUrl}/gestion/${SHOES}/produits`);
  const row = page.getByTestId('bo-product').filter({ hasText: 'Bottines Lou en cuir' });
  assert.match(plain(await row.getByTestId('variant-count').textContent()), /^5 tailles · /, 'the number of sizes');

  await page.goto(`${suite.server.baseUrl}/gestion/${SHOES}/produits/${boots.id}`);
  await page.getByRole('heading', { name: 'Tailles, contenances et variantes' }).waitFor();
  assert.equal(await page.getByTestId('variant-row').count(), boots.variants.length, 'one row per size');
  assert.equal(await page.getByLabel('Prix TTC en euros').count(), 0, 'no product-level price for several sizes');
  await page.getByRole('button', { name: 'Ajouter une taille ou contenance' }).click();
  await page.getByLabel('Nom (taille, contenance…)').fill('43');
  await page.getByLabel('Prix TTC en euros').fill('129');
  await page.getByLabel('Stock', { exact: true }).fill('2');
  await screenshot(page, 'variants-back-office-phone', { fullPage: true });
  await assertNoSeriousA11yViolations(page);
  await page.locator('.bo-variant-form').getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await page.locator('[data-testid="variant-row"][data-label="43"]').waitFor();
  assert.match(plain(await page.locator('[data-testid="variant-row"][data-label="43"]').textContent()), /43 · 129,00 € · 2 en stock/, 'the new size in the list');

  const after = await api(`/products/${boots.id}`);
  const added = after.variants.find((v) => v.label === '43');
  assert.equal(added?.price_cents, 12900, `the API has size 43: ${JSON.stringify(after.variants)}`);
  await openProduct(page, boots);
  const choice = page.getByRole('radio', { name: /^43/ });
  assert.ok(await choice.isEnabled(), 'size 43 can be chosen');
  assert.deepEqual(problems, [], 'console errors and failed requests');
});

/** Cents as `format_eur` writes them. */
function euros(cents) {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')} €`;
}
