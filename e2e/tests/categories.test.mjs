import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { freshInstallSuite } from '../lib/suite.mjs';
import { LEGAL_IDENTITY } from '../lib/legal.mjs';

// A fresh install (no demo): the first admin, made with `vitrine create-admin`, installs the
// default categories from the association's page, renames one, moves one, reorders with the
// keyboard and merges two; the public catalogue shows the result, and the merged category's
// old address leads to the one it went into. Expectations come from the API.

const ADMIN = { email: 'bureau@association.example', password: 'mot-de-passe-du-bureau', name: 'Le bureau' };

const suite = freshInstallSuite(ADMIN);

/** Calls `/api/v1<path>` as JSON with the token; asserts the status. */
async function call(method, apiPath, token, body, status = 200) {
  const res = await fetch(`${suite.server.baseUrl}/api/v1${apiPath}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  assert.equal(res.status, status, `${method} ${apiPath}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A restaurant with one product on sale in `category`, set up through the API. */
async function restaurantWithProduct(token, category) {
  const shop = await call('POST', '/shops', token, {
    name: 'La Table du Marché', kind: 'restaurant', address: '3 place aux Herbes', postcode: '30700',
    commune: 'Saint-Quentin-la-Poterie', phone: '04 66 03 12 34', email: 'table@example.fr',
    description: 'Cuisine du marché.',
  }, 201);
  await call('PUT', `/shops/${shop.slug}/legal`, token, LEGAL_IDENTITY);
  await call('POST', `/admin/shops/${shop.slug}/approve`, token);
  const product = await call('POST', `/shops/${shop.slug}/products`, token, {
    name: 'Menu du jour', price_cents: 1650, vat_rate: 10, category,
  }, 201);
  await call('POST', `/products/${product.id}/publish`, token);
  return product;
}

/** The row of the category `slug`. */
const row = (page, slug) => page.locator(`[data-testid="category"][data-slug="${slug}"]`);

test('an admin sets up the categories of an empty marketplace, and the catalogue follows', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  const status = page.getByTestId('category-status');

  // Signed in, the back-office sends the admin of a fresh install to the setup page; its
  // menu leads to the categories.
  await page.goto(`${suite.server.baseUrl}/compte/connexion?retour=%2Fgestion`);
  await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/gestion/association/demarrage');
  await page.getByRole('navigation', { name: 'Gérer la place de marché' }).getByRole('link', { name: 'Catégories' }).click();
  await page.waitForURL('**/gestion/association/categories');

  // No category yet: the default tree is offered with what it will create.
  const login = await call('POST', '/auth/login', null, { email: ADMIN.email, password: ADMIN.password });
  const token = login.access_token;
  const defaults = (await call('GET', '/admin/categories/defaults', token)).items;
  const offer = page.getByTestId('default-categories');
  await offer.waitFor();
  for (const name of ['Épicerie', 'Fromagerie-crèmerie', 'Librairie-papeterie', 'Menus du jour']) {
    await offer.locator('li', { hasText: name }).first().waitFor();
  }
  await screenshot(page, 'categories-empty-phone', { fullPage: true });
  await assertNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Utiliser les catégories proposées' }).click();
  await status.getByText('Les catégories proposées sont en place.').waitFor();
  assert.equal(await page.getByTestId('category').count(), defaults.length);
  assert.equal(await offer.count(), 0, 'the offer is gone once there are categories');

  // A restaurant files a product under "Menus du jour".
  const product = await restaurantWithProduct(token, 'menus-du-jour');

  // Rename: the slug stays.
  await page.getByRole('button', { name: 'Modifier « Traiteur »' }).click();
  const traiteur = page.locator('#actions-traiteur');
  await traiteur.getByLabel('Nom (en français)').fill('Traiteur et plats cuisinés');
  await traiteur.getByRole('button', { name: 'Enregistrer les noms' }).click();
  await status.getByText('Nom enregistré : « Traiteur et plats cuisinés ».').waitFor();
  await row(page, 'traiteur').locator('h3', { hasText: 'Traiteur et plats cuisinés' }).waitFor();

  // Move "Chaussures" into "Vêtements".
  await page.getByRole('button', { name: 'Modifier « Chaussures »' }).click();
  const shoes = page.locator('#actions-chaussures');
  await shoes.getByLabel('Nouvelle place : dans la catégorie').selectOption('vetements');
  await shoes.getByRole('button', { name: 'Déplacer', exact: true }).click();
  await status.getByText('« Chaussures » est maintenant dans « Vêtements ».').waitFor();
  assert.equal(await row(page, 'chaussures').getAttribute('data-depth'), '1');

  // Reorder with the keyboard: the focus stays on the button, the change is said aloud.
  const topLevel = (await call('GET', '/admin/categories', token)).items.filter((c) => c.parent === null);
  const down = page.getByRole('button', { name: 'Descendre « Alimentation »' });
  await down.focus();
  await page.keyboard.press('Enter');
  await status.getByText(`« Alimentation » est maintenant 2e sur ${topLevel.length}.`).waitFor();
  // The list is drawn again; the focus comes back to the button on the next frame.
  await page.waitForFunction(() => document.activeElement?.id === 'descendre-alimentation', null, { timeout: 5000 })
    .catch(async () => assert.fail(`the focus is on #${await page.evaluate(() => document.activeElement?.id)}`));
  const order = (await call('GET', '/admin/categories', token)).items
    .filter((c) => c.parent === null)
    .map((c) => c.slug);
  assert.deepEqual(order.slice(0, 2), [topLevel[1].slug, 'alimentation']);

  // Merge "Menus du jour" into "Plats à emporter", in two steps that say what moves.
  await page.getByRole('button', { name: 'Modifier « Menus du jour »' }).click();
  const menus = page.locator('#actions-menus-du-jour');
  await menus.getByLabel('Fusionner dans').selectOption('plats-a-emporter');
  await menus.getByRole('button', { name: 'Fusionner…' }).click();
  const warning = menus.getByTestId('merge-warning');
  await warning.getByText('1 produit ira dans « Plats à emporter »', { exact: false }).waitFor();
  await screenshot(page, 'categories-merge-phone', { fullPage: true });
  await assertNoSeriousA11yViolations(page);
  await menus.getByRole('button', { name: 'Oui, fusionner' }).click();
  await status.getByText('« Menus du jour » est fusionnée dans « Plats à emporter » : 1 produit(s) déplacé(s).').waitFor();
  assert.equal(await row(page, 'menus-du-jour').count(), 0);
  await row(page, 'plats-a-emporter').getByText('1 produit en vente').waitFor();
  await screenshot(page, 'categories-tree-phone', { fullPage: true });
  await assertNoSeriousA11yViolations(page);

  // The public side: the list, and the merged category's old address.
  const categories = (await call('GET', '/categories?per_page=100')).items;
  const bySlug = Object.fromEntries(categories.map((c) => [c.slug, c]));
  assert.equal(bySlug.traiteur.name, 'Traiteur et plats cuisinés');
  assert.equal(bySlug.chaussures.parent, 'vetements');
  assert.equal(bySlug['menus-du-jour'], undefined);
  assert.deepEqual(bySlug['plats-a-emporter'].former_slugs, ['menus-du-jour']);
  assert.equal(bySlug.restaurants.subtree_product_count, 1);

  const shopper = (await newPhonePage(suite.browser)).page;
  await shopper.goto(`${suite.server.baseUrl}/catalogue?categorie=menus-du-jour`);
  await shopper.waitForURL('**/catalogue?categorie=plats-a-emporter');
  await shopper.getByText(product.name).first().waitFor();
  await shopper.goto(`${suite.server.baseUrl}/`);
  const home = shopper.getByTestId('category-list');
  await home.getByText('Restaurants', { exact: true }).waitFor();
  assert.equal(await home.getByText('Chaussures', { exact: true }).count(), 0, 'no longer a top-level category');

  assert.deepEqual(problems, []);
});
