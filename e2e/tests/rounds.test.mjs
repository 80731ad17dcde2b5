import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { DEMO_PASSWORD, demoSuite } from '../lib/suite.mjs';

// Delivery rounds (issue 11), on a 360-pixel phone: the admin splits today's deliveries
// into two rounds and gives one to a volunteer; the volunteer collects at two shops, loses
// the signal, records one stop delivered (paid by cheque) and another failed, gets the
// signal back, and every tap reaches the server exactly once; the shop sees its order
// completed and paid.

const ADMIN = 'admin@vitrine.demo';
const VOLUNTEER = 'client@vitrine.demo';
const VOLUNTEER_NAME = 'Jeanne Martin';
const MERCHANT = 'marchand@vitrine.demo';
// The demo merchant's two shops, both delivering.
const SHOPS = ['epicerie-du-duche', 'chaussures-fabre'];

const suite = demoSuite();
const { call, tokenOf, sql } = suite;


/** Today in Paris, `YYYY-MM-DD`: the server's today. */
function parisToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}

/** A delivery to one door from the given shops, through the API; the orders. */
async function deliverTo(name, street, commune, shops, accessNote) {
  const cart = (await call('POST', '/carts')).body;
  for (const shop of shops) {
    const page = await call('GET', `/products?shop=${shop}&in_stock=true&per_page=5`);
    const product = page.body.items[0];
    const added = await call('POST', `/carts/${cart.id}/items`, { body: { product_id: product.id, quantity: 1 } });
    assert.equal(added.status, 200, JSON.stringify(added.body));
  }
  const res = await call('POST', `/carts/${cart.id}/checkout`, {
    headers: { 'Idempotency-Key': `e2e-${name}-${Date.now()}` },
    body: {
      customer: { name, phone: '06 12 34 56 78' },
      accept_terms: true,
      fulfilment: {
        method: 'delivery',
        address: { street, postcode: commune.postcode, commune: commune.name, access_note: accessNote },
      },
      contact_preference: 'call',
    },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.orders;
}

async function logIn(page, email, next) {
  await page.goto(`${suite.server.baseUrl}/compte/connexion?retour=${encodeURIComponent(next)}`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`**${next}`);
}

/** The page's problems, without the requests that fail because the test cut the network. */
const unexpected = (problems) => problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|net::ERR_NETWORK_CHANGED/.test(p));

test('an admin splits a date, a volunteer drives it offline and online, the shop sees it paid', async () => {
  const today = parisToday();
  const admin = await tokenOf(ADMIN);
  const merchant = await tokenOf(MERCHANT);

  // The volunteer: the demo customer, given the role, with her phone.
  const found = await call('GET', `/admin/users?q=${encodeURIComponent(VOLUNTEER)}`, { token: admin });
  const account = found.body.items.find((a) => a.email === VOLUNTEER);
  assert.equal((await call('PUT', `/admin/users/${account.id}/role`, { token: admin, body: { role: 'volunteer' } })).status, 200);
  const volunteer = await tokenOf(VOLUNTEER);
  assert.equal((await call('PATCH', '/me', { token: volunteer, body: { phone: '06 11 22 33 44' } })).status, 200);

  // Three doors: two in Uzès (one served by both shops), one in a village.
  const communes = (await call('GET', '/communes?per_page=100')).body.items;
  const uzes = communes.find((c) => c.name === 'Uzès');
  const village = communes.find((c) => c.name !== 'Uzès');
  const [marcelA, marcelB] = await deliverTo('Marcel Durand', '12 rue Jacques d’Uzès', uzes, SHOPS, 'code porte 1234, 2e étage');
  const [louise] = await deliverTo('Louise Roche', '3 rue Jacques d’Uzès', uzes, [SHOPS[0]]);
  const [paul] = await deliverTo('Paul Bonnet', '2 place de l’Église', village, [SHOPS[0]]);
  // The delivery-day rule gives each kind of shop its own day: make them all today's.
  sql(`UPDATE orders SET fulfilment_date = '${today}' WHERE id IN (${[marcelA.id, marcelB.id, louise.id, paul.id].join(',')})`);
  // The shops confirm and pack them (bags), except Paul's, left unconfirmed to be flagged.
  for (const order of [marcelA, marcelB, louise]) {
    const confirmed = await call('POST', `/orders/${order.id}/transitions`, { token: merchant, body: { to: 'confirmed' } });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    const ready = await call('POST', `/orders/${order.id}/transitions`, { token: merchant, body: { to: 'ready', bags: 2 } });
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
  }

  // The admin, on a phone: two rounds, the village in the second, the volunteer on the first.
  const { page, problems } = await newPhonePage(suite.browser);
  await logIn(page, ADMIN, '/gestion/association');
  await page.getByRole('link', { name: 'Tournées', exact: true }).click();
  await page.waitForURL('**/gestion/association/tournees');
  // The next delivery dates are offered; today's orders are reached by the address.
  await page.getByRole('heading', { name: /^Livraisons du/ }).waitFor();
  await page.goto(`${suite.server.baseUrl}/gestion/association/tournees?date=${today}`);
  await page.locator('[data-testid="round-stop"]').nth(2).waitFor();
  await page.getByLabel('Nom de la nouvelle tournée').fill('Uzès centre');
  await page.getByRole('button', { name: 'Créer la tournée' }).click();
  await page.locator('[data-testid="round"][data-name="Uzès centre"]').waitFor();
  await page.getByLabel('Nom de la nouvelle tournée').fill('Villages');
  await page.getByRole('button', { name: 'Créer la tournée' }).click();
  const villages = page.locator('[data-testid="round"][data-name="Villages"]');
  await villages.waitFor();
  const centre = page.locator('[data-testid="round"][data-name="Uzès centre"]');
  await centre.getByLabel('Toutes les adresses de').selectOption(village.name);
  await centre.getByRole('button', { name: 'Déplacer la commune' }).click();
  await villages.locator(`[data-testid="round-stop"][data-commune="${village.name}"]`).waitFor();
  assert.equal(await page.locator('[data-testid="round"][data-name="Uzès centre"] [data-testid="round-stop"]').count(), 2);
  await assertNoSeriousA11yViolations(page);
  await page.locator('[data-testid="round"][data-name="Uzès centre"]').getByLabel(new RegExp(VOLUNTEER_NAME)).check();
  await page.locator('[data-testid="round"][data-name="Uzès centre"]').getByRole('button', { name: 'Enregistrer les bénévoles' }).click();
  let rounds;
  for (let tries = 0; tries < 50; tries += 1) {
    rounds = (await call('GET', `/rounds?date=${today}`, { token: admin })).body.rounds;
    if (rounds.find((r) => r.name === 'Uzès centre').volunteers.length > 0) break;
    await page.waitForTimeout(200);
  }
  const round = rounds.find((r) => r.name === 'Uzès centre');
  assert.deepEqual(round.volunteers.map((v) => v.name), [VOLUNTEER_NAME]);
  assert.equal(rounds.find((r) => r.name === 'Villages').unconfirmed_orders, 1, "Paul's order is flagged");
  await screenshot(page, 'rounds-planning', { fullPage: true });
  await assertNoSeriousA11yViolations(page);

  // The sheets to print.
  await page.locator('[data-testid="round"][data-name="Uzès centre"]').getByRole('link', { name: 'Imprimer les feuilles' }).click();
  await page.waitForURL(`**/gestion/association/tournees/${round.id}/feuilles`);
  await page.locator('[data-testid="collection-sheet"]').nth(1).waitFor();
  assert.equal(await page.locator('[data-testid="drop-sheet"]').count(), 1, 'one drop sheet per volunteer');
  await screenshot(page, 'rounds-sheets', { fullPage: true });
  // Printed: a page per shop's collection sheet, then one per volunteer's drop sheet.
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  assert.equal((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length, 3, 'three A4 pages');
  await assertNoSeriousA11yViolations(page);
  assert.deepEqual(problems, []);

  // The volunteer, on her phone: her round, straight after logging in.
  const phone = await newPhonePage(suite.browser);
  const v = phone.page;
  await logIn(v, VOLUNTEER, '/tournee');
  await v.locator('[data-testid="collect-shop"]').nth(1).waitFor();
  for (const shop of SHOPS) {
    const card = v.locator(`[data-testid="collect-shop"][data-shop="${shop}"]`);
    await card.getByRole('button', { name: /^Collecté chez/ }).click();
    await card.getByText('✓ Collecté').waitFor();
  }
  await v.getByTestId('pending-taps').getByText('Tout est envoyé.').waitFor();
  await screenshot(v, 'rounds-volunteer-collected', { fullPage: true });
  await assertNoSeriousA11yViolations(v);

  // No signal: the two stops are recorded in the phone.
  await phone.context.setOffline(true);
  const stops = v.locator('[data-testid="drop-stop"]');
  const marcel = stops.filter({ hasText: 'Marcel Durand' });
  await marcel.getByRole('button', { name: 'Livré', exact: true }).click();
  for (const group of await marcel.getByRole('group').all()) {
    await group.getByLabel('Chèque').check();
  }
  await marcel.getByRole('button', { name: 'Confirmer la livraison' }).click();
  await marcel.getByText('✓ Livré').waitFor();
  const louiseStop = stops.filter({ hasText: 'Louise Roche' });
  await louiseStop.getByRole('button', { name: 'Échec', exact: true }).click();
  await louiseStop.getByLabel('Personne à la maison').check();
  await louiseStop.getByRole('button', { name: "Confirmer l'échec" }).click();
  await louiseStop.getByText('✗ Échec').waitFor();
  await v.getByTestId('pending-taps').getByText(/2 actions en attente d'envoi/).waitFor();
  await screenshot(v, 'rounds-volunteer-offline', { fullPage: true });
  await assertNoSeriousA11yViolations(v);
  const before = (await call('GET', `/rounds/${round.id}`, { token: admin })).body;
  assert.ok(before.stops.every((s) => s.state === 'pending'), 'nothing reached the server yet');

  // The signal is back: the taps leave, once.
  await phone.context.setOffline(false);
  await v.getByTestId('pending-taps').getByText('Tout est envoyé.').waitFor({ timeout: 30_000 });
  const after = (await call('GET', `/rounds/${round.id}`, { token: admin })).body;
  const byName = Object.fromEntries(after.stops.map((s) => [s.customer_name, s]));
  assert.equal(byName['Marcel Durand'].state, 'delivered');
  assert.equal(byName['Louise Roche'].state, 'failed');
  assert.deepEqual([...after.collected_shops].sort(), [...SHOPS].sort());
  for (const order of [marcelA, marcelB]) {
    const seen = (await call('GET', `/orders/${order.id}`, { token: merchant })).body;
    assert.equal(seen.status, 'completed');
    assert.equal(seen.payment_status, 'paid');
    assert.equal(seen.payment_method, 'cheque');
    const payments = (seen.history ?? []).filter((e) => e.kind === 'payment');
    assert.equal(payments.length, 1, 'the payment is recorded once');
  }
  const failed = (await call('GET', `/orders/${louise.id}`, { token: merchant })).body;
  assert.equal(failed.status, 'ready');
  assert.ok(failed.fulfilment.date > today, 'back to the shop for a later date');
  // A reload sends nothing more.
  await v.reload();
  await v.getByTestId('pending-taps').getByText('Tout est envoyé.').waitFor();
  assert.deepEqual(unexpected(phone.problems), []);

  // The shop: the order completed and paid by cheque, collected by the volunteer.
  const shop = await newPhonePage(suite.browser);
  await logIn(shop.page, MERCHANT, `/gestion/${SHOPS[0]}/commandes`);
  const section = shop.page.getByTestId('shop-round');
  await section.waitFor();
  await section.getByText('Tournées précédentes').click().catch(() => {});
  const delivered = shop.page.locator(`[data-testid="shop-round-order"][data-number="${marcelA.number}"]`);
  await delivered.first().waitFor();
  const said = await delivered.first().textContent();
  assert.match(said, /Livrée, payée \(Chèque\), encaissée par Jeanne Martin/i);
  await screenshot(shop.page, 'rounds-shop', { fullPage: true });
  await assertNoSeriousA11yViolations(shop.page);
  assert.deepEqual(shop.problems, []);
});
