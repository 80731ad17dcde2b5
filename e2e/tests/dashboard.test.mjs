import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { DEMO_PASSWORD, demoSuite } from '../lib/suite.mjs';

// The association's dashboard (issue 13), on a 360-pixel phone: a shopper fills one basket
// from two shops and searches for something no shop sells; the admin opens the dashboard
// from the association's page and sees the order, the basket across two shops and the
// search that found nothing, then downloads a tile as CSV.

const ADMIN = 'admin@vitrine.demo';
const SHOPS = ['epicerie-du-duche', 'chaussures-fabre'];

const suite = demoSuite();
const { call, tokenOf } = suite;


async function logIn(page, email, next) {
  await page.goto(`${suite.server.baseUrl}/compte/connexion?retour=${encodeURIComponent(next)}`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`**${next}`);
}

test('the admin sees an order placed in the test, its basket across two shops and a search that found nothing', async () => {
  const admin = await tokenOf(ADMIN);
  const before = (await call('GET', '/admin/stats', { token: admin })).body;

  // One basket from two shops, delivered in Uzès.
  const cart = (await call('POST', '/carts')).body;
  for (const shop of SHOPS) {
    const page = await call('GET', `/products?shop=${shop}&in_stock=true&per_page=5`);
    const added = await call('POST', `/carts/${cart.id}/items`, { body: { product_id: page.body.items[0].id, quantity: 1 } });
    assert.equal(added.status, 200, JSON.stringify(added.body));
  }
  const communes = (await call('GET', '/communes?per_page=100')).body.items;
  const uzes = communes.find((c) => c.name === 'Uzès');
  const checkout = await call('POST', `/carts/${cart.id}/checkout`, {
    headers: { 'Idempotency-Key': `e2e-dashboard-${Date.now()}` },
    body: {
      customer: { name: 'Marcel Durand', phone: '06 12 34 56 78' },
      accept_terms: true,
      fulfilment: { method: 'delivery', address: { street: '12 rue Jacques d’Uzès', postcode: uzes.postcode, commune: uzes.name } },
    },
  });
  assert.equal(checkout.status, 201, JSON.stringify(checkout.body));
  assert.equal(checkout.body.orders.length, 2);
  // A search nobody's shop answers.
  const search = await call('GET', `/products?q=${encodeURIComponent('Tondeuse à gazon')}`);
  assert.equal(search.body.total, 0);

  const { page, problems } = await newPhonePage(suite.browser);
  await logIn(page, ADMIN, '/gestion/association');
  await page.getByRole('link', { name: 'Tableau de bord', exact: true }).click();
  await page.waitForURL('**/gestion/association/tableau-de-bord');
  await page.getByRole('heading', { name: 'Tableau de bord', level: 1 }).waitFor();

  // The order shows: two more orders than before the test (one per shop).
  const total = page.getByTestId('orders-total');
  await total.waitFor();
  assert.equal(Number(await total.textContent()), before.orders.total.orders + 2);
  const baskets = page.locator('[data-testid="tile"][data-tile="baskets"]');
  const multi = before.baskets.total.multi_shop + 1;
  const all = before.baskets.total.baskets + 1;
  await baskets.getByText(`(${multi} sur ${all})`).waitFor();
  // The search that found nothing (logged after its answer: reload until it is there).
  const searches = page.locator('[data-testid="tile"][data-tile="searches"]');
  for (let tries = 0; tries < 20; tries += 1) {
    if (await searches.getByRole('rowheader', { name: 'tondeuse a gazon' }).count()) break;
    await page.reload();
    await searches.waitFor();
  }
  await searches.getByRole('rowheader', { name: 'tondeuse a gazon' }).first().waitFor();
  await searches.getByText(/^\d+ recherches, dont \d+ sans résultat$/).waitFor();
  // Each chart has a name and its figures in a table beside it.
  const orders = page.locator('[data-testid="tile"][data-tile="orders"]');
  await orders.getByRole('img', { name: 'Commandes par période' }).waitFor();
  await orders.getByRole('table', { name: 'Les chiffres du graphique' }).waitFor();
  await screenshot(page, 'dashboard-phone', { fullPage: true });
  await page.getByRole('heading', { name: 'Tableau de bord', level: 1 }).scrollIntoViewIfNeeded();
  await screenshot(page, 'dashboard-phone-top');
  await orders.scrollIntoViewIfNeeded();
  await screenshot(page, 'dashboard-phone-orders');
  await page.locator('[data-testid="tile"][data-tile="confirmation"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'dashboard-phone-confirmation');
  await assertNoSeriousA11yViolations(page);

  // A tile as a spreadsheet file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    orders.getByRole('button', { name: 'Télécharger (CSV)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^tableau-de-bord-orders-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\u{feff}jour;commandes;annulées;montant\r\n'), csv);
  assert.match(csv, new RegExp(`\\r\\ntotal;${before.orders.total.orders + 2};`));

  // On a 360-pixel phone, at twice the text size too, nothing makes the page scroll
  // sideways: wide tables scroll inside their own region.
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok((await overflow()) <= 0, 'no sideways scroll');
  // As a reader's browser setting does (through the CSSOM: the policy refuses inline styles).
  await page.evaluate(() => document.documentElement.style.setProperty('font-size', '225%', 'important'));
  assert.ok((await overflow()) <= 0, 'no sideways scroll with large text');
  await orders.scrollIntoViewIfNeeded();
  await screenshot(page, 'dashboard-phone-large-text');

  // Another period by the form, with the keyboard: grouped by month.
  await page.getByLabel('Regrouper par').selectOption('mois');
  await page.getByLabel('Regrouper par').press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(/par=mois/);
  await page.locator('[data-testid="tile"][data-tile="orders"] th', { hasText: 'Mois' }).first().waitFor();

  // In English.
  await page.getByRole('button', { name: /English version/ }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  await page.locator('[data-testid="tile"][data-tile="searches"]').getByRole('heading', { name: 'Searches' }).waitFor();
  assert.deepEqual(problems, []);
});

// Visits (issue 13): a shopper's browser reports each public page it shows, without a
// cookie; the footer says what is counted; the back-office's pages are not counted; the
// admin sees the visits tile (an SVG chart named, its figures in tables) and it passes axe.
test('a shopper’s page views show in the visits tile, counted without cookies, and the footer says so', async () => {
  const admin = await tokenOf(ADMIN);
  const visits = async () => (await call('GET', '/admin/stats', { token: admin })).body.visits;
  const before = await visits();
  const shopRow = (v) => v.pages.find((p) => p.start === 'shop');
  const catalogueRow = (v) => v.pages.find((p) => p.start === 'catalogue');

  // A browser of its own (its own user agent): one visitor, whatever the other tests did.
  const context = await suite.browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    userAgent: `Mozilla/5.0 (Linux; Android 14) Chrome/130 Mobile e2e-visitor-${Date.now()}`,
  });
  const shopper = await context.newPage();
  await shopper.goto(`${suite.server.baseUrl}/`);
  const footer = shopper.getByTestId('footer-visits');
  await footer.waitFor();
  assert.match(await footer.textContent(), /sans cookie.*sans garder votre adresse IP ni votre navigateur.*Do Not Track/s);
  // Scanned on the printed directory, then on to the catalogue inside the app.
  await shopper.goto(`${suite.server.baseUrl}/commerces/${SHOPS[0]}?src=flyer`);
  await shopper.getByRole('heading', { level: 1 }).waitFor();
  await shopper.locator('main a[href^="/catalogue"]').first().click();
  await shopper.waitForURL('**/catalogue**');
  await shopper.getByRole('button', { name: /English version/ }).click();
  await shopper.getByText(/Audience measured without cookies/).waitFor();
  assert.equal(await context.cookies().then((c) => c.length), 0, 'no cookie');

  // Three pages, one visitor, one from the flyer (the beacons travel after the pages).
  let after = await visits();
  for (let tries = 0; tries < 50 && after.total.page_views < before.total.page_views + 3; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    after = await visits();
  }
  assert.equal(after.total.page_views, before.total.page_views + 3);
  assert.equal(after.total.visitors, before.total.visitors + 1);
  assert.equal(after.total.flyer_visits, before.total.flyer_visits + 1);
  assert.equal(shopRow(after).flyer_visits, shopRow(before).flyer_visits + 1);
  assert.equal(catalogueRow(after).page_views, catalogueRow(before).page_views + 1);
  await context.close();

  // The admin: the log-in page counts (a public page), the back-office's pages do not.
  const { page, problems } = await newPhonePage(suite.browser);
  await logIn(page, ADMIN, '/gestion/association/tableau-de-bord');
  const tile = page.locator('[data-testid="tile"][data-tile="visits"]');
  await tile.getByRole('heading', { name: 'Visites' }).waitFor();
  const shown = await visits();
  assert.equal(shown.total.page_views, after.total.page_views + 1, 'only the log-in page was added');
  await tile.getByTestId('visits-total').getByText(
    `${shown.total.page_views} pages vues · ${shown.total.visitors} visiteurs · ${shown.total.flyer_visits} venus du dépliant`,
  ).waitFor();
  await tile.getByRole('img', { name: 'Visiteurs par période' }).waitFor();
  await tile.getByRole('table', { name: 'Les chiffres du graphique' }).waitFor();
  const byPage = tile.getByRole('table', { name: 'Par type de page' });
  const commerce = byPage.getByRole('row', { name: /^Commerce / });
  assert.deepEqual(
    await commerce.locator('td').allTextContents(),
    [shopRow(shown).page_views, shopRow(shown).visitors, shopRow(shown).flyer_visits].map(String),
  );
  await tile.scrollIntoViewIfNeeded();
  await screenshot(page, 'dashboard-phone-visits');
  await assertNoSeriousA11yViolations(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    tile.getByRole('button', { name: 'Télécharger (CSV)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^tableau-de-bord-visits-/);
  const csv = await readFile(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\u{feff}jour;pages vues;visiteurs;venus du dépliant\r\n'), csv);
  assert.match(csv, new RegExp(`\\r\\ntotal;${shown.total.page_views};${shown.total.visitors};${shown.total.flyer_visits}\\r\\n`));
  assert.deepEqual(problems, []);
});

test('a server that counts no visits says so in the footer, and is sent none', async () => {
  const quiet = await startServer({ demo: true, extraArgs: ['--no-visit-count'] });
  try {
    const { page, problems } = await newPhonePage(suite.browser);
    const beacons = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/v1/visits') beacons.push(request.url());
    });
    await page.goto(`${quiet.baseUrl}/`);
    const footer = page.getByTestId('footer-visits');
    await footer.waitFor();
    assert.equal(await footer.textContent(), "Aucune visite n'est comptée : ce site ne mesure pas son audience.");
    await page.locator('main a[href^="/catalogue"]').first().click();
    await page.waitForURL('**/catalogue**');
    await page.getByRole('button', { name: /English version/ }).click();
    await page.getByText('No visit is counted: this site does not measure its audience.').waitFor();
    await footer.scrollIntoViewIfNeeded();
    await screenshot(page, 'footer-phone-no-visit-count');
    // The privacy page lists what is counted: the searches, not the visits.
    await page.goto(`${quiet.baseUrl}/confidentialite`);
    await page.getByRole('rowheader', { name: 'Catalogue searches (visits are not counted)' }).waitFor();
    assert.deepEqual(beacons, [], 'no visit reported');
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await quiet.stop();
  }
});
