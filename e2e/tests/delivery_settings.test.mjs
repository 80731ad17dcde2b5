import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { freshInstallSuite } from '../lib/suite.mjs';

// The association sets up its delivery zone and days on an EMPTY database: the first admin
// is made with `vitrine create-admin`, logs in, finds and adds two communes from the
// official list, sets the weekdays, the cut-off, the minimum basket and a closed day; the
// public API and the page (after a reload) show them. Then, on the demo, a shopper whose
// basket is below the minimum is told why it is not delivered.

const ADMIN = { email: 'benevole@association.fr', password: 'une phrase facile à retenir', name: 'Marie Bénévole' };
const DELIVERY_PAGE = '/gestion/association/livraison';
const SAINT_QUENTIN = '30295';
const UZES = '30334';

const suite = freshInstallSuite(ADMIN);

/** `fetch` on `/api/v1<path>` of `base`, with a bearer token; `{ status, body }`. */
async function call(base, method, apiPath, { token, body } = {}) {
  const res = await fetch(`${base}/api/v1${apiPath}`, {
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

async function tokenOf(base, { email, password }) {
  const { status, body } = await call(base, 'POST', '/auth/login', { body: { email, password } });
  assert.equal(status, 200, `log-in of ${email}`);
  return body.access_token;
}

/** `YYYY-MM-DD`, `days` after today. */
function isoIn(days) {
  const date = new Date(Date.now() + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** Checks exactly `wanted` (1 Monday .. 7 Sunday) among a group's weekday boxes. */
async function setWeekdays(group, wanted) {
  const names = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
  for (const [i, name] of names.entries()) {
    const box = group.getByLabel(name, { exact: true });
    await box.setChecked(wanted.includes(i + 1));
  }
}

test('the first admin sets up the delivery zone, days and a closed day on an empty marketplace', async () => {
  const base = suite.server.baseUrl;
  const admin = await tokenOf(base, ADMIN);
  // Start away from the defaults, so that what the page saves is seen to change.
  const reset = await call(base, 'PATCH', '/admin/delivery', { token: admin, body: { food_days: [1], non_food_days: [1] } });
  assert.equal(reset.status, 200, JSON.stringify(reset.body));
  assert.deepEqual((await call(base, 'GET', '/communes')).body.items, [], 'an empty marketplace has no zone');

  const { page, problems } = await newPhonePage(suite.browser);
  await page.goto(`${base}/compte/connexion?retour=${encodeURIComponent(DELIVERY_PAGE)}`);
  await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`**${DELIVERY_PAGE}`);
  await page.getByRole('heading', { level: 1, name: 'Livraison' }).waitFor();
  await page.getByText('Aucune commune pour l’instant').waitFor();

  // Search with the keyboard: type, Enter, Tab to the result's button, Enter.
  const search = page.getByRole('searchbox', { name: 'Ajouter une commune' });
  await search.fill('saint quentin');
  await search.press('Enter');
  const result = page.locator(`[data-testid="commune-result"][data-insee="${SAINT_QUENTIN}"]`);
  await result.waitFor();
  assert.match(await result.textContent(), /Saint-Quentin-la-Poterie — 30700 — département 30/);
  assert.ok((await page.getByTestId('commune-result').count()) > 5, 'the other Saint-Quentins are offered too');
  await screenshot(page, 'delivery-search', { fullPage: true });
  const add = result.getByRole('button', { name: 'Ajouter Saint-Quentin-la-Poterie (30700) à la zone de livraison' });
  await add.focus();
  await page.keyboard.press('Enter');
  await page.locator(`[data-testid="zone-commune"][data-insee="${SAINT_QUENTIN}"]`).waitFor();
  await page.getByRole('status').getByText('Saint-Quentin-la-Poterie fait maintenant partie de la zone de livraison.').waitFor();
  assert.equal(await result.getByText('Déjà livrée').count(), 1, 'the result says it is in the zone');

  await search.fill('Uzès');
  await page.getByRole('button', { name: 'Chercher' }).click();
  await page.locator(`[data-testid="commune-result"][data-insee="${UZES}"]`).getByRole('button', { name: /^Ajouter Uzès/ }).click();
  await page.locator(`[data-testid="zone-commune"][data-insee="${UZES}"]`).waitFor();

  // Tuesday and Friday for food, Thursday for the others; cut-off 17 h; 15 € minimum.
  await setWeekdays(page.getByTestId('days-alimentaire'), [2, 5]);
  await setWeekdays(page.getByTestId('days-autres'), [4]);
  await page.getByLabel('Heure limite de commande, la veille').selectOption('17');
  await page.getByLabel('À partir d’un montant d’achat par commerce').check();
  await page.getByLabel('Montant minimum par commerce, en euros').fill('15');
  await page.getByRole('button', { name: 'Enregistrer les jours et la règle' }).click();
  await page.getByText('Enregistré. Les paniers proposent les nouvelles dates dès maintenant.').waitFor();

  const closed = isoIn(20);
  await page.getByLabel('Date sans livraison').fill(closed);
  await page.getByRole('button', { name: 'Ajouter ce jour' }).click();
  await page.locator(`[data-testid="delivery-closed-day"][data-date="${closed}"]`).waitFor();

  // The public API says what the page set.
  const rules = (await call(base, 'GET', '/delivery')).body;
  assert.deepEqual(rules.food_days, [2, 5]);
  assert.deepEqual(rules.non_food_days, [4]);
  assert.equal(rules.cut_off_hour, 17);
  assert.deepEqual(rules.closed_days, [closed]);
  assert.deepEqual(rules.free_delivery, { rule: 'minimum_basket', minimum_cents: 1500 });
  const zone = (await call(base, 'GET', '/communes')).body.items;
  assert.deepEqual(
    zone.map((c) => [c.insee, c.name, c.postcode]).sort(),
    [[SAINT_QUENTIN, 'Saint-Quentin-la-Poterie', '30700'], [UZES, 'Uzès', '30700']],
  );

  // The page, loaded again, shows the same.
  await page.reload();
  await page.locator(`[data-testid="zone-commune"][data-insee="${UZES}"]`).waitFor();
  assert.equal(await page.getByTestId('zone-commune').count(), 2);
  const food = page.getByTestId('days-alimentaire');
  for (const [name, on] of [['lundi', false], ['mardi', true], ['jeudi', false], ['vendredi', true]]) {
    assert.equal(await food.getByLabel(name, { exact: true }).isChecked(), on, `food ${name}`);
  }
  assert.equal(await page.getByTestId('days-autres').getByLabel('jeudi', { exact: true }).isChecked(), true);
  assert.equal(await page.getByLabel('Heure limite de commande, la veille').inputValue(), '17');
  assert.equal(await page.getByLabel('Montant minimum par commerce, en euros').inputValue(), '15');
  await page.locator(`[data-testid="delivery-closed-day"][data-date="${closed}"]`).waitFor();
  await screenshot(page, 'delivery-settings', { fullPage: true });
  await assertNoSeriousA11yViolations(page);

  // Removing a commune: the public zone follows.
  await page.getByRole('button', { name: 'Retirer Uzès de la zone de livraison' }).click();
  await page.locator(`[data-testid="zone-commune"][data-insee="${UZES}"]`).waitFor({ state: 'detached' });
  assert.deepEqual((await call(base, 'GET', '/communes')).body.items.map((c) => c.insee), [SAINT_QUENTIN]);
  assert.deepEqual(problems, [], 'console errors and failed requests');
});

test('a shopper whose basket is below the minimum is told why it is not delivered', async () => {
  const demo = await startServer({ demo: true });
  try {
    const base = demo.baseUrl;
    const admin = await tokenOf(base, { email: 'admin@vitrine.demo', password: 'vitrine-demo-2026' });
    const { items } = (await call(base, 'GET', '/products?shop=epicerie-du-duche&in_stock=true&per_page=1')).body;
    const product = items[0];
    const minimum = product.price_cents * 2;
    const set = await call(base, 'PATCH', '/admin/delivery', {
      token: admin,
      body: { free_delivery: { rule: 'minimum_basket', minimum_cents: minimum } },
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));

    const { page, problems } = await newPhonePage(suite.browser);
    await page.goto(`${base}/produits/${product.id}`);
    await page.getByTestId('add-to-basket').click();
    await page.getByTestId('add-outcome').getByText('Ajouté au panier').waitFor();
    await page.goto(`${base}/panier`);
    const note = page.getByTestId('delivery-minimum');
    await note.waitFor();
    const euros = (cents) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
    const text = (await note.textContent()).replace(/[\u00a0\u202f]/g, ' ');
    assert.ok(text.includes(`à partir de ${euros(minimum)} €`), text);
    assert.ok(text.includes(`ajoutez ${euros(minimum - product.price_cents)} €`), text);
    assert.equal(await page.locator('[data-testid="fulfilment-date"][data-method="delivery"]').count(), 0, 'no delivery date offered');
    await screenshot(page, 'delivery-basket-below-minimum', { fullPage: true });
    await assertNoSeriousA11yViolations(page);

    await page.goto(`${base}/commande`);
    const exception = page.getByTestId('way-exception');
    await exception.waitFor();
    assert.match((await exception.textContent()).replace(/[\u00a0\u202f]/g, ' '), /livre à partir de .* : cette commande sera à retirer en boutique/);
    await screenshot(page, 'delivery-checkout-below-minimum', { fullPage: true });
    assert.deepEqual(problems, [], 'console errors and failed requests');
    await page.context().close();
  } finally {
    await demo.stop();
  }
});
