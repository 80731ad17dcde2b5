import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';

// Issue 17: a merchant registers a webhook to a receiver this test starts on loopback, sees
// its secret once, sends a test event, and finds it in the delivery log; the receiver got it
// signed with that secret. The server may post plain http to loopback only with
// `--allow-insecure-webhooks`, which the environment gives it here.
process.env.VITRINE_ALLOW_INSECURE_WEBHOOKS = 'true';
process.env.VITRINE_WEBHOOK_POLL_MS = '200';

const SHOP = 'epicerie-du-duche';
const PASSWORD = 'vitrine-demo-2026';
const MERCHANT = 'marchand@vitrine.demo';

const suite = demoSuite();
const received = [];
let receiver;
let receiverUrl;

before(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('merci');
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${receiver.address().port}/vitrine`;
});

after(async () => {
  await new Promise((resolve) => receiver.close(resolve));
});

/** Whether one of the delivery's signatures is the one `secret` makes (Standard Webhooks). */
function signedBy(delivery, secret) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const id = delivery.headers['webhook-id'];
  const timestamp = delivery.headers['webhook-timestamp'];
  const expected = `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${delivery.body}`).digest('base64')}`;
  return delivery.headers['webhook-signature'].split(' ').includes(expected);
}

async function logIn(page, email) {
  await page.goto(`${suite.server.baseUrl}/compte/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/gestion**');
  await page.waitForLoadState('networkidle');
}

test('a merchant registers a webhook, sees its secret once, sends a test event and reads it in the log', async () => {
  const { page } = await newPhonePage(suite.browser);
  await logIn(page, MERCHANT);
  await page.getByTestId('shop').filter({ hasText: 'Épicerie' }).getByRole('link', { name: 'Webhooks' }).click()
    .catch(async () => page.goto(`${suite.server.baseUrl}/gestion/${SHOP}/webhooks`));
  await page.waitForURL(`**/gestion/${SHOP}/webhooks`);
  await page.getByRole('heading', { name: 'Webhooks de la boutique' }).waitFor();

  await page.getByLabel('Adresse (URL)').fill(receiverUrl);
  await page.getByLabel('Description (facultative)').fill('La caisse');
  await page.getByLabel('Commande passée').check();
  await page.getByRole('button', { name: 'Créer le webhook' }).click();
  const secretBox = page.getByTestId('webhook-secret');
  await secretBox.waitFor();
  const secret = await secretBox.getByLabel('Votre secret').inputValue();
  assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
  await screenshot(page, 'webhooks-phone', { fullPage: true });
  await assertNoSeriousA11yViolations(page);
  await secretBox.getByRole('button', { name: "C'est noté" }).click();
  await secretBox.waitFor({ state: 'detached' });

  // Shown once: not on the page once reloaded.
  await page.reload();
  const endpoint = page.getByTestId('webhook').first();
  await endpoint.waitFor();
  assert.equal(await endpoint.getAttribute('data-enabled'), 'true');
  assert.ok(!(await page.content()).includes(secret), 'the secret is never shown again');

  await endpoint.getByRole('button', { name: 'Envoyer un événement de test' }).click();
  await endpoint.getByText('Événement de test envoyé').waitFor();
  for (let i = 0; i < 100 && received.length === 0; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(received.length, 1, 'the receiver got the test event');
  assert.equal(JSON.parse(received[0].body).type, 'webhook.test');
  assert.ok(signedBy(received[0], secret), 'signed with the secret shown');

  // The log shows it, answered 200 with the receiver's words.
  await endpoint.getByRole('button', { name: 'Voir le journal' }).click();
  const line = endpoint.locator('[data-testid="webhook-attempt"][data-event="webhook.test"]');
  for (let i = 0; i < 50 && (await line.count()) === 0; i += 1) {
    await endpoint.getByRole('button', { name: 'Actualiser' }).click();
    await page.waitForTimeout(200);
  }
  await line.first().waitFor();
  assert.equal(await line.first().getAttribute('data-status'), '200');
  assert.match(await line.first().textContent(), /merci/);
  await assertNoSeriousA11yViolations(page);
});
