import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { squash } from '../lib/assertions.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';

// A shopper's purchase across two shops, from the product pages to the tracking links.
// Every expectation comes from the API at run time (products, basket, orders), never from
// values written here; the delivery days are the association's rule (food Tuesday and
// Friday, other shops Thursday), which the test checks the API's dates against.

const FOOD_SHOP = 'epicerie-du-duche';
const SHOE_SHOP = 'chaussures-fabre';
const BASKET_KEY = 'vitrine.panier';

const suite = demoSuite();
const { api } = suite;

/** A product of `shop` that can be ordered, with its full details. */
async function orderable(shop, { minStock = 1 } = {}) {
  const { items } = await api(`/products?shop=${shop}&in_stock=true&per_page=100`);
  for (const card of items) {
    const product = await api(`/products/${card.id}`);
    if (product.max_quantity >= minStock) return product;
  }
  assert.fail(`the demo shop ${shop} should have a product in stock`);
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

/** "2026-12-01" -> "mardi 1er décembre", as a French reader writes it. */
function frenchDate(iso) {
  const date = new Date(`${iso}T00:00:00Z`);
  const day = date.getUTCDate();
  return `${WEEKDAYS[date.getUTCDay()]} ${day === 1 ? '1er' : day} ${MONTHS[date.getUTCMonth()]}`;
}

/** 0 Sunday .. 6 Saturday. */
const weekday = (iso) => new Date(`${iso}T00:00:00Z`).getUTCDay();

/** Spaces as a reader sees them. */
const plain = (text) => squash(text.replace(/[\u00a0\u202f]/g, ' '));

/** Adds the product shown on its page and waits for the confirmation. */
async function addFromProductPage(page, product) {
  await page.goto(`${suite.server.baseUrl}/produits/${product.id}`);
  await page.getByRole('heading', { level: 1, name: product.name }).waitFor();
  await page.getByTestId('add-to-basket').click();
  const outcome = page.getByTestId('add-outcome');
  await outcome.getByText('Ajouté au panier').waitFor();
  assert.ok(await outcome.getByRole('link', { name: 'Voir le panier' }).isVisible(), 'the confirmation links to the basket');
}

test('a shopper buys from two shops with home delivery and follows the orders', async () => {
  const food = await orderable(FOOD_SHOP);
  const shoes = await orderable(SHOE_SHOP);
  const { page, problems } = await newPhonePage(suite.browser);

  await addFromProductPage(page, food);
  const basketLink = page.getByTestId('basket-link');
  await page.getByRole('link', { name: 'Panier, 1 article', exact: true }).waitFor();
  await addFromProductPage(page, shoes);
  await page.getByRole('link', { name: 'Panier, 2 articles', exact: true }).waitFor();

  // The basket, against the API's view of the same basket.
  await basketLink.click();
  await page.waitForURL('**/panier');
  const cartId = await page.evaluate((key) => localStorage.getItem(key), BASKET_KEY);
  assert.ok(cartId, 'the basket id is kept in localStorage');
  const cart = await api(`/carts/${cartId}`);
  assert.equal(cart.groups.length, 2, `the API's basket: ${JSON.stringify(cart)}`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="basket-group"]').length === 2);
  for (const group of cart.groups) {
    const section = page.locator(`[data-testid="basket-group"][data-shop="${group.shop.slug}"]`);
    assert.equal(plain(await section.locator('h2').textContent()), plain(group.shop.name), 'group heading');
    const lines = await section.getByTestId('basket-line').count();
    assert.equal(lines, group.lines.length, `lines of ${group.shop.slug}`);
    for (const option of group.fulfilment_options) {
      const item = section.locator(`[data-testid="fulfilment-date"][data-method="${option.method}"]`);
      const expected =
        option.method === 'delivery'
          ? `Livraison gratuite le ${frenchDate(option.date)}`
          : `Retrait en boutique dès le ${frenchDate(option.date)}`;
      assert.equal(plain(await item.textContent()), expected, `${group.shop.slug} ${option.method} date`);
    }
  }
  const total = plain(await page.getByTestId('basket-total').textContent());
  assert.ok(total.includes(plain(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cart.total_cents / 100))), `total shown: ${total}`);
  await screenshot(page, 'basket-phone', { fullPage: true });
  await assertNoSeriousA11yViolations(page);

  // Checkout: a wrong phone number first, then the right one.
  await page.getByRole('link', { name: 'Commander' }).click();
  await page.waitForURL('**/commande');
  await page.getByLabel('Nom et prénom').fill('Jeanne Martin');
  await page.getByLabel('Téléphone').fill('12 34');
  await page.getByLabel('Livraison gratuite à domicile').check();
  await page.getByLabel('Numéro et rue').fill('3 place aux Herbes');
  const uzes = (await api('/communes?per_page=100')).items.find((c) => c.name === 'Uzès');
  assert.ok(uzes, 'Uzès is a delivery commune');
  await page.getByLabel('Commune', { exact: true }).selectOption({ label: `${uzes.name} (${uzes.postcode})` });
  await screenshot(page, 'checkout-phone', { fullPage: true });
  await assertNoSeriousA11yViolations(page);
  await page.getByLabel(/J'ai lu et j'accepte/).check();
  await page.getByRole('button', { name: 'Valider la commande' }).click();

  const phone = page.getByLabel('Téléphone');
  await page.locator('#telephone-erreur').waitFor();
  assert.equal(await phone.getAttribute('aria-invalid'), 'true', 'the phone field is marked invalid');
  assert.match(plain(await page.locator('#telephone-erreur').textContent()), /10 chiffres/, 'the error says what a phone number is');
  assert.ok(await phone.evaluate((el) => el === document.activeElement), 'the focus is on the phone field');
  assert.equal(await page.getByLabel('Nom et prénom').inputValue(), 'Jeanne Martin', 'what was typed is kept');
  assert.equal(await page.getByLabel('Numéro et rue').inputValue(), '3 place aux Herbes', 'what was typed is kept');
  await screenshot(page, 'checkout-phone-error');
  await assertNoSeriousA11yViolations(page);
  assert.equal(await page.locator('.field__error').count(), 1, 'only the phone is wrong');

  await phone.fill('04 66 22 12 34');
  await page.getByLabel(/J'ai lu et j'accepte/).check();
  await page.getByRole('button', { name: 'Valider la commande' }).click();
  await page.waitForURL('**/commande/merci**');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="order"]').length === 2);

  // Each order as the tracking API tells it.
  const links = await page.getByTestId('track-link').evaluateAll((nodes) => nodes.map((a) => a.getAttribute('href')));
  assert.equal(links.length, 2, 'one tracking link per order');
  const orders = [];
  for (const href of links) {
    const match = href.match(/^\/suivi\/([^/?#]+)$/);
    assert.ok(match, `a tracking link: ${href}`);
    orders.push(await api(`/track/${match[1]}`));
  }
  for (const order of orders) {
    const card = page.locator(`[data-testid="order"][data-number="${order.number}"]`);
    assert.ok(plain(await card.textContent()).includes(`Commande ${order.number}`), `number of ${order.number}`);
    const date = card.getByTestId('order-date');
    assert.equal(await date.getAttribute('data-date'), order.fulfilment.date, `date of ${order.number}`);
    assert.equal(plain(await date.textContent()), `Livraison gratuite le ${frenchDate(order.fulfilment.date)}`, `day of ${order.number}`);
    assert.equal(order.fulfilment.method, 'delivery', `${order.number} is delivered`);
    assert.ok(plain(await card.textContent()).includes('Paiement à la livraison'), `payment of ${order.number}`);
  }
  const bySlug = Object.fromEntries(orders.map((o) => [o.shop.slug, o]));
  assert.ok([2, 5].includes(weekday(bySlug[FOOD_SHOP].fulfilment.date)), `food is delivered on Tuesday or Friday: ${bySlug[FOOD_SHOP].fulfilment.date}`);
  assert.equal(weekday(bySlug[SHOE_SHOP].fulfilment.date), 4, `shoes are delivered on Thursday: ${bySlug[SHOE_SHOP].fulfilment.date}`);
  await page.getByRole('link', { name: 'Panier, vide', exact: true }).waitFor();
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), BASKET_KEY), null, 'the basket id is forgotten');
  await screenshot(page, 'confirmation-phone', { fullPage: true });
  await assertNoSeriousA11yViolations(page);

  // The tracking page says where the order stands.
  await page.getByTestId('track-link').first().click();
  await page.waitForURL('**/suivi/**');
  await page.getByText('reçue, le commerce va la confirmer').waitFor();
  await assertNoSeriousA11yViolations(page);
  // The refused phone number is an expected 400 of the checkout, which chromium logs.
  const unexpected = problems.filter((p) => !/status of 400 .*\/checkout\b/.test(p));
  assert.deepEqual(unexpected, [], 'console errors and failed requests during the purchase');
});

