import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';

// People: the association's admin finds the demo customer, makes her a volunteer and reads
// her a password reset code, which she uses in her own browser; the admin suspends an
// account and that account's open session is refused at once.

const PASSWORD = 'vitrine-demo-2026';
const ADMIN = 'admin@vitrine.demo';
const CUSTOMER = 'client@vitrine.demo';

const suite = demoSuite();

/** `fetch` on `/api/v1<path>`, with a bearer token; `{ status, body }`. */
async function call(method, path, { token, body } = {}) {
  const res = await fetch(`${suite.server.baseUrl}/api/v1${path}`, {
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

/** The page's problems, without the refusals the test provokes on purpose. */
const unexpected = (problems) => problems.filter((p) => !/status of (401|422)/.test(p));

async function logIn(page, email, password, next) {
  await page.goto(`${suite.server.baseUrl}/compte/connexion?retour=${encodeURIComponent(next)}`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`**${next}`);
}

/** Opens the account page of `email` from the list's search. */
async function openAccount(page, search, email) {
  await page.getByLabel('Nom ou adresse e-mail').fill(search);
  await page.getByRole('button', { name: 'Chercher' }).click();
  const row = page.locator(`[data-testid="person"][data-email="${email}"]`);
  await row.waitFor();
  await row.getByRole('link').click();
  await page.waitForURL('**/gestion/association/personnes/*');
  await page.getByTestId('account-role').waitFor();
}

test('the admin makes the customer a volunteer and reads her a code that sets a new password', async () => {
  const admin = await newPhonePage(suite.browser);
  const { page } = admin;
  await logIn(page, ADMIN, PASSWORD, '/gestion/association');
  await page.getByRole('link', { name: /^Personnes/ }).click();
  await page.waitForURL('**/gestion/association/personnes');
  await page.locator('[data-testid="person"]').first().waitFor();
  await screenshot(page, 'people-list', { fullPage: true });
  await assertNoSeriousA11yViolations(page);

  // "martin" finds Jeanne Martin whatever the case; "MARTÍN" too (accents do not count).
  await openAccount(page, 'MARTIN', CUSTOMER);
  assert.equal(await page.getByTestId('account-name').textContent(), 'Jeanne Martin');
  assert.equal(await page.getByTestId('account-role').textContent(), 'Client');
  await page.getByLabel('Nouveau rôle').selectOption({ label: 'Bénévole' });
  await page.getByRole('button', { name: 'Changer le rôle' }).click();
  await page.getByText('Rôle changé.').waitFor();
  assert.equal(await page.getByTestId('account-role').textContent(), 'Bénévole');

  await page.getByRole('button', { name: 'Générer un code' }).click();
  const code = (await page.getByTestId('reset-code').textContent()).trim();
  assert.match(code, /^\d{4} \d{4} \d{4}$/);
  await page.getByTestId('history').getByText('Code de mot de passe généré').waitFor();
  const history = await page.getByTestId('history').textContent();
  assert.match(history, /Rôle changé : Client → Bénévole par Association des commerçants/);
  await screenshot(page, 'people-account-code', { fullPage: true });
  await assertNoSeriousA11yViolations(page);
  const { body: account } = await call('GET', '/me', {
    token: (await call('POST', '/auth/login', { body: { email: CUSTOMER, password: PASSWORD } })).body.access_token,
  });
  assert.equal(account.role, 'volunteer', 'the API says so too');

  // Jeanne, on her own phone, from the log-in page.
  const jeanne = await newPhonePage(suite.browser);
  await jeanne.page.goto(`${suite.server.baseUrl}/compte/connexion`);
  await jeanne.page.getByRole('link', { name: "L'association vous a donné un code ?" }).click();
  await jeanne.page.waitForURL('**/compte/code');
  await jeanne.page.getByLabel('Adresse e-mail').fill(CUSTOMER);
  await jeanne.page.getByLabel('Code (12 chiffres)').fill(code.replaceAll(' ', ''));
  await jeanne.page.getByLabel('Nouveau mot de passe').fill('mon nouveau mot de passe');
  await screenshot(jeanne.page, 'people-reset-with-code', { fullPage: true });
  await assertNoSeriousA11yViolations(jeanne.page);
  await jeanne.page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
  await jeanne.page.getByTestId('reset-done').waitFor();
  await jeanne.page.getByTestId('reset-done').getByRole('link', { name: 'Se connecter' }).click();
  await jeanne.page.waitForURL('**/compte/connexion');
  await jeanne.page.getByLabel('Adresse e-mail').fill(CUSTOMER);
  await jeanne.page.getByLabel('Mot de passe', { exact: true }).fill('mon nouveau mot de passe');
  await jeanne.page.getByRole('button', { name: 'Se connecter' }).click();
  // A volunteer now: she lands on her round's page.
  await jeanne.page.waitForURL('**/tournee');
  await jeanne.page.getByRole('heading', { level: 1, name: 'Ma tournée' }).waitFor();

  // The code worked once: the same code again is refused, and said so.
  await jeanne.page.goto(`${suite.server.baseUrl}/compte/code`);
  await jeanne.page.getByLabel('Adresse e-mail').fill(CUSTOMER);
  await jeanne.page.getByLabel('Code (12 chiffres)').fill(code);
  await jeanne.page.getByLabel('Nouveau mot de passe').fill('encore un autre mot de passe');
  await jeanne.page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
  await jeanne.page.getByTestId('form-problem').getByText(/Ce code ne marche pas/).waitFor();
  assert.deepEqual(unexpected(jeanne.problems), []);
  assert.deepEqual(unexpected(admin.problems), []);
});

test('a suspended account is refused at once, in its open session', async () => {
  const email = `paul.${Date.now()}@exemple.fr`;
  const { status } = await call('POST', '/auth/register', {
    body: { email, password: PASSWORD, name: 'Paul Suspendu' },
  });
  assert.equal(status, 201);
  const paul = await newPhonePage(suite.browser);
  await logIn(paul.page, email, PASSWORD, '/compte/commandes');
  await paul.page.getByTestId('no-orders').waitFor();

  const admin = await newPhonePage(suite.browser);
  const { page } = admin;
  await logIn(page, ADMIN, PASSWORD, '/gestion/association/personnes');
  await openAccount(page, 'paul suspendu', email);
  await page.getByRole('button', { name: 'Suspendre le compte' }).click();
  await page.getByText('ses connexions en cours').waitFor();
  await screenshot(page, 'people-suspend-confirm', { fullPage: false });
  await assertNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Oui, suspendre ce compte' }).click();
  await page.getByTestId('suspended').waitFor();
  await page.getByTestId('history').getByText('Compte suspendu').waitFor();

  // Paul's tab still holds an access token within its 15 minutes: it is refused now.
  await paul.page.reload();
  await paul.page.getByText(/Votre session a pris fin|Connectez-vous/).first().waitFor();
  assert.equal(await paul.page.getByTestId('no-orders').count(), 0);
  const relog = await call('POST', '/auth/login', { body: { email, password: PASSWORD } });
  assert.equal(relog.status, 401, 'a suspended account cannot sign in');

  // The list says it, and reinstating lets Paul sign in again.
  await page.getByRole('button', { name: 'Rétablir le compte' }).click();
  await page.getByRole('button', { name: 'Suspendre le compte' }).waitFor();
  const back = await call('POST', '/auth/login', { body: { email, password: PASSWORD } });
  assert.equal(back.status, 200);
  assert.deepEqual(unexpected(admin.problems), []);
});
