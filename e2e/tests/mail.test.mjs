import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';

// Issue 12 on the embedded default (no mail server): a guest orders with an e-mail address,
// and the association's mailbox shows the messages as they would have been sent (the shop's
// and the shopper's, each with only its own order); the merchant confirms in the
// back-office and the shopper's "confirmed" message appears. Expectations come from the API.

const SHOP = 'epicerie-du-duche';
const PASSWORD = 'vitrine-demo-2026';
const MERCHANT = 'marchand@vitrine.demo';
const ADMIN = 'admin@vitrine.demo';
const GUEST = 'lucienne.roux@example.fr';

const suite = demoSuite();
const { api } = suite;

async function logIn(page, email) {
  await page.goto(`${suite.server.baseUrl}/compte/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/gestion**');
  // The back-office's home loads what it shows: let it settle before going elsewhere.
  await page.waitForLoadState('networkidle');
}

async function orderable(shop) {
  const { items } = await api(`/products?shop=${shop}&in_stock=true&per_page=100`);
  for (const card of items) {
    const product = await api(`/products/${card.id}`);
    if (product.max_quantity >= 1) return product;
  }
  assert.fail(`the demo shop ${shop} should have a product in stock`);
}

/** The mailbox's message of `topic` to `recipient`, once the page lists it. */
async function mailTo(page, topic, recipient) {
  const mail = page.locator(`[data-testid="mail"][data-topic="${topic}"][data-recipient="${recipient}"]`);
  await mail.first().waitFor();
  return mail.first();
}

test('a guest who leaves an e-mail gets its messages, which the admin reads in the mailbox', async () => {
  // The guest orders for pickup, with an e-mail address.
  const { page: shopper } = await newPhonePage(suite.browser);
  const product = await orderable(SHOP);
  await shopper.goto(`${suite.server.baseUrl}/produits/${product.id}`);
  await shopper.getByTestId('add-to-basket').click();
  await shopper.getByTestId('add-outcome').getByText('Ajouté au panier').waitFor();
  await shopper.goto(`${suite.server.baseUrl}/commande`);
  await shopper.getByLabel('Nom et prénom').fill('Lucienne Roux');
  await shopper.getByLabel('Téléphone').fill('04 66 22 77 88');
  await shopper.getByLabel('Adresse e-mail (facultatif)').fill(GUEST);
  await shopper.getByLabel('Retrait en boutique').check();
  await shopper.getByLabel(/J'ai lu et j'accepte/).check();
  await shopper.getByRole('button', { name: 'Valider la commande' }).click();
  await shopper.waitForURL('**/commande/merci**');
  await shopper.getByTestId('order').first().waitFor();
  const number = await shopper.getByTestId('order').first().getAttribute('data-number');

  // The admin's mailbox: the shopper's "received" and the shop's "new order", held.
  const { page: admin, problems } = await newPhonePage(suite.browser);
  await logIn(admin, ADMIN);
  await admin.goto(`${suite.server.baseUrl}/gestion/association/courrier`);
  const received = await mailTo(admin, 'order_placed_customer', GUEST);
  assert.equal(await received.getAttribute('data-state'), 'held', 'no mail server: the message is kept');
  assert.match(await received.locator('h2').textContent(), new RegExp(number));
  await received.getByRole('button', { name: 'Lire' }).click();
  const text = await received.getByTestId('mail-text').textContent();
  assert.match(text, new RegExp(number), 'the message names the order');
  assert.match(text, /Lucienne Roux/);
  assert.match(text, /\/suivi\//, 'the message links to the tracking page');
  await screenshot(admin, 'mailbox-phone', { fullPage: true });
  await assertNoSeriousA11yViolations(admin);

  const shopMail = await mailTo(admin, 'order_placed_shop', MERCHANT);
  await shopMail.getByRole('button', { name: 'Lire' }).click();
  const shopText = await shopMail.getByTestId('mail-text').textContent();
  assert.match(shopText, new RegExp(number));
  assert.match(shopText, /04 66 22 77 88/, "the shop's message carries the customer's phone");

  // The filter: only the held messages.
  await admin.getByLabel('Afficher').selectOption('held');
  await admin.waitForURL('**/courrier?etat=held');
  await admin.locator('[data-testid="mail"]').first().waitFor();
  const states = await admin.locator('[data-testid="mail"]').evaluateAll((items) => items.map((li) => li.dataset.state));
  assert.ok(states.every((s) => s === 'held'), `only held messages: ${states}`);

  // The merchant follows the message's link to the order, and confirms it.
  const link = shopText.match(/https?:\/\/\S+\/gestion\/\S+\/commandes\?commande=\d+/);
  assert.ok(link, `the shop's message links to the order in the back-office: ${shopText}`);
  const { page: merchant } = await newPhonePage(suite.browser);
  await logIn(merchant, MERCHANT);
  const target = new URL(link[0]);
  await merchant.goto(`${suite.server.baseUrl}${target.pathname}${target.search}`);
  const card = merchant.locator(`[data-testid="bo-order"][data-number="${number}"]`);
  await merchant.waitForFunction((n) => document.activeElement?.dataset?.number === n, number);
  await card.getByRole('button', { name: 'Confirmer la commande' }).click();
  await merchant.locator(`[data-testid="bo-order"][data-number="${number}"][data-status="confirmed"]`).waitFor();

  // The shopper's "confirmed" message is in the mailbox.
  await admin.goto(`${suite.server.baseUrl}/gestion/association/courrier`);
  const confirmed = await mailTo(admin, 'order_confirmed', GUEST);
  assert.match(await confirmed.locator('h2').textContent(), new RegExp(number));
  assert.deepEqual(problems, [], 'console errors and failed requests in the mailbox');
});
