import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { LEGAL_IDENTITY } from '../lib/legal.mjs';
import { demoSuite } from '../lib/suite.mjs';

// Who sells, terms, withdrawal (issue 15): a shopper reads a shop's legal identity on its
// page, must tick the terms at checkout, and reads the seller and the right of withdrawal
// on the confirmation; the merchant fills the shop's legal identity on its profile.
// Expectations come from the API at run time.

const SHOP = 'chaussures-fabre';
const MERCHANT = { email: 'marchand@vitrine.demo', password: 'vitrine-demo-2026' };

const suite = demoSuite();
const { api, sql } = suite;

/** Signs `page` in as `email` and waits for `next`. */
async function signIn(page, email, next) {
  await page.goto(`${suite.server.baseUrl}/compte/connexion?retour=${encodeURIComponent(next)}`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(MERCHANT.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`**${next}`);
}

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

  // Its own terms of sale, then back to the association's default.
  const terms = page.locator('section', { has: page.getByRole('heading', { name: 'Nos conditions de vente' }) });
  const source = terms.getByTestId('terms-source');
  await source.getByText("les conditions de vente par défaut de l'association").waitFor();
  await page.waitForFunction(() => document.querySelector('#conditions-vente')?.value.length > 0);
  await terms.getByLabel('Texte').fill('Conditions de vente de Chaussures Fabre : les échanges sont possibles sous 30 jours.');
  await terms.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
  await source.getByText(/vos propres conditions de vente \(version 1\)/).waitFor();
  assert.equal((await api(`/shops/${SHOP}/terms`)).source, 'shop');
  await terms.getByRole('button', { name: "Revenir aux conditions par défaut de l'association" }).click();
  await terms.getByTestId('default-terms-restored').waitFor();
  await source.getByText("les conditions de vente par défaut de l'association").waitFor();
  const back = await api(`/shops/${SHOP}/terms`);
  assert.equal(back.source, 'association');
  assert.equal(await terms.getByLabel('Texte').inputValue(), back.body, 'the editor shows the default text');
  await terms.scrollIntoViewIfNeeded();
  await screenshot(page, 'legal-profile-default-terms');
  await assertNoSeriousA11yViolations(page);
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

test('a shop without its legal identity takes no order: the shopper, the merchant and the association see it', async () => {
  const { items } = await api(`/products?shop=${SHOP}&in_stock=true&per_page=5`);
  const product = items[0];
  const shopper = await newPhonePage(suite.browser);
  const page = shopper.page;
  // In the basket while the shop still sold.
  await page.goto(`${suite.server.baseUrl}/produits/${product.id}`);
  await page.getByTestId('add-to-basket').click();
  await page.getByTestId('add-outcome').getByText('Ajouté au panier').waitFor();

  // A shop approved before identities were required, which never gave one: no grace period.
  sql(`DELETE FROM shop_legal WHERE shop_id = (SELECT id FROM shops WHERE slug = '${SHOP}')`);
  try {
    await page.goto(`${suite.server.baseUrl}/produits/${product.id}`);
    const notice = page.getByTestId('not-orderable');
    await notice.waitFor();
    assert.ok((await notice.textContent()).includes('ne peut pas être commandé'), await notice.textContent());
    assert.ok(await page.getByTestId('add-to-basket').isDisabled(), 'the basket button is disabled');
    await screenshot(page, 'legal-product-not-orderable');
    await assertNoSeriousA11yViolations(page);

    await page.goto(`${suite.server.baseUrl}/panier`);
    await page.locator(`[data-testid="basket-group"][data-shop="${SHOP}"] [data-testid="not-orderable"]`).waitFor();
    await screenshot(page, 'legal-basket-not-orderable', { fullPage: true });
    await assertNoSeriousA11yViolations(page);

    // The checkout is refused, in French, and the basket is kept.
    await page.goto(`${suite.server.baseUrl}/commande`);
    await page.getByLabel('Nom et prénom').fill('Jeanne Martin');
    await page.getByLabel('Téléphone').fill('06 12 34 56 78');
    await page.getByLabel('Retrait en boutique').check();
    await page.getByLabel(/J'ai lu et j'accepte les conditions de vente/).check();
    await page.getByRole('button', { name: 'Valider la commande' }).click();
    await page.getByText('Un commerce de votre panier ne peut pas prendre de commande pour l\'instant').first().waitFor();
    assert.ok(!page.url().includes('/commande/merci'), page.url());
    await screenshot(page, 'legal-checkout-seller-missing', { fullPage: true });
    await page.goto(`${suite.server.baseUrl}/panier`);
    await page.locator(`[data-testid="basket-group"][data-shop="${SHOP}"] [data-testid="basket-line"]`).first().waitFor();
    const refused = shopper.problems.filter((p) => !/status of 409 .*\/checkout\b/.test(p));
    assert.deepEqual(refused, [], 'console errors and failed requests');

    // The merchant's back-office says so, with the way to the form.
    const merchant = await newPhonePage(suite.browser);
    await signIn(merchant.page, MERCHANT.email, '/gestion');
    const banner = merchant.page.getByTestId('orders-blocked');
    await banner.waitFor();
    assert.ok((await banner.textContent()).includes('Vos produits ne peuvent pas être commandés'), await banner.textContent());
    await screenshot(merchant.page, 'legal-back-office-banner');
    await assertNoSeriousA11yViolations(merchant.page);
    await banner.getByRole('link', { name: "Compléter l'identité légale" }).click();
    await merchant.page.waitForURL(`**/gestion/${SHOP}/profil#identite-legale`);
    await merchant.page.getByTestId('legal-identity').waitFor();
    assert.deepEqual(merchant.problems, [], 'console errors and failed requests');

    // The association's page lists it among the active shops without one.
    const admin = await newPhonePage(suite.browser);
    await signIn(admin.page, 'admin@vitrine.demo', '/gestion/association');
    const listed = admin.page.locator('[data-testid="active-without-identity"]');
    await listed.first().waitFor();
    assert.deepEqual(await listed.evaluateAll((rows) => rows.map((r) => r.dataset.slug)), [SHOP]);
    await listed.first().scrollIntoViewIfNeeded();
    await screenshot(admin.page, 'legal-association-missing');
    await assertNoSeriousA11yViolations(admin.page);
    assert.deepEqual(admin.problems, [], 'console errors and failed requests');
  } finally {
    const login = await fetch(`${suite.server.baseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(MERCHANT),
    });
    const { access_token: token } = await login.json();
    const restored = await fetch(`${suite.server.baseUrl}/api/v1/shops/${SHOP}/legal`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(LEGAL_IDENTITY),
    });
    assert.equal(restored.status, 200, await restored.text());
  }
});

test("the shop's inbox shows which order has a withdrawal, without opening it", async () => {
  const base = `${suite.server.baseUrl}/api/v1`;
  const send = async (method, apiPath, body, token) => {
    const headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const res = await fetch(`${base}${apiPath}`, { method, headers, body: body && JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const token = (await send('POST', '/auth/login', MERCHANT)).body.access_token;
  // Two orders through the API; the customer withdraws from the first once it was handed over.
  const placed = [];
  for (let i = 0; i < 2; i += 1) {
    const cart = (await send('POST', '/carts')).body;
    const { items } = await api(`/products?shop=${SHOP}&in_stock=true&per_page=5`);
    assert.equal((await send('POST', `/carts/${cart.id}/items`, { product_id: items[i].id, quantity: 1 })).status, 200);
    const res = await send('POST', `/carts/${cart.id}/checkout`, {
      customer: { name: 'Jeanne Martin', phone: '06 12 34 56 78', email: 'jeanne@example.fr' },
      fulfilment: { method: 'pickup' },
      accept_terms: true,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    placed.push(res.body.orders[0]);
  }
  const [withdrawn, kept] = placed;
  for (const to of ['confirmed', 'ready', 'completed']) {
    assert.equal((await send('POST', `/orders/${withdrawn.id}/transitions`, { to }, token)).status, 200);
  }
  // The guest sends it from the tracking link's page: a tick per line, a message.
  const { page: shopper } = await newPhonePage(suite.browser);
  await shopper.goto(`${suite.server.baseUrl}/suivi/${withdrawn.tracking_token}`);
  const form = shopper.getByTestId('withdrawal-form');
  await form.getByRole('button', { name: 'Envoyer ma rétractation' }).click();
  await form.getByRole('alert').waitFor();
  await form.getByLabel(withdrawn.lines[0].name).check();
  await form.getByLabel('Message pour le commerce (facultatif)').fill('Je me rétracte.');
  await form.getByRole('button', { name: 'Envoyer ma rétractation' }).click();
  await form.getByText('Votre rétractation est envoyée au commerce.', { exact: false }).waitFor();
  const tracked = await api(`/track/${withdrawn.tracking_token}`);
  assert.ok(tracked.lines[0].withdrawn_at, 'the line is withdrawn');

  const { page, problems } = await newPhonePage(suite.browser);
  await signIn(page, MERCHANT.email, `/gestion/${SHOP}/commandes`);
  const card = page.locator(`[data-testid="bo-order"][data-number="${withdrawn.number}"]`);
  const badge = card.getByTestId('withdrawal-badge');
  await badge.waitFor();
  assert.equal((await badge.textContent()).trim(), 'Rétractation demandée');
  const other = page.locator(`[data-testid="bo-order"][data-number="${kept.number}"]`);
  await other.waitFor();
  assert.equal(await other.getByTestId('withdrawal-badge').count(), 0, 'only the order with a withdrawal has the badge');
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'legal-inbox-withdrawal');
  await assertNoSeriousA11yViolations(page);
  assert.deepEqual(problems, [], 'console errors and failed requests');
});
