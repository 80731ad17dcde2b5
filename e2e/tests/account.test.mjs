import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { squash } from '../lib/assertions.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';

// A shopper's account: signing up from the checkout, ordering signed in with a word to the
// shop, "Mes commandes", logging out and in again, and a session refreshed behind the scenes.
// The refresh token lives in an HttpOnly cookie the page cannot read; the access token in
// memory only. Expectations come from the API at run time.

const FOOD_SHOP = 'epicerie-du-duche';
const SESSION_KEY = 'vitrine.session';
const BASKET_KEY = 'vitrine.panier';
const REFRESH_COOKIE = 'vitrine_refresh';

const suite = demoSuite();
const { api } = suite;

const plain = (text) => squash(text.replace(/[\u00a0\u202f]/g, ' '));

/** The refresh cookie the browser holds for the server, if any. */
async function refreshCookie(page) {
  return (await page.context().cookies()).find((c) => c.name === REFRESH_COOKIE);
}

async function orderable(shop) {
  const { items } = await api(`/products?shop=${shop}&in_stock=true&per_page=100`);
  for (const card of items) {
    const product = await api(`/products/${card.id}`);
    if (product.max_quantity >= 1) return product;
  }
  assert.fail(`the demo shop ${shop} should have a product in stock`);
}

