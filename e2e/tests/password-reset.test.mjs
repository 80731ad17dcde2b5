import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';

// Issue 12, e-mail links, on the embedded default (no mail server: the messages are held
// and the admins read them): a customer who forgot her password asks for a link from the
// log-in page, opens it (read from the admins' mailbox API, as she would from her e-mail),
// sets a new password twice, and signs in with it; the old one no longer works, nor does the
// link a second time. A new account's verification link proves its address.

const CUSTOMER = 'client@vitrine.demo';
const OLD_PASSWORD = 'vitrine-demo-2026';
const NEW_PASSWORD = 'un tout nouveau mot de passe';
const ADMIN = 'admin@vitrine.demo';

const suite = demoSuite();

async function post(apiPath, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(`${suite.server.baseUrl}/api/v1${apiPath}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** The newest e-mail of `topic` to `recipient`, as the demo admin reads it in the mailbox. */
async function newestMail(topic, recipient) {
  const login = await post('/auth/login', { email: ADMIN, password: OLD_PASSWORD });
  assert.equal(login.status, 200);
  const { access_token: token } = await login.json();
  const get = async (apiPath) => {
    const res = await fetch(`${suite.server.baseUrl}/api/v1${apiPath}`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200, apiPath);
    return res.json();
  };
  const { items } = await get('/admin/mail?per_page=100');
  const summary = items.find((m) => m.topic === topic && m.recipient === recipient);
  assert.ok(summary, `a ${topic} message to ${recipient} in ${JSON.stringify(items.map((m) => [m.topic, m.recipient]))}`);
  return get(`/admin/mail/${summary.id}`);
}

/** The path and query of the link to `page` in a message's text. */
function linkIn(text, page) {
  const found = text.match(new RegExp(`https?://\\S+${page}\\?jeton=[0-9a-f]{96}`));
  assert.ok(found, `a link to ${page} in: ${text}`);
  const url = new URL(found[0]);
  return `${url.pathname}${url.search}`;
}

async function logIn(page, password) {
  await page.goto(`${suite.server.baseUrl}/compte/connexion`);
  await page.getByLabel('Adresse e-mail').fill(CUSTOMER);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

test('a customer who forgot her password gets a link, sets a new one and signs in with it', async () => {
  const { page } = await newPhonePage(suite.browser);
  await page.goto(`${suite.server.baseUrl}/compte/connexion`);
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await page.waitForURL('**/compte/mot-de-passe-oublie');
  await page.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor();
  await assertNoSeriousA11yViolations(page);
  await page.getByLabel('Adresse e-mail').fill(CUSTOMER);
  await page.getByRole('button', { name: 'Recevoir le lien' }).click();
  const sent = page.getByTestId('reset-sent');
  await sent.waitFor();
  assert.match(await sent.textContent(), /Si un compte existe pour cette adresse, un lien vous a été envoyé/);
  await assertNoSeriousA11yViolations(page);

  // The link, as the e-mail carries it.
  const mail = await newestMail('password_reset', CUSTOMER);
  assert.equal(mail.summary.state, 'held');
  const link = linkIn(mail.text, '/mot-de-passe/nouveau');

  await page.goto(`${suite.server.baseUrl}${link}`);
  await page.getByRole('heading', { name: 'Choisir un nouveau mot de passe' }).waitFor();
  await assertNoSeriousA11yViolations(page);
  // Two different passwords: said beside the second field, nothing sent.
  await page.getByLabel('Nouveau mot de passe').fill(NEW_PASSWORD);
  await page.getByLabel('Le même, encore une fois').fill('autre chose encore');
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await page.getByText('Les deux mots de passe ne sont pas les mêmes.').waitFor();
  await page.getByLabel('Le même, encore une fois').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  const changed = page.getByTestId('password-changed');
  await changed.waitFor();
  await screenshot(page, 'password-changed-phone', { fullPage: true });
  await changed.getByRole('link', { name: 'Se connecter' }).click();
  await page.waitForURL('**/compte/connexion');

  // The new password signs in; the link proved the address, as the account page says.
  await logIn(page, NEW_PASSWORD);
  await page.waitForURL('**/compte/commandes**');
  const status = page.getByTestId('email-status');
  await status.waitFor();
  assert.equal(await status.getAttribute('data-state'), 'verified');
  assert.match(await status.textContent(), /Votre adresse e-mail est vérifiée/);

  // The old password no longer works.
  const { page: other } = await newPhonePage(suite.browser);
  await logIn(other, OLD_PASSWORD);
  const problem = other.getByTestId('form-problem');
  await problem.waitFor();
  assert.match(await problem.textContent(), /Adresse e-mail ou mot de passe incorrect/);
  assert.match(other.url(), /\/compte\/connexion/);

  // The link a second time: it no longer works, and says how to get another.
  await other.goto(`${suite.server.baseUrl}${link}`);
  await other.getByLabel('Nouveau mot de passe').fill('encore un autre mot de passe');
  await other.getByLabel('Le même, encore une fois').fill('encore un autre mot de passe');
  await other.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await other.getByText('Ce lien ne fonctionne plus').waitFor();
  await other.getByRole('link', { name: 'Demander un nouveau lien' }).waitFor();
  await assertNoSeriousA11yViolations(other);
});

test("a new account's verification link proves its address, and the account page says so", async () => {
  const email = `paul.${Date.now()}@exemple.fr`;
  const reply = await post('/auth/register', { email, password: NEW_PASSWORD, name: 'Paul Roux' });
  assert.equal(reply.status, 201);
  const mail = await newestMail('verify_email', email);
  const link = linkIn(mail.text, '/verifier-courriel');

  const { page, problems } = await newPhonePage(suite.browser);
  // Signed in first: the account page offers to send the link again.
  await page.goto(`${suite.server.baseUrl}/compte/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/compte/commandes**');
  const status = page.getByTestId('email-status');
  await status.waitFor();
  assert.equal(await status.getAttribute('data-state'), 'unverified');
  await status.getByRole('button', { name: 'Renvoyer le lien' }).click();
  await page.getByText('Un nouveau lien vous a été envoyé.').waitFor();
  await assertNoSeriousA11yViolations(page);

  await page.goto(`${suite.server.baseUrl}${link}`);
  const verified = page.getByTestId('email-verified');
  await verified.waitFor();
  assert.match(await verified.textContent(), /votre adresse e-mail est vérifiée/);
  await assertNoSeriousA11yViolations(page);
  await verified.getByRole('link', { name: 'Mes commandes' }).click();
  await page.waitForURL('**/compte/commandes**');
  await page.locator('[data-testid="email-status"][data-state="verified"]').waitFor();
  assert.deepEqual(problems, [], 'console errors and failed requests');
});
