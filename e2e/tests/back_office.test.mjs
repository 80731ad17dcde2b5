import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';
import { LEGAL_IDENTITY } from '../lib/legal.mjs';

// The demo merchant runs the demo's first two shops from the back-office: an order placed
// by a shopper in another browser context appears live, is confirmed, made ready and paid;
// a price edited there is the catalogue's at once. Expectations come from the API.

const SHOP = 'epicerie-du-duche';
const MERCHANT = { email: 'marchand@vitrine.demo', password: 'vitrine-demo-2026' };

const suite = demoSuite();
const { api } = suite;

/** Logs in from the header's link: a merchant lands in the back-office. */
async function logInAsMerchant(page) {
  await page.goto(`${suite.server.baseUrl}/`);
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await page.waitForURL('**/compte/connexion');
  await page.getByLabel('Adresse e-mail').fill(MERCHANT.email);
  await page.getByLabel('Mot de passe').fill(MERCHANT.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/gestion');
  await page.getByTestId('bo-shop').first().waitFor();
}

async function orderable(shop) {
  const { items } = await api(`/products?shop=${shop}&in_stock=true&per_page=100`);
  for (const card of items) {
    const product = await api(`/products/${card.id}`);
    if (product.max_quantity >= 1) return product;
  }
  assert.fail(`the demo shop ${shop} should have a product in stock`);
}

test('the merchant sees a new order arrive live, confirms it, makes it ready and records the payment', async () => {
  const { page: merchant, problems } = await newPhonePage(suite.browser);
  await logInAsMerchant(merchant);
  const shops = await merchant.getByTestId('bo-shop').locator('h2').allTextContents();
  assert.equal(shops.length, 2, `the demo merchant runs two shops: ${shops}`);
  await merchant.getByTestId('bo-shop').filter({ hasText: 'Épicerie du Duché' }).getByRole('link', { name: 'Commandes' }).click();
  await merchant.waitForURL(`**/gestion/${SHOP}/commandes`);
  await merchant.getByText('Les nouvelles commandes s’affichent ici', { exact: false }).or(merchant.getByText("Les nouvelles commandes s'affichent ici", { exact: false })).waitFor();
  const before = await merchant.getByTestId('bo-order').count();

  // A shopper, in another browser context, orders from the shop.
  const { page: shopper } = await newPhonePage(suite.browser);
  const product = await orderable(SHOP);
  await shopper.goto(`${suite.server.baseUrl}/produits/${product.id}`);
  await shopper.getByTestId('add-to-basket').click();
  await shopper.getByTestId('add-outcome').getByText('Ajouté au panier').waitFor();
  await shopper.goto(`${suite.server.baseUrl}/commande`);
  await shopper.getByLabel('Nom et prénom').fill('Marcel Roux');
  await shopper.getByLabel('Téléphone').fill('04 66 22 55 66');
  await shopper.getByLabel('Retrait en boutique').check();
  await shopper.getByTestId('shop-note').fill('Je passerai samedi matin.');
  await shopper.getByLabel(/J'ai lu et j'accepte/).check();
  await shopper.getByRole('button', { name: 'Valider la commande' }).click();
  await shopper.waitForURL('**/commande/merci**');
  await shopper.getByTestId('order').first().waitFor();
  const number = await shopper.getByTestId('order').first().getAttribute('data-number');

  // It appears on the merchant's page without a reload, with a visible signal.
  await merchant.getByTestId('new-order').filter({ hasText: number }).waitFor({ timeout: 10_000 });
  const card = merchant.locator(`[data-testid="bo-order"][data-number="${number}"]`);
  await card.waitFor();
  assert.equal(await merchant.getByTestId('bo-order').count(), before + 1, 'one more order, without reloading');
  assert.equal(await card.getAttribute('data-status'), 'placed');
  const call = card.getByRole('link', { name: /Appeler le/ });
  assert.equal(await call.getAttribute('href'), 'tel:0466225566', 'the phone is a tel: link');
  assert.ok((await card.textContent()).includes('Je passerai samedi matin.'), "the customer's note is shown");
  await screenshot(merchant, 'back-office-new-order', { fullPage: true });
  await assertNoSeriousA11yViolations(merchant);

  // Confirmed, ready, paid: each step is the API's.
  await card.getByRole('button', { name: 'Confirmer la commande' }).click();
  await merchant.locator(`[data-testid="bo-order"][data-number="${number}"][data-status="confirmed"]`).waitFor();
  await card.getByRole('button', { name: 'Marquer prête' }).click();
  await merchant.locator(`[data-testid="bo-order"][data-number="${number}"][data-status="ready"]`).waitFor();
  await card.getByLabel('Moyen de paiement').selectOption('card');
  await card.getByRole('button', { name: 'Enregistrer le paiement' }).click();
  await merchant.locator(`[data-testid="bo-order"][data-number="${number}"][data-payment="paid"]`).waitFor();
  // The history says who did what: the shopper placed it, the merchant moved it on.
  await card.locator('summary', { hasText: 'Historique de la commande' }).click();
  const history = card.getByTestId('order-history').locator('li');
  await history.nth(3).waitFor();
  const entries = (await history.allTextContents()).map((text) => text.replace(/\s+/g, ' '));
  assert.equal(entries.length, 4, `placed, confirmed, ready, paid: ${entries}`);
  assert.match(entries[0], /le client : commande passée/);
  assert.match(entries[1], /Claire Fabre : reçue, le commerce va la confirmer → confirmée/);
  assert.match(entries[3], /Claire Fabre : paiement enregistré \(Carte bancaire\)/);
  const href = await shopper.getByTestId('track-link').first().getAttribute('href');
  const tracked = await api(`/track/${href.split('/').pop()}`);
  assert.equal(tracked.status, 'ready');
  assert.equal(tracked.payment_status, 'paid');
  assert.equal(tracked.payment_method, 'card');
  assert.equal(tracked.customer_phone ?? null, null, "the guest's view does not carry the phone");
  await screenshot(merchant, 'back-office-paid', { fullPage: true });

  // The printable slip: only this order, without the page around it or the buttons.
  await card.evaluate((el) => el.classList.add('bo-order--print'));
  await merchant.emulateMedia({ media: 'print' });
  assert.ok(await card.isVisible(), 'the slip shows the order');
  assert.ok(await card.getByText('Marcel Roux').isVisible(), "the slip shows the customer's name");
  assert.ok(await card.getByText('Téléphone : 04 66 22 55 66').isVisible(), "the slip shows the customer's phone");
  assert.equal(await merchant.locator('.site-header').isVisible(), false, 'no site header on the slip');
  assert.equal(await card.getByRole('button').count() > 0 && (await card.getByRole('button').first().isVisible()), false, 'no buttons on the slip');
  await screenshot(merchant, 'order-slip-print', { fullPage: true });
  await merchant.emulateMedia({ media: 'screen' });
  await card.evaluate((el) => el.classList.remove('bo-order--print'));
  assert.deepEqual(problems, [], 'console errors and failed requests in the back-office');
});

test('a price edited in the back-office is the catalogue price at once', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  await logInAsMerchant(page);
  await page.goto(`${suite.server.baseUrl}/gestion/${SHOP}/produits`);
  const product = await orderable(SHOP);
  // The public catalogue is read first, so a stale cache would show.
  assert.ok((await api(`/products?shop=${SHOP}&per_page=100`)).items.some((p) => p.id === product.id));
  const row = page.locator(`[data-testid="bo-product"][data-id="${product.id}"]`);
  await row.waitFor();
  const newPrice = product.price_cents + 111;
  const text = `${Math.floor(newPrice / 100)},${String(newPrice % 100).padStart(2, '0')}`;
  await row.getByLabel('Prix TTC en euros').fill(text);
  await row.getByRole('button', { name: 'Enregistrer' }).click();
  await row.getByText('Enregistré.').waitFor();
  assert.equal((await api(`/products/${product.id}`)).price_cents, newPrice, 'the product page');
  const card = (await api(`/products?shop=${SHOP}&per_page=100`)).items.find((p) => p.id === product.id);
  assert.equal(card.price_cents, newPrice, 'the catalogue list');
  await page.goto(`${suite.server.baseUrl}/produits/${product.id}`);
  const shown = (await page.getByTestId('product-price').textContent()).replace(/[\u00a0\u202f]/g, ' ');
  assert.ok(shown.includes(`${text} €`), `the product page shows ${text} €: ${shown}`);
  await screenshot(page, 'back-office-products');
  assert.deepEqual(problems, [], 'console errors and failed requests');
});

