import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';

// Personal data (issue 15), on a 360-pixel phone: a shopper reads the privacy page from the
// footer, downloads their data from their account page and deletes their account (then
// cannot sign in); a guest asks for erasure from their tracking link and the admin carries
// it out from the association's "Données personnelles" page.

const DEMO_PASSWORD = 'vitrine-demo-2026';
const PASSWORD = 'un mot de passe très long';
const MERCHANT = 'marchand@vitrine.demo';
const ADMIN = 'admin@vitrine.demo';

const suite = demoSuite();

async function api(method, path, { token, body } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${suite.server.baseUrl}/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function tokenOf(email, password = DEMO_PASSWORD) {
  const reply = await api('POST', '/auth/login', { body: { email, password } });
  assert.equal(reply.status, 200, JSON.stringify(reply.json));
  return reply.json.access_token;
}

/** A basket with one product of the grocer, checked out for pickup. */
async function placeOrder(customer, token) {
  const cart = await api('POST', '/carts');
  const products = await api('GET', '/products?shop=epicerie-du-duche&in_stock=true&per_page=5');
  const product = products.json.items[0];
  assert.equal((await api('POST', `/carts/${cart.json.id}/items`, { body: { product_id: product.id, quantity: 1 } })).status, 200);
  const reply = await api('POST', `/carts/${cart.json.id}/checkout`, {
    token,
    body: { customer, fulfilment: { method: 'pickup' }, contact_preference: 'call', accept_terms: true },
  });
  assert.equal(reply.status, 201, JSON.stringify(reply.json));
  return reply.json.orders[0];
}

async function logIn(page, email, password, next) {
  await page.goto(`${suite.server.baseUrl}/compte/connexion?retour=${encodeURIComponent(next)}`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`**${next}`);
}

test('a shopper reads the privacy page, downloads their data and deletes their account', async () => {
  const email = 'hortense.verany@example.fr';
  const registered = await api('POST', '/auth/register', { body: { email, password: PASSWORD, name: 'Hortense Vérany' } });
  assert.equal(registered.status, 201, JSON.stringify(registered.json));
  const order = await placeOrder({ name: 'Hortense Vérany', phone: '06 98 76 54 32', email }, registered.json.access_token);
  // The shop hands it over: an order still being handled cannot be erased.
  const merchant = await tokenOf(MERCHANT);
  assert.equal((await api('POST', `/orders/${order.id}/transitions`, { token: merchant, body: { to: 'cancelled', reason: 'Rupture' } })).status, 200);

  const { page, problems } = await newPhonePage(suite.browser);
  await page.goto(`${suite.server.baseUrl}/`);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Données personnelles' }).click();
  await page.waitForURL('**/confidentialite');
  await page.getByRole('heading', { level: 1, name: 'Vos données personnelles' }).waitFor();
  await page.getByRole('heading', { name: 'Vos droits' }).waitFor();
  const contact = (await page.getByTestId('privacy-contact').textContent()).trim();
  assert.ok(contact.includes('@'), `the data contact is shown: ${contact}`);
  assert.ok((await page.textContent('main')).includes('CNIL'));
  assert.ok((await page.textContent('main')).includes('36 mois'), 'the retention the association set');
  assert.ok((await page.textContent('main')).includes('90 jours après leur envoi'), 'the messages\' retention');
  await screenshot(page, 'privacy-page', { fullPage: true });
  await assertNoSeriousA11yViolations(page);

  await logIn(page, email, PASSWORD, '/compte/commandes');
  await page.getByRole('heading', { name: 'Mes données' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger mes données' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'mes-donnees.json');
  const data = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(data.account.email, email);
  assert.deepEqual(data.orders.map((o) => o.id), [order.id]);
  await page.getByRole('heading', { name: 'Supprimer mon compte' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'privacy-my-data', { fullPage: true });
  await assertNoSeriousA11yViolations(page);

  // A wrong password erases nothing.
  await page.getByLabel('Votre mot de passe, pour confirmer').fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
  await page.getByText("is not this account's password").waitFor();
  await page.getByLabel('Votre mot de passe, pour confirmer').fill(PASSWORD);
  await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  assert.equal((await api('POST', '/auth/login', { body: { email, password: PASSWORD } })).status, 401);
  // The shop keeps the order, under a pseudonym.
  const kept = await api('GET', `/orders/${order.id}`, { token: merchant });
  assert.match(kept.json.customer_name, /^Client supprimé #\d+$/);
  assert.equal(kept.json.total_cents, order.total_cents);

  // Signing in again is refused (the app may still be leaving for the home page: let it).
  await page.waitForLoadState('networkidle');
  await page.goto(`${suite.server.baseUrl}/compte/connexion`)
    .catch(() => page.goto(`${suite.server.baseUrl}/compte/connexion`));
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
  // Expected: the wrong password (422 on /me) and the refused sign-in (401 on /auth).
  const unexpected = problems.filter((p) => !/status of (401|422) .*\/api\/v1\/(me|auth\/)/.test(p));
  assert.deepEqual(unexpected, [], 'console errors and failed requests');
});

test('a guest asks for erasure from the tracking link and the admin carries it out', async () => {
  const order = await placeOrder({ name: 'Gaspard Lunel', phone: '06 55 44 33 22', email: 'gaspard.lunel@example.fr' });
  const { page, problems } = await newPhonePage(suite.browser);
  await page.goto(`${suite.server.baseUrl}/suivi/${order.tracking_token}`);
  await page.getByRole('heading', { name: 'Effacer mes données' }).waitFor();
  await page.getByRole('button', { name: "Demander l'effacement de mes données" }).click();
  await page.getByTestId('erasure-requested').getByText('Votre demande est enregistrée').waitFor();
  await screenshot(page, 'privacy-guest-request', { fullPage: true });
  await assertNoSeriousA11yViolations(page);

  const merchant = await tokenOf(MERCHANT);
  assert.equal((await api('POST', `/orders/${order.id}/transitions`, { token: merchant, body: { to: 'cancelled', reason: 'Demande du client' } })).status, 200);

  await logIn(page, ADMIN, DEMO_PASSWORD, '/gestion/association');
  await page.getByRole('link', { name: 'Données personnelles' }).first().click();
  await page.waitForURL('**/gestion/association/donnees');
  const request = page.getByTestId('erasure-request').filter({ hasText: order.number });
  await request.getByText('Gaspard Lunel').waitFor();
  await request.getByText('En attente').waitFor();
  await screenshot(page, 'privacy-admin-before', { fullPage: true });
  await assertNoSeriousA11yViolations(page);
  await request.getByRole('button', { name: 'Effacer maintenant' }).click();
  await request.getByText('1 commande').waitFor();
  assert.ok(!(await request.textContent()).includes('Gaspard'), 'the name is gone');
  await screenshot(page, 'privacy-admin-done', { fullPage: true });

  // The settings: the retentions, saved.
  await page.getByLabel('Conservation des commandes sans compte (mois après la dernière commande)').fill('24');
  await page.getByLabel('Conservation des courriels et des avis aux logiciels des commerces (jours après l\'envoi)').fill('60');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByTestId('privacy-saved').getByText('Enregistré.').waitFor();
  const privacy = await api('GET', '/privacy');
  assert.equal(privacy.json.guest_retention_months, 24);
  assert.equal(privacy.json.message_retention_days, 60);
  const tracked = await api('GET', `/track/${order.tracking_token}`);
  assert.match(tracked.json.customer_name, /^Client supprimé #\d+$/);
  assert.deepEqual(problems, [], 'console errors and failed requests');
});
