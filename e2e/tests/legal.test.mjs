import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';

// Who sells, terms, withdrawal (issue 15): a shopper reads a shop's legal identity on its
// page, must tick the terms at checkout, and reads the seller and the right of withdrawal
// on the confirmation; the merchant fills the shop's legal identity on its profile.
// Expectations come from the API at run time.

const SHOP = 'chaussures-fabre';
const MERCHANT = { email: 'marchand@vitrine.demo', password: 'vitrine-demo-2026' };

const suite = demoSuite();
const { api } = suite;

test('a shopper reads who sells, must accept the terms, and reads the seller and the withdrawal right on the confirmation', async () => {
  const shop = await api(`/shops/${SHOP}`);
  assert.ok(shop.legal, 'the demo shop has a legal identity');
  const { items } = await api(`/products?shop=${SHOP}&in_stock=true&per_page=10`);
  const { page, problems } = await newPhonePage(suite.browser);

  // The shop's page: "Vendu par" with the identity, and its terms of sale.
  await page.goto(`${suite.server.baseUrl}/commerces/${SHOP}`);
  const seller = page.getByTestId('seller');
  await seller.waitFor();
  const sellerText = await seller.textContent();
  for (const fact of [shop.legal.legal_name, shop.legal.siret, shop.legal.registration_mention, shop.legal.responsible]) {
    assert.ok(sellerText.includes(fact), `the seller box shows ${fact}: ${sellerText}`);
  }
  assert.ok(sellerText.includes('Vendu par'), sellerText);
  await seller.scrollIntoViewIfNeeded();
  await screenshot(page, 'legal-shop-seller');
  await assertNoSeriousA11yViolations(page);
  await page.getByTestId('shop-terms-link').click();
  await page.waitForURL(`**/commerces/${SHOP}/conditions`);
  await page.getByTestId('terms').waitFor();
  assert.ok((await page.getByTestId('terms').textContent()).includes('14 jours'), 'the terms of sale state the withdrawal period');
  await screenshot(page, 'legal-shop-terms');
  await assertNoSeriousA11yViolations(page);

  // The site's terms of use, from the footer.
  await page.getByRole('contentinfo').getByRole('link', { name: "Conditions d'utilisation" }).click();
  await page.waitForURL('**/conditions');
  await page.getByTestId('terms').waitFor();
  await assertNoSeriousA11yViolations(page);

  // A basket, then the checkout: without the tick, refused with a clear message.
  await page.goto(`${suite.server.baseUrl}/produits/${items[0].id}`);
  await page.getByTestId('add-to-basket').click();
  await page.getByTestId('add-outcome').getByText('Ajouté au panier').waitFor();
  await page.goto(`${suite.server.baseUrl}/commande`);
  await page.getByLabel('Nom et prénom').fill('Jeanne Martin');
  await page.getByLabel('Téléphone').fill('06 12 34 56 78');
  await page.getByLabel('Retrait en boutique').check();
  await page.getByRole('button', { name: 'Valider la commande' }).click();
  const error = page.locator('#conditions-erreur');
  await error.waitFor();
  assert.ok((await error.textContent()).includes('Cochez la case'), await error.textContent());
  const tick = page.getByLabel(/J'ai lu et j'accepte les conditions de vente de Chaussures Fabre/);
  assert.equal(await tick.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'conditions', 'the tick takes the focus');
  await screenshot(page, 'legal-checkout-tick');
  await page.getByText(`Lire les conditions de vente de ${shop.name}`).click();
  await page.locator('.terms-disclosure [data-testid="terms"]').first().waitFor();
  await screenshot(page, 'legal-checkout-refused', { fullPage: true });
  await assertNoSeriousA11yViolations(page);

  await tick.check();
  await page.getByRole('button', { name: 'Valider la commande' }).click();
  await page.waitForURL('**/commande/merci**');
  const card = page.getByTestId('order').first();
  await card.waitFor();
  const cardSeller = await card.getByTestId('seller').textContent();
  assert.ok(cardSeller.includes(shop.legal.siret), `the order shows its seller: ${cardSeller}`);
  const withdrawal = await card.getByTestId('withdrawal-info').textContent();
  assert.ok(withdrawal.includes('14 jours'), withdrawal);
  assert.ok(/Conditions acceptées le [a-z]+ \d{1,2} [a-zéû]+ \d{4}/.test(withdrawal), `the date in words: ${withdrawal}`);
  await screenshot(page, 'legal-confirmation', { fullPage: true });
  await card.getByTestId('withdrawal-info').scrollIntoViewIfNeeded();
  await screenshot(page, 'legal-confirmation-withdrawal');
  await assertNoSeriousA11yViolations(page);

  // The API agrees: the order carries the seller and the accepted versions.
  const token = new URL(page.url()).searchParams.get('suivi').split(',')[0];
  const order = await api(`/track/${token}`);
  assert.equal(order.seller.legal.siret, shop.legal.siret);
  assert.equal(order.terms.how, 'ticked');
  const unexpected = problems.filter((p) => !/status of 404 .*\/terms\b/.test(p));
  assert.deepEqual(unexpected, [], 'console errors and failed requests');
});

