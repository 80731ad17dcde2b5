import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';

// The printed directory of shops (issue 13), on a 360-pixel phone: the admin opens the
// association's "Annuaire imprimé" page, writes the cover's text, leaves a shop out, saves,
// downloads the A5 booklet (a PDF) and the CSV (without the shop left out), publishes the
// booklet, and anyone can then read it at its public address.

const PASSWORD = 'vitrine-demo-2026';
const ADMIN = 'admin@vitrine.demo';
const LEFT_OUT = 'chaussures-fabre';

const suite = demoSuite();

async function logIn(page, email, next) {
  await page.goto(`${suite.server.baseUrl}/compte/connexion?retour=${encodeURIComponent(next)}`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`**${next}`);
}

test('the admin edits, downloads and publishes the printed directory', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  await logIn(page, ADMIN, '/gestion/association');
  // From the association's page, through its navigation.
  await page.getByRole('link', { name: 'Annuaire imprimé' }).click();
  await page.waitForURL('**/gestion/association/annuaire');
  await page.getByRole('heading', { name: 'Annuaire imprimé des commerces' }).waitFor();
  await page.getByLabel('Texte de la couverture').fill('Nos commerçants vous attendent.');
  const shop = page.locator(`input[type="checkbox"][value="${LEFT_OUT}"]`);
  await shop.check();
  await page.getByTestId('directory-save').click();
  await page.getByRole('status').getByText('Enregistré.').waitFor();
  await screenshot(page, 'directory', { fullPage: true });
  await assertNoSeriousA11yViolations(page);

  // The A5 booklet downloads as a PDF.
  const [booklet] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('directory-download-a5').click(),
  ]);
  assert.equal(booklet.suggestedFilename(), 'annuaire-a5.pdf');
  const pdf = await readFile(await booklet.path());
  assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');

  // The CSV no longer lists the shop left out.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('directory-download-csv').click(),
  ]);
  const text = await readFile(await csv.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFFRubrique;Commerce;'), text.slice(0, 60));
  assert.ok(!text.includes(`/commerces/${LEFT_OUT}?`), 'the shop left out is not listed');
  assert.ok(text.includes('/commerces/epicerie-du-duche?src=flyer'), 'the other shops are');

  // Published: the public address serves it to anyone.
  assert.equal((await fetch(`${suite.server.baseUrl}/api/v1/directory.pdf?format=a5`)).status, 404);
  await page.getByTestId('directory-publish-a5').click();
  await page.getByTestId('directory-edition-a5').waitFor();
  const published = await fetch(`${suite.server.baseUrl}/api/v1/directory.pdf?format=a5`);
  assert.equal(published.status, 200);
  assert.equal(published.headers.get('content-type'), 'application/pdf');
  assert.equal(Buffer.from(await published.arrayBuffer()).subarray(0, 4).toString('latin1'), '%PDF');
  await assertNoSeriousA11yViolations(page);

  // Still saved after a reload.
  await page.reload();
  await page.getByLabel('Texte de la couverture').waitFor();
  assert.equal(await page.getByLabel('Texte de la couverture').inputValue(), 'Nos commerçants vous attendent.');
  assert.ok(await page.locator(`input[type="checkbox"][value="${LEFT_OUT}"]`).isChecked());
  assert.deepEqual(problems, [], 'console errors and failed requests');
});