test('asking for more than the stock says so beside the button', async () => {
  const product = await orderable(SHOE_SHOP, { minStock: 2 });
  const { page, problems } = await newPhonePage(suite.browser);
  await page.goto(`${suite.server.baseUrl}/produits/${product.id}`);
  await page.getByLabel(/^Quantité/).fill(String(product.max_quantity));
  await page.getByLabel(/^Quantité/).blur();
  await page.getByTestId('add-to-basket').click();
  await page.getByTestId('add-outcome').getByText('Ajouté au panier').waitFor();
  await page.getByTestId('add-to-basket').click();
  const problem = page.getByTestId('add-outcome').getByTestId('problem');
  await problem.waitFor();
  const text = plain(await problem.textContent());
  assert.match(text, /Il n'en reste pas assez/, `the message: ${text}`);
  assert.ok(text.includes(product.name), `the API's detail names the product: ${text}`);
  const cartId = await page.evaluate((key) => localStorage.getItem(key), BASKET_KEY);
  const cart = await api(`/carts/${cartId}`);
  assert.equal(cart.item_count, product.max_quantity, 'the refused addition changed nothing');
  await page.getByRole('link', { name: `Panier, ${product.max_quantity} articles`, exact: true }).waitFor();
  // The 409 is the expected answer, not a problem of the page.
  const unexpected = problems.filter((p) => !/status of 409 .*\/items\b/.test(p));
  assert.deepEqual(unexpected, [], 'console errors and failed requests');
});

test('a shop that does not deliver is picked up, and says so before the order', async () => {
  const { items: shops } = await api('/shops?per_page=100');
  const pickupOnly = shops.find((s) => s.offers_pickup && !s.offers_delivery && s.kind !== 'restaurant');
  assert.ok(pickupOnly, 'the demo should have a shop that does not deliver');
  const product = await orderable(pickupOnly.slug);
  const { page, problems } = await newPhonePage(suite.browser);
  await addFromProductPage(page, product);
  await page.goto(`${suite.server.baseUrl}/commande`);
  await page.getByLabel('Nom et prénom').fill('Paul Durand');
  await page.getByLabel('Téléphone').fill('0466221234');
  await page.getByLabel('Livraison gratuite à domicile').check();
  const note = page.getByTestId('way-exception');
  await note.waitFor();
  assert.equal(plain(await note.textContent()), `${plain(pickupOnly.name)} ne livre pas à domicile : cette commande sera à retirer en boutique.`);
  assert.equal(await page.getByLabel('Numéro et rue').count(), 0, 'no address is asked when nothing is delivered');
  const cartId = await page.evaluate((key) => localStorage.getItem(key), BASKET_KEY);
  const cart = await api(`/carts/${cartId}`);
  const pickup = cart.groups[0].fulfilment_options.find((o) => o.method === 'pickup');
  const summary = plain(await page.getByTestId('checkout-summary').textContent());
  assert.ok(summary.includes(`Retrait en boutique dès le ${frenchDate(pickup.date)}`), `summary: ${summary}`);
  assert.ok(summary.includes('Paiement au retrait'), `summary: ${summary}`);
  await page.getByLabel(/J'ai lu et j'accepte/).check();
  await page.getByRole('button', { name: 'Valider la commande' }).click();
  await page.waitForURL('**/commande/merci**');
  const order = page.getByTestId('order');
  await order.waitFor();
  const href = await order.getByTestId('track-link').getAttribute('href');
  const tracked = await api(`/track/${href.split('/').pop()}`);
  assert.equal(tracked.fulfilment.method, 'pickup');
  assert.equal(await order.getByTestId('order-date').getAttribute('data-date'), tracked.fulfilment.date);
  assert.ok(plain(await order.textContent()).includes('Paiement au retrait'), 'paid at pickup');
  assert.deepEqual(problems, [], 'console errors and failed requests');
});

test('a basket changed elsewhere before the order is shown again, nothing typed is lost', async () => {
  const product = await orderable(SHOE_SHOP, { minStock: 2 });
  const { page, problems } = await newPhonePage(suite.browser);
  await addFromProductPage(page, product);
  await page.goto(`${suite.server.baseUrl}/commande`);
  await page.getByLabel('Nom et prénom').fill('Lucie Roux');
  await page.getByLabel('Téléphone').fill('0466221234');
  await page.getByLabel('Retrait en boutique').check();
  await page.getByTestId('checkout-summary').waitFor();
  // Another tab (here: the API) adds one more while the shopper reads the summary.
  const cartId = await page.evaluate((key) => localStorage.getItem(key), BASKET_KEY);
  const res = await fetch(`${suite.server.baseUrl}/api/v1/carts/${cartId}/items`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ product_id: product.id, quantity: 1 }),
  });
  assert.equal(res.status, 200, 'POST /carts/{id}/items');
  const changed = await res.json();
  await page.getByLabel(/J'ai lu et j'accepte/).check();
  await page.getByRole('button', { name: 'Valider la commande' }).click();
  const alert = page.locator('#probleme-commande');
  await alert.waitFor();
  assert.match(plain(await alert.textContent()), /Votre panier a changé/, 'the shopper is told');
  assert.ok(await alert.evaluate((el) => el === document.activeElement), 'the focus is on the message');
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="checkout-summary"]')?.textContent.includes(`${n} ×`),
    changed.item_count,
  );
  assert.equal(await page.getByLabel('Nom et prénom').inputValue(), 'Lucie Roux', 'the name is kept');
  assert.ok(await page.getByLabel('Retrait en boutique').isChecked(), 'the choice is kept');
  // A second try with the basket as now shown goes through.
  await page.getByLabel(/J'ai lu et j'accepte/).check();
  await page.getByRole('button', { name: 'Valider la commande' }).click();
  await page.waitForURL('**/commande/merci**');
  await page.getByTestId('order').waitFor();
  const unexpected = problems.filter((p) => !/status of 409 .*\/checkout\b/.test(p));
  assert.deepEqual(unexpected, [], 'console errors and failed requests');
});
