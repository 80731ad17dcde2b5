import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';

// The demo merchant manages the products of the demo's grocery from the back-office: creates
// one, puts it on sale (it is in the public catalogue), renames it, gives it a picture,
// archives it (it leaves the catalogue); exports the CSV file and imports one, first with a
// bad line (the report names it, nothing changes), then a good one. Expectations come from
// the API.

const SHOP = 'epicerie-du-duche';
const MERCHANT = { email: 'marchand@vitrine.demo', password: 'vitrine-demo-2026' };
// A 1x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const suite = demoSuite();
const { api } = suite;

async function logInAsMerchant(page) {
  await page.goto(`${suite.server.baseUrl}/compte/connexion?retour=%2Fgestion`);
  await page.getByLabel('Adresse e-mail').fill(MERCHANT.email);
  await page.getByLabel('Mot de passe').fill(MERCHANT.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/gestion');
  await page.getByTestId('bo-shop').first().waitFor();
}

/** The merchant's view of the shop's products matching `q`, through the API. */
async function merchantProducts(q) {
  const login = await fetch(`${suite.server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(MERCHANT),
  });
  assert.equal(login.status, 200);
  const { access_token: token } = await login.json();
  const res = await fetch(`${suite.server.baseUrl}/api/v1/shops/${SHOP}/products?per_page=100&q=${encodeURIComponent(q)}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200);
  return (await res.json()).items;
}

async function inCatalogue(id, word) {
  const { items } = await api(`/products?shop=${SHOP}&per_page=100&q=${encodeURIComponent(word)}`);
  return items.some((p) => p.id === id);
}

async function someCategory() {
  const { items } = await api('/categories?per_page=100');
  const category = items.find((c) => c.parent !== null) ?? items[0];
  assert.ok(category, 'the demo has categories');
  return category;
}

test('the merchant creates a product, puts it on sale, renames it, gives it a picture and archives it', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  await logInAsMerchant(page);
  await page.goto(`${suite.server.baseUrl}/gestion/${SHOP}/produits`);
  await page.getByTestId('bo-product').first().waitFor();
  const count = await page.getByTestId('bo-product-count').textContent();
  const { total } = await merchantProducts('').then((items) => ({ total: items.length }));
  assert.ok(count.includes('produit'), `the list says how many products: ${count}`);
  assert.ok(total > 0);
  await screenshot(page, 'bo-products-list', { fullPage: true });
  await assertNoSeriousA11yViolations(page);

  // A new product, a draft.
  await page.getByRole('link', { name: 'Nouveau produit' }).click();
  await page.waitForURL(`**/gestion/${SHOP}/produits/nouveau`);
  const word = `Zorglub${Date.now() % 100000}`;
  const category = await someCategory();
  await page.getByLabel('Nom du produit').fill(`Confiture ${word}`);
  await page.getByLabel('Présentation (facultatif)').fill('Abricots du Gard, cuits au chaudron.');
  await page.getByLabel('Prix TTC en euros').fill('4,20');
  await page.getByLabel('Taux de TVA').selectOption('5.5');
  await page.getByLabel('Stock').fill('12');
  await page.getByLabel('Catégorie').selectOption(category.slug);
  await screenshot(page, 'bo-product-new', { fullPage: true });
  await assertNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Créer le produit (brouillon)' }).click();
  await page.waitForURL(/\/gestion\/epicerie-du-duche\/produits\/\d+$/);
  const id = Number(page.url().split('/').pop());
  await page.locator('.bo-status-box').getByText(/^brouillon$/i).waitFor();
  const [created] = await merchantProducts(word);
  assert.equal(created.id, id);
  assert.equal(created.price_cents, 420);
  assert.equal(created.vat_rate, 5.5);
  assert.equal(created.stock, 12);
  assert.equal(created.category, category.slug);
  assert.equal(created.status, 'draft');
  assert.equal(await inCatalogue(id, word), false, 'a draft is not in the catalogue');

  // On sale: in the public catalogue.
  await page.getByRole('button', { name: 'Mettre en vente' }).click();
  await page.locator('.bo-status-box').getByText(/^en vente$/i).waitFor();
  assert.equal(await inCatalogue(id, word), true, 'the product is in the catalogue once on sale');

  // Renamed.
  await page.getByLabel('Nom du produit').fill(`Confiture d'abricots ${word}`);
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await page.getByTestId('product-saved').getByText('Enregistré.').waitFor();
  assert.equal((await api(`/products/${id}`)).name, `Confiture d'abricots ${word}`);

  // Kept cold on the rounds, and no right of withdrawal for a perishable good: the shop says
  // so on the product's page, and the next orders carry it.
  const handling = page.getByTestId('product-handling');
  await handling.getByLabel('À garder au frais pendant la tournée').check();
  await handling.getByLabel('Droit de rétractation de 14 jours').selectOption({ label: "Ne s'applique pas : bien périssable" });
  await screenshot(page, 'bo-product-handling', { fullPage: true });
  await assertNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await page.getByTestId('product-saved').getByText('Enregistré.').waitFor();
  const [handled] = await merchantProducts(word);
  assert.equal(handled.keep_cold, true);
  assert.equal(handled.withdrawal_exception, 'perishable');
  await page.reload();
  assert.equal(await page.getByLabel('Droit de rétractation de 14 jours').inputValue(), 'perishable', 'it stays after a reload');

  // A field error beside its field, and nothing lost.
  await page.getByLabel('Prix TTC en euros').fill('douze');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  const price = page.getByLabel('Prix TTC en euros');
  assert.equal(await price.getAttribute('aria-invalid'), 'true');
  assert.equal(await price.inputValue(), 'douze', 'what was typed stays');
  await page.getByLabel('Prix TTC en euros').fill('4,20');

  // A file that is not a picture is refused, in French, and nothing is sent.
  const before = (await api(`/products/${id}`)).picture_url;
  const input = page.getByLabel('Choisir une nouvelle photo');
  await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('pas une image') });
  await page.getByText("Ce fichier n'est pas une photo lisible", { exact: false }).waitFor();

  // A picture: the product's picture changes, on the page and in the catalogue.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vitrine-e2e-'));
  const png = path.join(dir, 'confiture.png');
  await writeFile(png, PNG);
  const shownBefore = await page.getByTestId('product-picture').getAttribute('src');
  await input.setInputFiles(png);
  await page.getByText('Photo enregistrée.').waitFor();
  const after = (await api(`/products/${id}`)).picture_url;
  assert.notEqual(after, before, 'the picture URL changed');
  const shownAfter = await page.getByTestId('product-picture').getAttribute('src');
  assert.notEqual(shownAfter, shownBefore, 'the page shows the new picture');
  assert.equal(shownAfter, after);
  await page.getByRole('button', { name: 'Retirer la photo' }).waitFor();
  await screenshot(page, 'bo-product-edit', { fullPage: true });
  await assertNoSeriousA11yViolations(page);

  // Archived: out of the catalogue.
  await page.getByRole('button', { name: 'Archiver' }).click();
  await page.locator('.bo-status-box').getByText(/^archivée?$/i).waitFor();
  assert.equal(await inCatalogue(id, word), false, 'an archived product leaves the catalogue');
  assert.equal((await fetch(`${suite.server.baseUrl}/api/v1/products/${id}`)).status, 404);

  // The list, narrowed to archived products and searched, shows it archived.
  await page.getByRole('link', { name: 'Retour aux produits' }).click();
  await page.getByLabel('Afficher').selectOption('archived');
  await page.waitForURL(/statut=archive/);
  await page.getByLabel('Rechercher un produit').fill(word);
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await page.waitForURL(new RegExp(`q=${word}`));
  const row = page.locator(`[data-testid="bo-product"][data-id="${id}"]`);
  await row.waitFor();
  assert.equal(await row.getAttribute('data-status'), 'archived');
  assert.equal(await page.getByTestId('bo-product').count(), 1, 'only the archived product searched for');
  await screenshot(page, 'bo-products-filtered', { fullPage: true });
  assert.deepEqual(problems, [], 'console errors and failed requests');
});

