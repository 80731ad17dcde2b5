import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoSeriousA11yViolations } from '../lib/a11y.mjs';
import { newPhonePage, screenshot } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';

// A sale happens while the merchant has the product list open: the stock they type over the
// one they saw is refused (the API's 409), the page says in French what the stock is now,
// nothing changed; saving again, knowingly, sets it. The same in the product's form.
// Expectations come from the API.

const SHOP = 'epicerie-du-duche';
const MERCHANT = { email: 'marchand@vitrine.demo', password: 'vitrine-demo-2026' };

const suite = demoSuite();

async function merchantToken() {
  const login = await fetch(`${suite.server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(MERCHANT),
  });
  assert.equal(login.status, 200);
  return (await login.json()).access_token;
}

async function managedProduct(token, id) {
  for (let page = 1; page <= 5; page += 1) {
    const res = await fetch(`${suite.server.baseUrl}/api/v1/shops/${SHOP}/products?per_page=100&page=${page}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200);
    const found = (await res.json()).items.find((p) => p.id === id);
    if (found) return found;
  }
  throw new Error(`no product ${id}`);
}

async function setStock(token, id, stock) {
  const res = await fetch(`${suite.server.baseUrl}/api/v1/products/${id}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ stock }),
  });
  assert.equal(res.status, 200, await res.text());
}

/** A shopper buys one unit, through the API. */
async function sellOne(id) {
  const base = `${suite.server.baseUrl}/api/v1`;
  const cart = await (await fetch(`${base}/carts`, { method: 'POST', headers: { 'Content-Type': 'application/json' } })).json();
  const added = await fetch(`${base}/carts/${cart.id}/items`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ product_id: id, quantity: 1 }),
  });
  assert.equal(added.status, 200, await added.text());
  const res = await fetch(`${base}/carts/${cart.id}/checkout`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      customer: { name: 'Jeanne Martin', phone: '06 12 34 56 78' },
      accept_terms: true,
      fulfilment: { method: 'pickup' },
      contact_preference: 'call',
    }),
  });
  assert.equal(res.status, 201, await res.text());
}

async function logInAsMerchant(page) {
  await page.goto(`${suite.server.baseUrl}/compte/connexion?retour=%2Fgestion`);
  await page.getByLabel('Adresse e-mail').fill(MERCHANT.email);
  await page.getByLabel('Mot de passe').fill(MERCHANT.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/gestion');
  await page.getByTestId('bo-shop').first().waitFor();
}

test('a stock typed over a sale made meanwhile is refused, said in French, and set when saved again', async () => {
  const token = await merchantToken();
  const { page, problems } = await newPhonePage(suite.browser);
  await logInAsMerchant(page);
  await page.goto(`${suite.server.baseUrl}/gestion/${SHOP}/produits`);
  const row = page.locator('[data-testid="bo-product"][data-status="active"]').first();
  await row.waitFor();
  const id = Number(await row.getAttribute('data-id'));
  await setStock(token, id, 10);
  await page.reload();
  const stockField = page.locator(`#stock-${id}`);
  await stockField.waitFor();
  assert.equal(await stockField.inputValue(), '10');

  await sellOne(id);
  await stockField.fill('15');
  const sameRow = page.locator(`[data-testid="bo-product"][data-id="${id}"]`);
  await sameRow.getByRole('button', { name: 'Enregistrer' }).click();
  const notice = sameRow.getByTestId('stock-changed');
  await notice.waitFor();
  const said = await notice.textContent();
  assert.ok(said.includes('Le stock a changé entre-temps'), said);
  assert.ok(said.includes('il est maintenant de 9'), said);
  assert.equal((await managedProduct(token, id)).stock, 9, 'nothing was changed');
  await screenshot(page, 'bo-stock-changed-meanwhile');
  await assertNoSeriousA11yViolations(page);

  // Saved again knowingly: the count the merchant typed is the stock.
  await sameRow.getByRole('button', { name: 'Enregistrer' }).click();
  await sameRow.getByText('Enregistré').waitFor();
  assert.equal((await managedProduct(token, id)).stock, 15);

  // The product's form: a price change leaves a sale made meanwhile alone.
  await page.goto(`${suite.server.baseUrl}/gestion/${SHOP}/produits/${id}`);
  const priceField = page.locator('#produit-prix');
  await priceField.waitFor();
  await sellOne(id);
  await priceField.fill('7,35');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await page.getByTestId('product-saved').getByText('Enregistré').waitFor();
  const after = await managedProduct(token, id);
  assert.deepEqual([after.stock, after.price_cents], [14, 735]);
  // And a stock typed there over another sale is refused the same way.
  await sellOne(id);
  await page.locator('#produit-stock').fill('30');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  const formNotice = page.getByTestId('stock-changed');
  await formNotice.waitFor();
  assert.ok((await formNotice.textContent()).includes('il est maintenant de 13'));
  assert.equal((await managedProduct(token, id)).stock, 13);
  // The two refusals are the expected 409s, which chromium logs.
  const unexpected = problems.filter((p) => !/status of 409 .*\/api\/v1\/products\/\d+\b/.test(p));
  assert.deepEqual(unexpected, [], 'console errors and failed requests');
});
