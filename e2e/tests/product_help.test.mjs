import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';

// Products entered for a shop (issue 11), on a phone: the merchant allows the association to
// manage the shop's products; the admin gives them to the demo volunteer; she finds the
// shop under "Boutiques que j'aide" and adds a product; the merchant reads in the shop's
// history who did it; once the merchant withdraws the consent, her next save is refused.

const SHOP = 'epicerie-du-duche';
const PASSWORD = 'vitrine-demo-2026';
const MERCHANT = 'marchand@vitrine.demo';
const ADMIN = 'admin@vitrine.demo';
const VOLUNTEER = 'benevole@vitrine.demo';
const SWITCH = "J'autorise l'association à gérer les produits de ma boutique";

const suite = demoSuite();

async function logIn(browser, email, next) {
  const opened = await newPhonePage(browser);
  const { page } = opened;
  await page.goto(`${suite.server.baseUrl}/compte/connexion?retour=${encodeURIComponent(next)}`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`**${next}`);
  return opened;
}

async function someCategory() {
  const { items } = await suite.api('/categories?per_page=100');
  const category = items.find((c) => c.parent !== null) ?? items[0];
  assert.ok(category, 'the demo has categories');
  return category;
}

test('a volunteer enters a product for a consenting shop, the shop reads who did it, and the withdrawal ends it', async () => {
  const profile = `/gestion/${SHOP}/profil`;

  // The merchant allows it.
  const { page: merchant } = await logIn(suite.browser, MERCHANT, profile);
  const consent = merchant.getByLabel(SWITCH);
  await consent.waitFor();
  assert.equal(await consent.isChecked(), false, 'off by default');
  await consent.check();
  await merchant.getByTestId('product-help').getByText('Enregistré.').waitFor();

  // The admin gives the shop's products to Lucie Vidal.
  const { page: admin } = await logIn(suite.browser, ADMIN, profile);
  const volunteers = admin.getByLabel('Bénévole à qui confier les produits');
  await volunteers.waitFor();
  await volunteers.selectOption({ label: 'Lucie Vidal' });
  await admin.getByRole('button', { name: 'Confier' }).click();
  await admin.getByTestId('product-helper').filter({ hasText: 'Lucie Vidal' }).waitFor();
  await assertNoSeriousA11yViolations(admin);

  // She finds the shop on her back-office and adds a product to it.
  const { page: volunteer } = await logIn(suite.browser, VOLUNTEER, '/gestion');
  const helped = volunteer.locator(`[data-testid="helped-shop"][data-slug="${SHOP}"]`);
  await helped.waitFor();
  await screenshot(volunteer, 'product-help-volunteer', { fullPage: true });
  await assertNoSeriousA11yViolations(volunteer);
  await helped.getByRole('link', { name: 'Gérer ses produits' }).click();
  await volunteer.waitForURL(`**/gestion/${SHOP}/produits`);
  await volunteer.getByRole('link', { name: 'Nouveau produit' }).click();
  await volunteer.waitForURL(`**/gestion/${SHOP}/produits/nouveau`);
  const category = await someCategory();
  await volunteer.getByLabel('Nom du produit').fill('Tapenade de Lucie');
  await volunteer.getByLabel('Prix TTC en euros').fill('5,40');
  await volunteer.getByLabel('Taux de TVA').selectOption('5.5');
  await volunteer.getByLabel('Catégorie').selectOption(category.slug);
  await volunteer.getByRole('button', { name: 'Créer le produit (brouillon)' }).click();
  await volunteer.waitForURL(/\/gestion\/epicerie-du-duche\/produits\/\d+$/);

  // The shop's history says who did it, for whom.
  await merchant.reload();
  const entry = merchant.getByTestId('shop-history').filter({ hasText: 'Lucie Vidal' });
  await entry.first().waitFor();
  assert.match(await entry.first().textContent(), /Tapenade de Lucie/);
  await screenshot(merchant, 'product-help-history', { fullPage: true });
  await assertNoSeriousA11yViolations(merchant);

  // Withdrawn: her next save is refused, and she is told why in French.
  await merchant.getByLabel(SWITCH).uncheck();
  await merchant.getByTestId('product-help').getByText('Enregistré.').waitFor();
  await volunteer.getByLabel('Prix TTC en euros').fill('5,90');
  await volunteer.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await volunteer.getByText("Vous n'avez plus accès aux produits de cette boutique").waitFor();
});