test('the merchant exports the products, then imports a file: a bad line changes nothing, a good file is applied', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  await logInAsMerchant(page);
  await page.goto(`${suite.server.baseUrl}/gestion/${SHOP}/produits`);
  await page.getByTestId('bo-product').first().waitFor();

  // The export is a CSV file of the shop's products.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter (CSV)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `produits-${SHOP}.csv`);
  const exported = await readFile(await download.path(), 'utf8');
  const [someProduct] = await merchantProducts('');
  assert.ok(/^\uFEFF?id[;,]nom/.test(exported), `the export starts with its header: ${exported.slice(0, 60)}`);
  assert.ok(exported.includes(someProduct.name), 'the export lists the products');

  const category = await someCategory();
  const word = `Quuxpot${Date.now() % 100000}`;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vitrine-e2e-'));
  const header = 'nom;prix;tva;stock;categorie';
  const good = `Miel ${word};7,90;5,5;3;${category.slug}`;

  // A bad price on line 3: the report names it, and nothing changes.
  const bad = path.join(dir, 'mauvais.csv');
  await writeFile(bad, `${header}\n${good}\nPain ${word};pas un prix;5,5;2;${category.slug}\n`);
  const input = page.getByLabel('Importer un fichier CSV');
  await input.setInputFiles(bad);
  const report = page.getByTestId('import-report');
  await report.waitFor();
  assert.ok(Number(await report.getAttribute('data-errors')) >= 1);
  const error = page.locator('[data-testid="import-error"][data-line="3"]');
  await error.waitFor();
  assert.ok((await error.textContent()).includes('Ligne 3'), 'the bad line is named');
  assert.equal(await page.getByRole('button', { name: "Appliquer l'import" }).count(), 0, 'a file with errors cannot be applied');
  await screenshot(page, 'bo-import-errors', { fullPage: true });
  await assertNoSeriousA11yViolations(page);
  assert.deepEqual(await merchantProducts(word), [], 'nothing was imported');

  // A good file: checked, then applied.
  const fine = path.join(dir, 'bon.csv');
  await writeFile(fine, `${header}\n${good}\n`);
  await input.setInputFiles(fine);
  await page.getByText('Le fichier est correct', { exact: false }).waitFor();
  assert.ok((await report.textContent()).includes('À créer : 1'));
  assert.deepEqual(await merchantProducts(word), [], 'a dry run changes nothing');
  await screenshot(page, 'bo-import-checked', { fullPage: true });
  await page.getByRole('button', { name: "Appliquer l'import" }).click();
  await page.getByText('Import appliqué', { exact: false }).waitFor();
  const imported = await merchantProducts(word);
  assert.equal(imported.length, 1, 'the product was created');
  assert.equal(imported[0].price_cents, 790);
  assert.equal(imported[0].status, 'draft');
  assert.deepEqual(problems, [], 'console errors and failed requests');
});
