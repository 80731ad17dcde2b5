import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';
import { newPhonePage } from '../lib/browser.mjs';
import { demoSuite } from '../lib/suite.mjs';

// The browser side of security: every bundle runs under the server's Content-Security-Policy
// (and a violation is caught), the page shell still says when the app cannot start, the
// session's refresh token lives in an HttpOnly cookie that two tabs share without spending
// it twice, and a form on another site cannot use it.

const CUSTOMER = { email: 'client@vitrine.demo', password: 'vitrine-demo-2026' };
const REFRESH_COOKIE = 'vitrine_refresh';

const suite = demoSuite();

async function refreshCookie(context) {
  return (await context.cookies()).find((c) => c.name === REFRESH_COOKIE);
}

/** Logs the demo customer in from the log-in page; lands on their orders. */
async function logIn(page) {
  await page.goto(`${suite.server.baseUrl}/compte/connexion?retour=%2Fcompte%2Fcommandes`);
  await page.getByLabel('Adresse e-mail').fill(CUSTOMER.email);
  await page.getByLabel('Mot de passe').fill(CUSTOMER.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/compte/commandes');
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

test('every bundle runs under the Content-Security-Policy, which refuses an injected script', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  const pages = [
    ['/', '[data-testid="shop-list"]'],
    ['/produits', '[data-testid="product-results"], main h1'],
    ['/panier', 'main h1'],
    ['/compte/connexion', 'form'],
    ['/gestion', 'main h1'],
  ];
  for (const [path, ready] of pages) {
    const response = await page.goto(`${suite.server.baseUrl}${path}`);
    const policy = response.headers()['content-security-policy'] ?? '';
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/, `${path}: ${policy}`);
    assert.doesNotMatch(policy, /unsafe-inline/, path);
    await page.locator(ready).first().waitFor();
  }
  assert.deepEqual(problems, [], 'the app runs under its policy');

  // What an injection would try: an inline script and an inline event handler, refused and
  // reported, so that the suite would notice the app doing the same.
  const ran = await page.evaluate(async () => {
    window.injected = false;
    const script = document.createElement('script');
    script.textContent = 'window.injected = true;';
    document.body.append(script);
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.injected = true');
    img.src = 'data:,';
    document.body.append(img);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return window.injected;
  });
  assert.equal(ran, false, 'the inline code did not run');
  assert.ok(problems.some((p) => p.startsWith('CSP violation: script-src')), problems.join('\n'));
});

test('the API docs work under their own policy', async () => {
  const { page, problems } = await newPhonePage(suite.browser);
  const response = await page.goto(`${suite.server.baseUrl}/api/docs/`);
  assert.match(response.headers()['content-security-policy'] ?? '', /frame-ancestors 'none'/);
  await page.getByText('Vitrine API').first().waitFor();
  await page.locator('.opblock').first().waitFor();
  assert.deepEqual(problems, []);
});

test('the page shell says so when the app cannot start', async () => {
  const { page } = await newPhonePage(suite.browser);
  await page.route('**/vitrine_bg.*.wasm', (route) => route.abort());
  await page.goto(`${suite.server.baseUrl}/`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Vitrine n'a pas pu démarrer\. Rechargez la page/);
});

test('two tabs share one session through the cookie and never spend the same refresh twice', async () => {
  const first = await newPhonePage(suite.browser);
  await logIn(first.page);
  const cookie = await refreshCookie(first.context);
  assert.ok(cookie?.httpOnly, 'an HttpOnly refresh cookie');
  const second = { page: await first.context.newPage(), problems: first.problems };
  const refreshes = [];
  first.context.on('response', (res) => {
    if (res.url().endsWith('/api/v1/auth/refresh')) refreshes.push(res.status());
  });

  // Both tabs load a page that needs the API at the same moment: each needs a refresh.
  for (let round = 0; round < 3; round += 1) {
    await Promise.all(
      [first.page, second.page].map(async (page) => {
        await page.goto(`${suite.server.baseUrl}/compte/commandes`);
        await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
        // The orders came through the API, so this load's refresh is done.
        await page.waitForLoadState('networkidle');
      }),
    );
  }
  assert.equal(refreshes.length, 6, `one refresh per tab and load: ${refreshes}`);
  assert.deepEqual([...new Set(refreshes)], [200], 'none refused: no token was spent twice');
  assert.deepEqual(first.problems, []);

  // Logging out in one tab signs the other out at its next call.
  await first.page.getByRole('button', { name: 'Se déconnecter' }).click();
  await first.page.waitForURL(`${suite.server.baseUrl}/`);
  assert.equal(await refreshCookie(first.context), undefined);
  await second.page.goto(`${suite.server.baseUrl}/compte/commandes`);
  await second.page.getByText('Connectez-vous pour voir vos commandes.').waitFor();
});

test('a refresh whose answer is lost (a page left mid-refresh) does not sign the shopper out', async () => {
  const { page, context, problems } = await newPhonePage(suite.browser);
  await logIn(page);
  const before = await refreshCookie(context);
  let refreshes = 0;
  await page.route('**/api/v1/auth/refresh', async (route) => {
    refreshes += 1;
    if (refreshes > 1) return route.continue();
    // The server exchanges the token, but its answer and new cookie never reach the page.
    await route.fetch();
    await context.addCookies([before]);
    await route.abort('aborted');
  });
  await page.goto(`${suite.server.baseUrl}/compte/commandes`);
  await page.waitForLoadState('networkidle');
  assert.equal(refreshes, 1, 'the page refreshed once, and lost the answer');

  // The next load presents the token the server already exchanged: still signed in.
  await page.goto(`${suite.server.baseUrl}/compte/commandes`);
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(refreshes, 2);
  assert.equal(await page.getByText('Connectez-vous pour voir vos commandes.').count(), 0, 'still signed in');
  assert.notEqual((await refreshCookie(context))?.value, before.value, 'a new token');
  const unexpected = problems.filter((p) => !/\/api\/v1\/auth\/refresh: net::ERR_FAILED|ERR_ABORTED/.test(p));
  assert.deepEqual(unexpected, []);
});

test('a form on another site cannot use the session', async () => {
  const { page, context, problems } = await newPhonePage(suite.browser);
  await logIn(page);
  const before = await refreshCookie(context);

  // Another site (localhost is not the same site as 127.0.0.1) posts a form to the refresh
  // route, the way a forged request would.
  const target = `${suite.server.baseUrl}/api/v1/auth/refresh`;
  const evil = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<!doctype html><form method="post" action="${target}" enctype="text/plain">
      <input name="a" value="b"></form>
      <script>document.forms[0].submit()</script>`);
  });
  await new Promise((resolve) => evil.listen(0, '127.0.0.1', resolve));
  try {
    const answer = page.waitForResponse((res) => res.url() === target);
    await page.goto(`http://localhost:${evil.address().port}/`);
    const status = (await answer).status();
    assert.ok(status === 401 || status === 415, `refused: ${status}`);
  } finally {
    evil.close();
  }
  const after = await refreshCookie(context);
  assert.equal(after?.value, before.value, 'the cookie was not spent');

  // The session still works: a reload refreshes through the same cookie.
  await page.goto(`${suite.server.baseUrl}/compte/commandes`);
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  const unexpected = problems.filter((p) => !/localhost|auth\/refresh/.test(p));
  assert.deepEqual(unexpected, []);
});
