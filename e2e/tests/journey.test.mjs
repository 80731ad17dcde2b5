import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { waitForTitle } from '../lib/assertions.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { freshInstallSuite } from '../lib/suite.mjs';

// The whole first week of a marketplace, from an EMPTY database, every step in the web app:
// the first administrator (made with `vitrine create-admin`, as the README says) lands on
// the setup page, saves the settings, accepts the default categories, adds two communes and
// sets Tuesday and Friday for food; a shopkeeper signs up and applies; the administrator
// approves the shop; the shopkeeper creates a product and puts it on sale; a shopper orders
// it for home delivery, on a Tuesday or a Friday. Nothing is set through the API or SQL.

const ADMIN = { email: 'presidente@marche.example', password: 'une phrase facile à retenir', name: 'Anne Roux' };
const TOWN = 'Saint-Quentin-la-Poterie';
const SAINT_QUENTIN = '30295';
const SHOPKEEPER = { email: 'boulanger@marche.example', password: 'un four à bois depuis 1920', name: 'Marc Fournier' };
const SHOP_NAME = 'Boulangerie du Four';
const PRODUCT = 'Pain de campagne au levain';

const suite = freshInstallSuite(ADMIN);
const { api } = suite;

const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** Checks exactly `wanted` (1 Monday .. 7 Sunday) among a group's weekday boxes. */
async function setWeekdays(group, wanted) {
  for (const [i, name] of WEEKDAYS.entries()) {
    await group.getByLabel(name, { exact: true }).setChecked(wanted.includes(i + 1));
  }
}

/** Adds the commune named `name` found by `search`, or the one whose INSEE code is `insee`. */
async function addCommune(page, search, { name, insee }) {
  const box = page.getByRole('searchbox', { name: 'Ajouter une commune' });
  await box.fill(search);
  await page.getByRole('button', { name: 'Chercher' }).click();
  const result = insee
    ? page.locator(`[data-testid="commune-result"][data-insee="${insee}"]`)
    : page.getByTestId('commune-result').filter({ hasText: new RegExp(`^${name} —`) }).first();
  await result.waitFor();
  const code = await result.getAttribute('data-insee');
  await result.getByRole('button', { name: /^Ajouter / }).click();
  await page.locator(`[data-testid="zone-commune"][data-insee="${code}"]`).waitFor();
  return code;
}

/** The setup page's steps: `{ settings: 'true', ... }`. */
async function steps(page) {
  await page.getByTestId('setup-step').first().waitFor();
  return Object.fromEntries(
    await page.getByTestId('setup-step').evaluateAll((items) => items.map((li) => [li.dataset.step, li.dataset.done])),
  );
}

/** 0 Sunday .. 6 Saturday. */
const weekday = (iso) => new Date(`${iso}T00:00:00Z`).getUTCDay();