test('the association approves a shop that applied, and it is on the site at once', async () => {
  // A shopkeeper signs up and applies, through the API.
  const post = async (path, body, token) => {
    const res = await fetch(`${suite.server.baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  const email = `potier.${Date.now()}@exemple.fr`;
  const account = await post('/auth/register', { email, password: 'une phrase facile à retenir', name: 'Paul Potier' });
  assert.equal(account.status, 201, JSON.stringify(account.body));
  const applied = await post(
    '/shops',
    { name: 'Poterie du Portalet', kind: 'non_food', address: '4 rue du Portalet', postcode: '30700', commune: 'Uzès', phone: '04 66 22 33 44', description: 'Poteries vernissées' },
    account.body.access_token,
  );
  assert.equal(applied.status, 201, JSON.stringify(applied.body));
  const slug = applied.body.slug;
  assert.equal((await fetch(`${suite.server.baseUrl}/api/v1/shops/${slug}`)).status, 404, 'a pending shop is not on the site');
  // Its legal identity, without which it cannot be approved (issue 15).
  const legal = await fetch(`${suite.server.baseUrl}/api/v1/shops/${slug}/legal`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${account.body.access_token}` },
    body: JSON.stringify(LEGAL_IDENTITY),
  });
  assert.equal(legal.status, 200, await legal.text());

  // The admin approves it from the association's page.
  const { page, problems } = await newPhonePage(suite.browser);
  await page.goto(`${suite.server.baseUrl}/compte/connexion?retour=%2Fgestion`);
  await page.getByLabel('Adresse e-mail').fill('admin@vitrine.demo');
  await page.getByLabel('Mot de passe').fill(MERCHANT.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/gestion');
  await page.getByRole('link', { name: 'Commerces à valider (association)' }).click();
  const pending = page.locator(`[data-testid="pending-shop"][data-slug="${slug}"]`);
  await pending.waitFor();
  await screenshot(page, 'association-pending');
  await assertNoSeriousA11yViolations(page);
  await pending.getByRole('button', { name: 'Valider et mettre en ligne' }).click();
  await pending.getByText('Validé : le commerce est en ligne.').waitFor();
  assert.equal((await api(`/shops/${slug}`)).name, 'Poterie du Portalet', 'the shop is on the site');
  assert.deepEqual(problems, [], 'console errors and failed requests');
});