test('a shopper signs up at checkout, orders with a word to the shop, and finds it in "Mes commandes"', async () => {
  const product = await orderable(FOOD_SHOP);
  const { page, problems } = await newPhonePage(suite.browser);
  const email = `jeanne.${Date.now()}@exemple.fr`;
  const password = 'une phrase facile à retenir';

  // A guest basket, then the checkout offers to log in.
  await page.goto(`${suite.server.baseUrl}/produits/${product.id}`);
  await page.getByTestId('add-to-basket').click();
  await page.getByTestId('add-outcome').getByText('Ajouté au panier').waitFor();
  const guestCart = await page.evaluate((key) => localStorage.getItem(key), BASKET_KEY);
  await page.goto(`${suite.server.baseUrl}/commande`);
  await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
  await page.waitForURL('**/compte/connexion?retour=%2Fcommande');
  await page.getByRole('link', { name: 'Créer un compte' }).click();
  await page.waitForURL('**/compte/inscription?retour=%2Fcommande');

  // A too-short password is refused beside its field, and nothing typed is lost.
  await page.getByLabel('Nom et prénom').fill('Jeanne Martin');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill('court');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.locator('#mot-de-passe-erreur').waitFor();
  assert.match(plain(await page.locator('#mot-de-passe-erreur').textContent()), /12 à 128 caractères/);
  assert.equal(await page.getByLabel('Adresse e-mail').inputValue(), email, 'the e-mail is kept');
  await screenshot(page, 'register-phone-error');
  await assertNoSeriousA11yViolations(page);
  await page.getByLabel('Mot de passe').fill(password);
  const registered = page.waitForResponse((res) => res.url().endsWith('/api/v1/auth/register') && res.status() === 201);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  const session = await (await registered).json();
  assert.equal(session.refresh_token, undefined, 'the refresh token is not in the answer the page reads');

  // The refresh token is an HttpOnly, SameSite=Strict cookie for the auth routes only, and
  // nothing the page can read holds a token.
  const cookie = await refreshCookie(page);
  assert.ok(cookie, 'the refresh cookie is set');
  assert.deepEqual([cookie.httpOnly, cookie.sameSite, cookie.path], [true, 'Strict', '/api/v1/auth']);
  assert.equal(await page.evaluate(() => document.cookie.includes('vitrine_refresh')), false);
  const remembered = await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage));
  assert.ok(!remembered.includes(session.access_token) && !remembered.includes(cookie.value), 'no token in storage');

  // Back at the checkout, signed in: name and e-mail are known, the basket is the same.
  await page.waitForURL('**/commande');
  await page.getByTestId('checkout-account').waitFor();
  assert.match(plain(await page.getByTestId('checkout-account').textContent()), /Jeanne Martin/);
  assert.equal(await page.getByLabel('Nom et prénom').inputValue(), 'Jeanne Martin');
  assert.equal(await page.getByLabel('Adresse e-mail').inputValue(), email);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), BASKET_KEY), guestCart, 'the guest basket is kept');
  await page.getByLabel('Téléphone').fill('06 12 34 56 78');
  await page.getByLabel('Retrait en boutique').check();
  const note = 'Je passerai vers 17 heures, merci !';
  await page.getByTestId('shop-note').fill(note);
  await screenshot(page, 'checkout-signed-in-phone', { fullPage: true });
  await assertNoSeriousA11yViolations(page);
  await page.getByLabel(/J'ai lu et j'accepte/).check();
  await page.getByRole('button', { name: 'Valider la commande' }).click();
  await page.waitForURL('**/commande/merci**');
  await page.getByTestId('order').first().waitFor();
  const number = await page.getByTestId('order').first().getAttribute('data-number');
  const href = await page.getByTestId('track-link').first().getAttribute('href');
  const tracked = await api(`/track/${href.split('/').pop()}`);
  assert.equal(tracked.number, number);
  assert.equal(tracked.note, note, 'the word to the shop reached the order');

  // "Mes commandes" lists it; the API agrees the order is the account's.
  await page.getByRole('link', { name: 'Mon compte' }).click();
  await page.waitForURL('**/compte/commandes');
  await page.locator(`[data-testid="order"][data-number="${number}"]`).waitFor();
  const res = await fetch(`${suite.server.baseUrl}/api/v1/me/orders`, { headers: { Authorization: `Bearer ${session.access_token}` } });
  assert.equal(res.status, 200);
  assert.deepEqual((await res.json()).items.map((o) => o.number), [number], "the account's orders, as the API lists them");
  await screenshot(page, 'my-orders-phone', { fullPage: true });
  await assertNoSeriousA11yViolations(page);

  // Logging out forgets the session here and on the server.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL(`${suite.server.baseUrl}/`);
  // The home page belongs to the other bundle: wait for it to be loaded.
  await page.locator('[data-testid="shop-list"]').waitFor();
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY), null);
  assert.equal(await refreshCookie(page), undefined, 'the cookie is gone');
  const refused = await fetch(`${suite.server.baseUrl}/api/v1/auth/refresh`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refresh_token: cookie.value }),
  });
  assert.equal(refused.status, 401, 'the refresh token no longer works');
  await page.getByRole('link', { name: 'Se connecter' }).waitFor();

  // A wrong password says so; the right one leads back to the orders.
  await page.goto(`${suite.server.baseUrl}/compte/commandes`);
  await page.getByText('Connectez-vous pour voir vos commandes.').waitFor();
  await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
  await page.waitForURL('**/compte/connexion**');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByTestId('form-problem').getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
  await screenshot(page, 'login-phone-error');
  await assertNoSeriousA11yViolations(page);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/compte/commandes');
  await page.locator(`[data-testid="order"][data-number="${number}"]`).waitFor();

  // A reload forgets the access token: the session is refreshed once, behind the scenes,
  // through the cookie, which the server replaces.
  const before = await refreshCookie(page);
  const refreshes = [];
  page.on('response', (res) => {
    if (res.url().endsWith('/api/v1/auth/refresh')) refreshes.push(res.status());
  });
  await page.reload();
  await page.locator(`[data-testid="order"][data-number="${number}"]`).waitFor();
  assert.deepEqual(refreshes, [200], 'one refresh');
  const after = await refreshCookie(page);
  assert.ok(after && after.value !== before.value, 'the session was refreshed');

  // Expected refusals: the short password (400), the wrong one (401), the spent token (401).
  const unexpected = problems.filter((p) => !/status of (400|401) .*\/auth\/(register|login)\b/.test(p));
  assert.deepEqual(unexpected, [], 'console errors and failed requests');
});