test('from an empty database: set up, a shop joins and sells, a shopper orders for delivery on a food day', async () => {
  const base = suite.server.baseUrl;
  assert.deepEqual((await api('/categories')).items, [], 'no category on a fresh install');

  // --- The association's administrator: the setup, step by step. ---
  const admin = await newPhonePage(suite.browser);
  const a = admin.page;
  await a.goto(`${base}/compte/connexion?retour=%2Fgestion`);
  await a.getByLabel('Adresse e-mail').fill(ADMIN.email);
  await a.getByLabel('Mot de passe').fill(ADMIN.password);
  await a.getByRole('button', { name: 'Se connecter' }).click();
  await a.waitForURL('**/gestion/association/demarrage');
  assert.deepEqual(await steps(a), { settings: 'false', categories: 'false', communes: 'false', shops: 'false' });
  // Typing starts once the page has loaded (a slow machine once lost the first fields).
  await a.waitForLoadState('networkidle');

  await a.getByLabel('Ville').fill(TOWN);
  await a.getByLabel('Nom du site').fill('Le Marché de la Poterie');
  await a.getByLabel('Téléphone pour commander').fill('04 66 03 01 02');
  await a.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await a.getByTestId('settings-saved').waitFor();
  await a.locator('[data-testid="setup-step"][data-step="settings"][data-done="true"]').waitFor();
  const saved = await api('/marketplace');
  assert.deepEqual([saved.name, saved.town], ['Le Marché de la Poterie', TOWN], 'the settings as typed');

  // Categories: the default tree, accepted as offered.
  await a.locator('[data-testid="setup-step"][data-step="categories"]').getByRole('link').click();
  await a.waitForURL('**/gestion/association/categories');
  await a.getByRole('button', { name: 'Utiliser les catégories proposées' }).click();
  await a.getByTestId('category-status').getByText('Les catégories proposées sont en place.').waitFor();
  const slugs = (await api('/categories?per_page=100')).items.map((c) => c.slug);
  assert.ok(slugs.includes('alimentation'), `the default tree is in place: ${slugs.join(', ')}`);

  // Delivery: two communes of the official list, Tuesday and Friday for food, Thursday for
  // the others.
  await a.goto(`${base}/gestion/association/demarrage`);
  await a.locator('[data-testid="setup-step"][data-step="communes"]').getByRole('link').click();
  await a.waitForURL('**/gestion/association/livraison');
  await addCommune(a, 'saint quentin la poterie', { insee: SAINT_QUENTIN });
  const second = await addCommune(a, 'vallabrix', { name: 'Vallabrix' });
  await setWeekdays(a.getByTestId('days-alimentaire'), [2, 5]);
  await setWeekdays(a.getByTestId('days-autres'), [4]);
  await a.getByRole('button', { name: 'Enregistrer les jours et la règle' }).click();
  await a.getByText('Enregistré. Les paniers proposent les nouvelles dates dès maintenant.').waitFor();
  const rules = await api('/delivery');
  assert.deepEqual(rules.food_days, [2, 5]);
  assert.deepEqual(rules.non_food_days, [4]);
  assert.deepEqual((await api('/communes')).items.map((c) => c.insee).sort(), [SAINT_QUENTIN, second].sort());

  await a.goto(`${base}/gestion/association/demarrage`);
  assert.deepEqual(await steps(a), { settings: 'true', categories: 'true', communes: 'true', shops: 'false' });
  await screenshot(a, 'journey-setup-done', { fullPage: true });
  await assertNoSeriousA11yViolations(a);

  // --- A shopkeeper signs up and applies. ---
  const keeper = await newPhonePage(suite.browser);
  const k = keeper.page;
  await k.goto(`${base}/gestion`);
  await k.getByRole('link', { name: 'Inscrire mon commerce' }).click();
  await k.waitForURL('**/gestion/inscription');
  await k.getByRole('main').getByRole('link', { name: 'Créer un compte' }).click();
  await k.waitForURL('**/compte/inscription**');
  await k.getByLabel('Nom et prénom').fill(SHOPKEEPER.name);
  await k.getByLabel('Adresse e-mail').fill(SHOPKEEPER.email);
  await k.getByLabel('Mot de passe').fill(SHOPKEEPER.password);
  await k.getByRole('button', { name: 'Créer mon compte' }).click();
  await k.waitForURL('**/gestion/inscription');
  await k.getByLabel('Nom du commerce').fill(SHOP_NAME);
  await k.getByRole('radio', { name: /^Alimentation/ }).check();
  await k.getByLabel('Adresse (numéro et rue)').fill('2 place de la Mairie');
  await k.getByLabel('Code postal').fill('30700');
  await k.getByLabel('Commune').fill(TOWN);
  await k.getByLabel('Téléphone du commerce').fill('04 66 22 01 01');
  await k.getByLabel('Ce que vous vendez').fill('Pains au levain cuits au feu de bois.');
  await k.getByRole('button', { name: 'Envoyer ma demande' }).click();
  const sent = k.getByTestId('join-sent');
  await sent.waitFor();
  const slug = await sent.getAttribute('data-slug');

  // --- Not before its legal identity (issue 15): the association's page says so. ---
  await a.goto(`${base}/gestion/association`);
  const pending = a.locator(`[data-testid="pending-shop"][data-slug="${slug}"]`);
  await pending.getByTestId('identity-missing').waitFor();
  assert.equal(await pending.getByRole('button', { name: 'Valider et mettre en ligne' }).count(), 0);

  // --- The shopkeeper gives it on the shop's profile. ---
  await k.goto(`${base}/gestion/${slug}/profil`);
  const legal = k.getByTestId('legal-identity');
  await legal.getByLabel('Dénomination').fill('Fournil de la Mairie SARL');
  await legal.getByLabel('Forme juridique').selectOption('sarl');
  await legal.getByLabel('SIRET').fill('732 829 320 00074');
  await legal.getByLabel('Immatriculation').selectOption('rcs');
  await legal.getByLabel('Ville du greffe ou de la chambre des métiers').fill('Nîmes');
  await legal.getByLabel('N° de TVA intracommunautaire').fill('FR44732829320');
  await legal.getByLabel('Responsable').fill(SHOPKEEPER.name);
  await legal.getByRole('button', { name: "Enregistrer l'identité légale" }).click();
  await k.getByTestId('legal-saved').waitFor();

  // --- The administrator approves it. ---
  await a.reload();
  await pending.getByRole('button', { name: 'Valider et mettre en ligne' }).click();
  await pending.getByText('Validé : le commerce est en ligne.').waitFor();
  assert.equal((await api(`/shops/${slug}`)).name, SHOP_NAME);
  await a.goto(`${base}/gestion/association/demarrage`);
  assert.equal((await steps(a)).shops, 'true', 'every step is done');

  // --- The shopkeeper creates a product in a default category and puts it on sale. ---
  await k.goto(`${base}/gestion/${slug}/produits/nouveau`);
  await k.getByLabel('Nom du produit').fill(PRODUCT);
  await k.getByLabel('Prix TTC en euros').fill('4,80');
  await k.getByLabel('Taux de TVA').selectOption('5.5');
  await k.getByLabel('Stock').fill('10');
  const category = k.getByLabel('Catégorie');
  const options = await category.locator('option').evaluateAll((list) => list.map((o) => o.value));
  const bread = options.find((value) => /boulangerie/.test(value)) ?? options.find((value) => value);
  await category.selectOption(bread);
  await k.getByRole('button', { name: 'Créer le produit (brouillon)' }).click();
  await k.waitForURL(new RegExp(`/gestion/${slug}/produits/\\d+$`));
  const productId = Number(k.url().split('/').pop());
  await k.getByRole('button', { name: 'Mettre en vente' }).click();
  await k.locator('.bo-status-box').getByText(/^en vente$/i).waitFor();
  const product = await api(`/products/${productId}`);
  assert.equal(product.price_cents, 480);

  // --- A shopper orders it for home delivery. ---
  const shopper = await newPhonePage(suite.browser);
  const s = shopper.page;
  await s.goto(`${base}/`);
  await s.locator('h1').waitFor();
  await waitForTitle(s, /Le Marché de la Poterie/);
  await s.goto(`${base}/produits/${productId}`);
  await s.getByRole('heading', { level: 1, name: PRODUCT }).waitFor();
  await s.getByTestId('add-to-basket').click();
  await s.getByTestId('add-outcome').getByText('Ajouté au panier').waitFor();
  await s.getByTestId('basket-link').click();
  await s.waitForURL('**/panier');
  const offered = s.locator('[data-testid="fulfilment-date"][data-method="delivery"]');
  await offered.waitFor();
  await s.getByRole('link', { name: 'Commander' }).click();
  await s.waitForURL('**/commande');
  await s.getByLabel('Nom et prénom').fill('Jeanne Martin');
  await s.getByLabel('Téléphone').fill('04 66 22 12 34');
  await s.getByLabel('Livraison gratuite à domicile').check();
  await s.getByLabel('Numéro et rue').fill('5 rue des Potiers');
  await s.getByLabel('Commune', { exact: true }).selectOption({ label: `${TOWN} (30700)` });
  await screenshot(s, 'journey-checkout', { fullPage: true });
  await s.getByLabel(/J'ai lu et j'accepte/).check();
  await s.getByRole('button', { name: 'Valider la commande' }).click();
  await s.waitForURL('**/commande/merci**');
  const card = s.getByTestId('order').first();
  await card.waitFor();
  const date = await card.getByTestId('order-date').getAttribute('data-date');
  assert.ok([2, 5].includes(weekday(date)), `food is delivered on a Tuesday or a Friday: ${date}`);
  const today = new Date().toISOString().slice(0, 10);
  assert.ok(date > today, `the delivery is after today: ${date}`);
  const href = await card.getByTestId('track-link').getAttribute('href');
  const order = await api(`/track/${href.split('/').pop()}`);
  assert.equal(order.fulfilment.method, 'delivery');
  assert.equal(order.fulfilment.date, date);
  assert.equal(order.shop.slug, slug);
  assert.equal(order.total_cents, 480);
  assert.equal((await api(`/products/${productId}`)).max_quantity, 9, 'the stock went down by one');

  // The shopkeeper sees it in the inbox.
  await k.goto(`${base}/gestion/${slug}/commandes`);
  await k.locator(`[data-testid="bo-order"][data-number="${order.number}"]`).waitFor();
  for (const { problems } of [admin, keeper, shopper]) {
    assert.deepEqual(problems, [], 'console errors and failed requests');
  }
});
