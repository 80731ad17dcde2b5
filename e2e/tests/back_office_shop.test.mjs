import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';

// A shop's own back-office pages: a new shopkeeper applies to join; the demo merchant edits
// the shop's profile and hours, adds a closed day, creates, uses and revokes an API key, and
// enters an order taken on the phone. Expectations come from the API at run time.

const SHOP = 'epicerie-du-duche';
const MERCHANT = { email: 'marchand@vitrine.demo', password: 'vitrine-demo-2026' };
const ADMIN = { email: 'admin@vitrine.demo', password: 'vitrine-demo-2026' };

const suite = demoSuite();
const { api } = suite;

/** `fetch` on `/api/v1<path>`, with a bearer token; `{ status, body }`. */
async function call(method, path, { token, body } = {}) {
  const res = await fetch(`${suite.server.baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** The page's problems, without the refusals the test provokes on purpose (`pattern`). */
const unexpected = (problems, pattern) => problems.filter((p) => !(/status of (400|401|409|422)/.test(p) && pattern.test(p)));

async function tokenOf({ email, password }) {
  const { status, body } = await call('POST', '/auth/login', { body: { email, password } });
  assert.equal(status, 200, `log-in of ${email}`);
  return body.access_token;
}

async function logInAsMerchant(page, next) {
  await page.goto(`${suite.server.baseUrl}/compte/connexion?retour=${encodeURIComponent(next)}`);
  await page.getByLabel('Adresse e-mail').fill(MERCHANT.email);
  await page.getByLabel('Mot de passe').fill(MERCHANT.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`**${next}`);
}

test('a new shopkeeper applies for a shop, and the association sees it pending', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  const name = `Bougies du Duché ${Date.now()}`;
  await page.goto(`${suite.server.baseUrl}/gestion`);
  await page.getByRole('link', { name: 'Inscrire mon commerce' }).click();
  await page.waitForURL('**/gestion/inscription');
  // Signed out: the page leads to the sign-up, which comes back here.
  await page.getByRole('main').getByRole('link', { name: 'Créer un compte' }).click();
  await page.waitForURL('**/compte/inscription?retour=%2Fgestion%2Finscription');
  await page.getByLabel('Nom et prénom').fill('Lucie Cirier');
  await page.getByLabel('Adresse e-mail').fill(`lucie.${Date.now()}@exemple.fr`);
  await page.getByLabel('Mot de passe').fill('une phrase facile à retenir');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.waitForURL('**/gestion/inscription');

  // A mistake is said beside its field, and nothing typed is lost.
  await page.getByLabel('Nom du commerce').fill(name);
  await page.getByRole('radio', { name: /^Autres commerces/ }).check();
  await page.getByLabel('Adresse (numéro et rue)').fill('3 rue Jacques d’Uzès');
  await page.getByLabel('Code postal').fill('307');
  await page.getByLabel('Commune').fill('Uzès');
  await page.getByLabel('Téléphone du commerce').fill('04 66 22 77 88');
  await page.getByLabel('Ce que vous vendez').fill('Bougies coulées à la main, savons.');
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await page.locator('#code-postal-erreur').waitFor();
  assert.equal(await page.getByLabel('Code postal').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Nom du commerce').inputValue(), name, 'the name is kept');
  await screenshot(page, 'back-office-join-error', { fullPage: true });
  await assertNoSeriousA11yViolations(page);
  await page.getByLabel('Code postal').fill('30700');
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();

  const sent = page.getByTestId('join-sent');
  await sent.waitFor();
  const slug = await sent.getAttribute('data-slug');
  assert.ok((await sent.textContent()).includes('attend la validation'), 'the page says it waits');
  assert.equal(
    await page.getByRole('link', { name: 'Profil et horaires' }).getAttribute('href'),
    `/gestion/${slug}/profil`,
  );
  await screenshot(page, 'back-office-join-sent');

  // The association sees it pending; shoppers do not see it yet.
  const admin = await tokenOf(ADMIN);
  const pending = await call('GET', '/admin/shops?status=pending&per_page=100', { token: admin });
  assert.equal(pending.status, 200);
  const shop = pending.body.items.find((s) => s.slug === slug);
  assert.ok(shop, `${slug} is pending`);
  assert.equal(shop.name, name);
  assert.equal(shop.kind, 'non_food');
  assert.equal((await call('GET', `/shops/${slug}`)).status, 404, 'not on the site before approval');
  assert.deepEqual(unexpected(problems, /\/shops\b/), [], 'console errors and failed requests');
});

test('the merchant edits the description and Monday’s hours, adds a closed day, and the site shows them', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  await logInAsMerchant(page, '/gestion');
  await page.getByTestId('bo-shop').filter({ hasText: 'Épicerie du Duché' }).getByRole('link', { name: 'Profil et horaires' }).click();
  await page.waitForURL(`**/gestion/${SHOP}/profil`);
  const description = `Épicerie fine au pied du Duché, mise à jour ${Date.now()}.`;
  await page.getByLabel('Présentation du commerce', { exact: false }).fill(description);
  const monday = page.getByTestId('day-1');
  if (await monday.getByLabel('Fermé ce jour-là').isChecked()) await monday.getByLabel('Fermé ce jour-là').uncheck();
  await monday.getByLabel('Ouvre à', { exact: true }).fill('08:30');
  await monday.getByLabel('Ferme à', { exact: true }).fill('12:15');
  await monday.getByLabel('Rouvre à (facultatif)').fill('15:00');
  await monday.getByLabel('Ferme à (après la pause)').fill('19:30');

  // Neither pickup nor delivery: refused in French, beside the boxes, nothing lost.
  const pickup = page.getByLabel('Retrait en boutique');
  const delivery = page.getByLabel('Livraison par les bénévoles', { exact: false });
  const [hadPickup, hadDelivery] = [await pickup.isChecked(), await delivery.isChecked()];
  await pickup.uncheck();
  await delivery.uncheck();
  await page.getByRole('button', { name: 'Enregistrer le profil' }).click();
  await page.locator('#offert-erreur').waitFor();
  assert.match(await page.locator('#offert-erreur').textContent(), /au moins une des deux cases/);
  assert.equal(await page.getByLabel('Présentation du commerce', { exact: false }).inputValue(), description);
  if (hadPickup || !hadDelivery) await pickup.check();
  if (hadDelivery) await delivery.check();
  // Guest orders left unconfirmed are released after the delay the shop chooses, 4 to 336 h.
  const release = page.getByLabel('Annuler les commandes non confirmées après (heures)');
  await release.fill('2');
  await page.getByRole('button', { name: 'Enregistrer le profil' }).click();
  await page.getByText("Indiquez un nombre d'heures entre 4 et 336.").waitFor();
  await release.fill('24');
  await page.getByRole('button', { name: 'Enregistrer le profil' }).click();
  await page.getByText('Enregistré.').waitFor();
  const profile = (await call('GET', `/shops/${SHOP}/profile`, { token: await tokenOf(MERCHANT) })).body;
  assert.equal(profile.release_unconfirmed_after_hours, 24);

  const shop = await api(`/shops/${SHOP}`);
  assert.equal(shop.description, description);
  const mondays = shop.opening_hours.filter((slot) => slot.weekday === 1).map((s) => `${s.opens}-${s.closes}`);
  assert.deepEqual(mondays, ['08:30-12:15', '15:00-19:30']);

  // A closed day, some weeks ahead, not already closed.
  const merchant = await tokenOf(MERCHANT);
  const closed = (await call('GET', `/shops/${SHOP}/closed-days?per_page=100`, { token: merchant })).body.items.map((d) => d.date);
  const day = new Date(Date.now() + 40 * 86_400_000);
  let date = day.toISOString().slice(0, 10);
  while (closed.includes(date)) {
    day.setUTCDate(day.getUTCDate() + 1);
    date = day.toISOString().slice(0, 10);
  }
  await page.getByLabel('Date de fermeture').fill(date);
  await page.getByRole('button', { name: 'Ajouter ce jour' }).click();
  await page.locator(`[data-testid="closed-day"][data-date="${date}"]`).waitFor();
  const after = (await call('GET', `/shops/${SHOP}/closed-days?per_page=100`, { token: merchant })).body.items.map((d) => d.date);
  assert.ok(after.includes(date), `${date} is closed for the API`);
  // The same day again is refused in French.
  await page.getByLabel('Date de fermeture').fill(date);
  await page.getByRole('button', { name: 'Ajouter ce jour' }).click();
  await page.getByText('Ce jour est déjà dans la liste.').waitFor();
  await screenshot(page, 'back-office-profile', { fullPage: true });
  await assertNoSeriousA11yViolations(page);
  assert.deepEqual(unexpected(problems, /closed-days|\/shops\/[a-z-]+\b/), [], 'console errors and failed requests');
});

test('the merchant creates an API key with what it may do, sees it once, uses it, and revokes it', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  await logInAsMerchant(page, `/gestion/${SHOP}/cles`);
  const name = `Caisse ${Date.now()}`;
  await page.getByLabel('Nom de la clé').fill(name);
  // Reading the shop, writing products and reading orders are ticked; this till needs no orders.
  const readOrders = page.getByLabel('lire les commandes');
  assert.ok(await readOrders.isChecked(), 'reading orders is offered ticked');
  assert.ok(!(await page.getByLabel('traiter les commandes (confirmer, préparer, encaisser)').isChecked()));
  await readOrders.uncheck();
  await page.getByRole('button', { name: 'Créer la clé' }).click();
  const box = page.getByTestId('new-key');
  await box.waitFor();
  const key = await page.getByLabel('Votre nouvelle clé').inputValue();
  assert.match(key, /^vtr_/);
  assert.ok((await box.textContent()).includes('ne sera plus jamais affichée'), 'the warning is shown');
  await box.getByRole('button', { name: 'Copier' }).waitFor();
  await screenshot(page, 'back-office-new-key', { fullPage: true });
  await assertNoSeriousA11yViolations(page);

  const me = await call('GET', '/me/shops', { token: key });
  assert.equal(me.status, 200, 'the key works');
  assert.ok(me.body.items.some((s) => s.slug === SHOP));
  const orders = await call('GET', `/shops/${SHOP}/orders`, { token: key });
  assert.equal(orders.status, 403, 'it cannot read orders');
  assert.equal(orders.body.code, 'scope_missing');
  assert.match(orders.body.detail, /orders:read/);

  // Shown once: after a reload only its prefix is listed.
  await page.reload();
  const row = page.getByTestId('api-key').filter({ hasText: name });
  await row.waitFor();
  assert.equal(await page.getByTestId('new-key').count(), 0, 'the secret is not shown again');
  assert.ok(!(await page.locator('main').textContent()).includes(key), 'the secret is nowhere on the page');
  assert.match(await row.textContent(), /Dernière utilisation le/);
  const scopes = await row.getByTestId('key-scopes').locator('li').allTextContents();
  assert.deepEqual(scopes, ['lire la boutique et ses produits', 'créer et modifier les produits (prix, stock, photos, import)']);

  await row.getByRole('button', { name: 'Révoquer' }).click();
  await row.getByRole('button', { name: 'Oui, révoquer cette clé' }).click();
  await page.locator('[data-testid="api-key"][data-revoked="true"]').filter({ hasText: name }).waitFor();
  assert.equal((await call('GET', '/me/shops', { token: key })).status, 401, 'the revoked key no longer works');
  await screenshot(page, 'back-office-keys', { fullPage: true });
  assert.deepEqual(problems, [], 'console errors and failed requests');
});

test('the merchant enters a phone order, and finds it in the inbox as a phone order', async () => {
  const merchant = await tokenOf(MERCHANT);
  const { items } = (await call('GET', `/shops/${SHOP}/products?status=active&per_page=100`, { token: merchant })).body;
  const product = items.find((p) => p.stock === null || p.stock >= 3);
  assert.ok(product, 'the demo shop has a product with stock');
  const { page, problems } = await newPhonePage(suite.browser);
  await logInAsMerchant(page, '/gestion');
  await page.getByTestId('bo-shop').filter({ hasText: 'Épicerie du Duché' }).getByRole('link', { name: 'Commande par téléphone' }).click();
  await page.waitForURL(`**/gestion/${SHOP}/commande-telephone`);

  await page.getByLabel('Chercher un produit').fill(product.name);
  await page.getByRole('button', { name: 'Chercher', exact: true }).click();
  const result = page.locator(`[data-testid="product-result"][data-id="${product.id}"]`);
  await result.getByRole('button', { name: `Ajouter ${product.name}` }).click();
  const line = page.locator(`[data-testid="phone-line"][data-id="${product.id}"]`);
  await line.getByRole('spinbutton').fill('2');

  // A bad phone number is refused beside its field.
  await page.getByLabel('Nom du client').fill('Odette Roux');
  await page.getByLabel('Téléphone du client').fill('12');
  await page.getByLabel('Retrait en boutique').check();
  await page.getByLabel('Note (facultatif)').fill('Passera lundi matin.');
  await page.getByLabel(/J'ai lu au client nos conditions de vente/).check();
  await page.getByRole('button', { name: 'Enregistrer la commande' }).click();
  await page.locator('#telephone-erreur').waitFor();
  assert.equal(await line.getByRole('spinbutton').inputValue(), '2', 'the quantity is kept');
  await screenshot(page, 'back-office-phone-error', { fullPage: true });
  await assertNoSeriousA11yViolations(page);
  await page.getByLabel('Téléphone du client').fill('04 66 22 99 00');
  await page.getByRole('button', { name: 'Enregistrer la commande' }).click();

  const done = page.getByTestId('phone-order-done');
  await done.waitFor();
  const number = await done.getAttribute('data-number');
  assert.ok((await done.textContent()).includes(number));
  await screenshot(page, 'back-office-phone-done');
  await page.getByRole('link', { name: 'Voir les commandes' }).click();
  await page.waitForURL(`**/gestion/${SHOP}/commandes`);
  await page.locator(`[data-testid="bo-order"][data-number="${number}"]`).waitFor();

  const orders = await call('GET', `/shops/${SHOP}/orders?per_page=100`, { token: merchant });
  const order = orders.body.items.find((o) => o.number === number);
  assert.ok(order, `${number} is in the shop's orders`);
  assert.equal(order.channel, 'phone');
  assert.equal(order.customer_name, 'Odette Roux');
  assert.equal(order.contact_preference, 'call');
  assert.deepEqual(order.lines.map((l) => [l.product_id, l.quantity]), [[product.id, 2]]);
  assert.deepEqual(unexpected(problems, /phone-orders/), [], 'console errors and failed requests');
});