test('the merchant fills the shop\'s legal identity on its profile', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  const next = `/gestion/${SHOP}/profil`;
  await page.goto(`${suite.server.baseUrl}/compte/connexion?retour=${encodeURIComponent(next)}`);
  await page.getByLabel('Adresse e-mail').fill(MERCHANT.email);
  await page.getByLabel('Mot de passe').fill(MERCHANT.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`**${next}`);
  const section = page.getByTestId('legal-identity');
  await section.waitFor();

  // A SIRET with a wrong digit is refused beside its field, in French.
  await section.getByLabel('Dénomination').fill('Fabre et Fils');
  await section.getByLabel('Forme juridique').selectOption('sarl');
  await section.getByLabel('SIRET').fill('732 829 320 00075');
  await section.getByLabel('Immatriculation').selectOption('rcs');
  await section.getByLabel('Ville du greffe ou de la chambre des métiers').fill('Nîmes');
  await section.getByLabel('N° de TVA intracommunautaire').fill('FR44732829320');
  await section.getByLabel('Responsable').fill('Claire Fabre');
  await section.getByRole('button', { name: "Enregistrer l'identité légale" }).click();
  const siretError = page.locator('#siret-erreur');
  await siretError.waitFor();
  assert.ok((await siretError.textContent()).includes("Ce SIRET n'est pas valide"), await siretError.textContent());
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'legal-profile-error');
  await assertNoSeriousA11yViolations(page);

  await section.getByLabel('SIRET').fill('732 829 320 00074');
  await section.getByRole('button', { name: "Enregistrer l'identité légale" }).click();
  await page.getByTestId('legal-saved').waitFor();
  await screenshot(page, 'legal-profile-saved');
  const shop = await api(`/shops/${SHOP}`);
  assert.equal(shop.legal.legal_name, 'Fabre et Fils');
  assert.equal(shop.legal.siret, '73282932000074');
  assert.equal(shop.legal.vat_number, 'FR44732829320');
  const unexpected = problems.filter((p) => !/status of 422 .*\/legal\b/.test(p));
  assert.deepEqual(unexpected, [], 'console errors and failed requests');
});

test('the association writes a new version of its terms of use, which the site then shows', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  const next = '/gestion/association/reglages';
  await page.goto(`${suite.server.baseUrl}/compte/connexion?retour=${encodeURIComponent(next)}`);
  await page.getByLabel('Adresse e-mail').fill('admin@vitrine.demo');
  await page.getByLabel('Mot de passe').fill(MERCHANT.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`**${next}`);
  const before = await api('/terms');
  const section = page.locator('section', { has: page.getByRole('heading', { name: "Conditions d'utilisation" }) });
  const text = section.getByLabel('Texte');
  await text.waitFor();
  await page.waitForFunction(() => document.querySelector('#conditions-utilisation')?.value.length > 0);
  const written = `${await text.inputValue()}\n\nArticle ajouté : les commandes par téléphone sont acceptées.`;
  await text.fill(written);
  await section.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
  await section.getByRole('status').getByText(`Version ${before.version + 1} enregistrée.`).waitFor();
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'legal-association-terms');
  await assertNoSeriousA11yViolations(page);
  const after = await api('/terms');
  assert.equal(after.version, before.version + 1);
  assert.ok(after.body.includes('les commandes par téléphone sont acceptées'));

  // The site's page shows the new version.
  await page.goto(`${suite.server.baseUrl}/conditions`);
  await page.getByText('les commandes par téléphone sont acceptées', { exact: false }).first().waitFor();
  assert.deepEqual(problems, [], 'console errors and failed requests');
});
