import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { waitForTitle } from '../lib/assertions.mjs';
import { launchBrowser, newPhonePage, reportAndClosePages, screenshot } from '../lib/browser.mjs';
import { E2E_DIR, REPO_DIR, startServer } from '../lib/server.mjs';

// The first start, as an association installing Vitrine would live it: the real binary on an
// EMPTY database (no demo) says how to create the first administrator, the command does it,
// the administrator logs in, lands on the setup page, fills the settings in, and the whole
// site shows them. Then no page, title or built file names the demo's town.

const TOWN = 'Saint-Quentin-la-Poterie';
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const NAME = 'Marché de la Poterie';
const ADMIN = { email: 'presidente@poterie.example', password: 'un mot de passe solide' };
/** The demo's town, in every spelling that could leak. */
const DEMO_TOWN = /uz[eèé]s/i;

let server;
let browser;

before(async () => {
  const [s, b] = await Promise.allSettled([startServer({ demo: false }), launchBrowser()]);
  server = s.value;
  browser = b.value;
  if (s.status === 'rejected') throw s.reason;
  if (b.status === 'rejected') throw b.reason;
});

afterEach(async (t) => {
  await reportAndClosePages(t, server);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** `vitrine <args>` on the server's database, as the association's volunteer would type it. */
function vitrine(...args) {
  const bin = path.resolve(E2E_DIR, process.env.VITRINE_BIN || '../target/debug/vitrine');
  return execFileSync(bin, [...args, '--database-url', server.databaseUrl], {
    env: { ...process.env, NO_COLOR: '1', RUST_LOG: 'info' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function marketplace() {
  const res = await fetch(`${server.baseUrl}/api/v1/marketplace`);
  assert.equal(res.status, 200, 'GET /api/v1/marketplace');
  return res.json();
}

async function metaDescription(page) {
  return page.locator('meta[name="description"]').getAttribute('content');
}

test('on an empty database the administrator is created with the command, sets the marketplace up and the site shows it', async () => {
  assert.match(server.log(), /vitrine create-admin --email/, 'the server log says how to create the first administrator');
  assert.equal((await marketplace()).needs_admin, true);

  const { page, problems } = await newPhonePage(browser);
  await page.goto(`${server.baseUrl}/`);
  const notice = page.getByTestId('needs-admin');
  await notice.waitFor();
  assert.match(await notice.textContent(), /vitrine create-admin --email/, 'the home page says how to create the administrator');
  assert.equal(await page.title(), 'Vitrine', 'an unset marketplace is called Vitrine');
  await screenshot(page, 'first-start-home-phone');
  await assertNoSeriousA11yViolations(page);

  vitrine('create-admin', '--email', ADMIN.email, '--password', ADMIN.password, '--name', 'Présidente');
  assert.equal((await marketplace()).needs_admin, false, 'the command made an administrator');
  await page.reload();
  await page.locator('h1').waitFor();
  assert.equal(await page.getByTestId('needs-admin').count(), 0, 'the notice is gone once an administrator exists');

  // Log in from the back-office's link; an admin with the setup to do lands on it.
  await page.goto(`${server.baseUrl}/gestion`);
  await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
  await page.waitForURL('**/compte/connexion**');
  await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/gestion/association/demarrage');

  const steps = page.getByTestId('setup-step');
  await steps.first().waitFor();
  assert.deepEqual(
    await steps.evaluateAll((items) => items.map((li) => [li.dataset.step, li.dataset.done])),
    [['settings', 'false'], ['categories', 'false'], ['communes', 'false'], ['shops', 'false']],
    'every step is still to do on a fresh install',
  );
  // French defaults are offered, and follow the town as it is typed.
  assert.equal(await page.getByLabel('Nom du site').inputValue(), 'Vitrine');
  await page.getByLabel('Ville').fill(TOWN);
  assert.equal(await page.getByLabel('Sous-titre', { exact: true }).inputValue(), `les commerces de ${TOWN}`);
  assert.equal(await page.getByLabel("Nom de l'association").inputValue(), `Association des commerçants de ${TOWN}`);
  assert.match(await page.getByLabel("Présentation sur la page d'accueil").inputValue(), new RegExp(`de ${TOWN} et des villages`));
  assert.equal(await page.getByLabel('Début des numéros de commande').inputValue(), 'SQ');

  await page.getByLabel('Nom du site').fill(NAME);
  await page.getByLabel('Téléphone pour commander').fill('04 66 03 01 02');
  await page.getByLabel('Directeur ou directrice de la publication').fill('Anne Roux');
  await page.getByLabel("Nom de l'hébergeur").fill('Hébergement Exemple SAS');
  await page.getByLabel("Adresse de l'hébergeur").fill('2 rue des Serveurs, 69000 Lyon');
  await page.getByLabel("Téléphone de l'hébergeur").fill('04 00 00 00 00');
  await page.getByLabel('Olivier').check();
  await screenshot(page, 'setup-phone');
  await assertNoSeriousA11yViolations(page);

  // A required text emptied is named beside its field, and nothing is saved.
  await page.getByLabel('Sous-titre', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await page.locator('#sous-titre-erreur').waitFor();
  assert.equal((await marketplace()).town, '', 'a refused form changes nothing');
  await page.getByLabel('Sous-titre', { exact: true }).fill(`les commerces de ${TOWN}`);
  await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await page.getByTestId('settings-saved').waitFor();
  await page.locator('[data-testid="setup-step"][data-step="settings"][data-done="true"]').waitFor();
  await screenshot(page, 'setup-phone-saved', { fullPage: true });

  // The association's logo, uploaded from the same page.
  await page.getByLabel('Choisir un logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('img', { name: "Logo de l'association" }).waitFor();
  assert.ok((await marketplace()).logo_url, 'the marketplace has the logo');

  const saved = await marketplace();
  assert.equal(saved.name, NAME);
  assert.equal(saved.town, TOWN);
  assert.equal(saved.palette, 'olivier');
  assert.equal(saved.order_number_prefix, 'SQ');
  assert.equal(saved.legal.host_name, 'Hébergement Exemple SAS');

  // The home page, its title, its description and its colours are the settings'.
  await page.goto(`${server.baseUrl}/`);
  await page.locator('h1').waitFor();
  await waitForTitle(page, `${NAME} — les commerces de ${TOWN}`);
  assert.equal(await page.locator('h1').textContent(), `Achetez chez vos commerçants de ${TOWN}`);
  assert.equal(await metaDescription(page), saved.intro.fr);
  assert.equal(await page.locator('html').getAttribute('data-palette'), 'olivier');
  assert.match(await page.locator('.site-name').textContent(), new RegExp(NAME));
  await screenshot(page, 'home-phone-configured');
  await assertNoSeriousA11yViolations(page);

  // Every page's title ends with the marketplace's.
  await page.goto(`${server.baseUrl}/catalogue`);
  await page.locator('h1').waitFor();
  await page.waitForFunction((name) => document.title.startsWith('Catalogue — ') && document.title.includes(name), NAME);

  // The legal notices, from the footer.
  await page.getByRole('link', { name: 'Mentions légales' }).click();
  await page.waitForURL('**/mentions-legales');
  const publisher = page.getByTestId('legal-publisher');
  await publisher.getByText(`Association des commerçants de ${TOWN}`).waitFor();
  await publisher.getByText('Anne Roux').waitFor();
  await page.getByTestId('legal-host').getByText('Hébergement Exemple SAS').waitFor();
  assert.match(await page.locator('main').textContent(), /animé par Association des commerçants de Saint-Quentin-la-Poterie/);
  await waitForTitle(page, `Mentions légales — ${NAME} — les commerces de ${TOWN}`);
  await screenshot(page, 'legal-phone', { fullPage: true });
  await assertNoSeriousA11yViolations(page);
  // The emptied tagline is an expected 400, which chromium logs.
  const unexpected = problems.filter((p) => !/status of 400 .*\/admin\/marketplace\b/.test(p));
  assert.deepEqual(unexpected, [], 'console errors and failed requests during the setup');
});

/** Every page of the web app a visitor reaches without an account. */
const PUBLIC_PAGES = [
  '/',
  '/catalogue',
  '/catalogue?q=pain',
  '/commerces',
  '/mentions-legales',
  '/panier',
  '/commande',
  '/compte/connexion',
  '/compte/inscription',
  '/gestion',
  '/suivi/inconnu',
  '/une/page/qui/nexiste/pas',
];

test("no page, title or description of the web app names the demo's town, in either language", async () => {
  for (const lang of ['fr', 'en']) {
    const { page, close } = await newPhonePage(browser);
    await page.addInitScript((l) => window.localStorage.setItem('vitrine.lang', l), lang);
    for (const pathname of PUBLIC_PAGES) {
      const served = await (await fetch(`${server.baseUrl}${pathname}`)).text();
      assert.doesNotMatch(served, DEMO_TOWN, `the page shell served for ${pathname}`);
      await page.goto(`${server.baseUrl}${pathname}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const html = await page.content();
      assert.doesNotMatch(html, DEMO_TOWN, `the HTML of ${pathname} (${lang})`);
      assert.doesNotMatch(await page.title(), DEMO_TOWN, `the title of ${pathname} (${lang})`);
      assert.ok((await page.title()).includes(NAME), `the title of ${pathname} (${lang}) names the marketplace: ${await page.title()}`);
      assert.doesNotMatch((await metaDescription(page)) ?? '', DEMO_TOWN, `the description of ${pathname} (${lang})`);
    }
    await close();
  }
});

test("the built web app (wasm included) does not name the demo's town", () => {
  const dist = path.join(REPO_DIR, 'web', 'dist');
  const files = readdirSync(dist).filter((name) => !/\.(gz|br)$/.test(name));
  assert.ok(files.some((name) => name.endsWith('.wasm')), `web/dist has the wasm bundles: ${files}`);
  // Bytes, lower-cased as ASCII: finds "Uzès" (UTF-8), "Uzes" and "UZES" alike.
  const needles = ['uz\u00e8s', 'uzes', 'uz\u00e9s'].map((s) => Buffer.from(s, 'utf8'));
  for (const name of files) {
    const bytes = Buffer.from(readFileSync(path.join(dist, name)));
    for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x41 && bytes[i] <= 0x5a) bytes[i] += 0x20;
    for (const needle of needles) {
      assert.equal(bytes.indexOf(needle), -1, `web/dist/${name} contains "${needle.toString('utf8')}"`);
    }
  }
});
