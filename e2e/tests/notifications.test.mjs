import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';

// Issue 12's settings in the browser: a shopper turns the delivery reminders off on the
// account page and the choice survives a reload; the admin sets the sender's name on the
// mailbox page and the next message carries it; a merchant sets the shop's summary time on
// its profile page; the unsubscribe page refuses a link that is not one of ours.

const SHOP = 'epicerie-du-duche';
const PASSWORD = 'vitrine-demo-2026';
const SENDER = "Les commerces d'Uzès";

const suite = demoSuite();
const { api } = suite;

async function logIn(page, email, after) {
  await page.goto(`${suite.server.baseUrl}/compte/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(after);
  await page.waitForLoadState('networkidle');
}

/** A guest's pickup order through the API, with an e-mail address. */
async function guestOrder(email) {
  const base = `${suite.server.baseUrl}/api/v1`;
  const json = { 'Content-Type': 'application/json' };
  const cart = await (await fetch(`${base}/carts`, { method: 'POST', headers: json })).json();
  const { items } = await api(`/products?shop=${SHOP}&in_stock=true&per_page=100`);
  let added = false;
  for (const card of items) {
    const res = await fetch(`${base}/carts/${cart.id}/items`, {
      method: 'POST', headers: json, body: JSON.stringify({ product_id: card.id, quantity: 1 }),
    });
    if (res.status === 200) { added = true; break; }
  }
  assert.ok(added, 'a product of the demo shop in the basket');
  const res = await fetch(`${base}/carts/${cart.id}/checkout`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      customer: { name: 'Lucienne Roux', phone: '04 66 22 77 88', email },
      accept_terms: true,
      fulfilment: { method: 'pickup' },
    }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()).orders[0];
}

test('a shopper turns the delivery reminders off on the account page, and it stays off', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  await logIn(page, 'client@vitrine.demo', '**/compte/commandes**');
  await page.getByText('Les messages sur vos commandes (reçue, confirmée, prête, annulée) sont toujours envoyés.').waitFor();
  const reminder = page.getByLabel("Rappel la veille d'une livraison (à 18 h)");
  assert.equal(await reminder.isChecked(), true, 'on by default');
  await reminder.uncheck();
  await page.getByTestId('notifications-saved').getByText('Enregistré.').waitFor();
  await screenshot(page, 'account-emails-phone', { fullPage: true });
  await assertNoSeriousA11yViolations(page);

  await page.reload();
  const again = page.getByLabel("Rappel la veille d'une livraison (à 18 h)");
  await again.waitFor();
  assert.equal(await again.isChecked(), false, 'the choice survives a reload');
  assert.deepEqual(problems, [], 'console errors and failed requests');
});

test('the admin sets the sender name on the mailbox page, and the next message carries it', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  await logIn(page, 'admin@vitrine.demo', '**/gestion**');
  await page.goto(`${suite.server.baseUrl}/gestion/association/courrier`);
  const name = page.getByLabel("Nom de l'expéditeur");
  await name.waitFor();
  await name.fill(SENDER);
  await page.getByLabel('Adresse de réponse').fill('association@uzes.example');
  await page.getByTestId('sender-saved').locator('..').getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByTestId('sender-saved').getByText('Enregistré.').waitFor();
  await assertNoSeriousA11yViolations(page);

  const email = 'marius.roux@example.fr';
  const order = await guestOrder(email);
  await page.reload();
  const mail = page.locator(`[data-testid="mail"][data-topic="order_placed_customer"][data-recipient="${email}"]`).first();
  await mail.waitFor();
  assert.match(await mail.locator('h2').textContent(), new RegExp(order.number));
  await mail.getByRole('button', { name: 'Lire' }).click();
  await mail.getByTestId('mail-text').waitFor();
  const headers = await mail.locator('dl').textContent();
  assert.ok(headers.includes(`${SENDER} <`), `the From header names the sender: ${headers}`);
  assert.ok(headers.includes('contact@epicerie-du-duche.fr'), `replies to an order message go to the shop: ${headers}`);
  assert.match(await mail.getByTestId('mail-text').textContent(), new RegExp(`— ${SENDER}`), 'it signs the message');
  // The setting survives a reload too.
  assert.equal(await page.getByLabel("Nom de l'expéditeur").inputValue(), SENDER);
  assert.deepEqual(problems, [], 'console errors and failed requests');
});

test("a merchant sets the shop's summary time and turns its new-order messages off", async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  await logIn(page, 'marchand@vitrine.demo', '**/gestion**');
  await page.goto(`${suite.server.baseUrl}/gestion/${SHOP}/profil`);
  const time = page.getByLabel('Heure du résumé quotidien');
  await time.waitFor();
  assert.equal(await time.inputValue(), '08:00');
  await time.fill('18:30');
  await page.getByLabel('Chaque nouvelle commande (et chaque annulation par un client)').uncheck();
  await page.getByTestId('notifications-saved').locator('..').getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByTestId('notifications-saved').getByText('Enregistré.').waitFor();
  await assertNoSeriousA11yViolations(page);
  await page.reload();
  await page.getByLabel('Heure du résumé quotidien').waitFor();
  assert.equal(await page.getByLabel('Heure du résumé quotidien').inputValue(), '18:30');
  assert.equal(await page.getByLabel('Chaque nouvelle commande (et chaque annulation par un client)').isChecked(), false);
  assert.equal(await page.getByLabel('Un résumé chaque jour des commandes à confirmer').isChecked(), true);
  assert.deepEqual(problems, [], 'console errors and failed requests');
});

test('the unsubscribe page asks before it acts, and says when a link is not one of ours', async () => {
  const { page } = await newPhonePage(suite.browser);
  await page.goto(`${suite.server.baseUrl}/desabonnement?jeton=r.6a65616e6e65.00000000000000000000000000000000`);
  const button = page.getByRole('button', { name: 'Confirmer le désabonnement' });
  await button.waitFor();
  await assertNoSeriousA11yViolations(page);
  await button.click();
  await page.getByTestId('problem').waitFor();
  assert.equal(await page.getByTestId('unsubscribed').count(), 0, 'nothing turned off');
});
