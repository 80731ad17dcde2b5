// `just bench-slow` (and part of `just bench`): how soon a shopper on a village's mobile
// signal sees the first thing they came for (issue 16).
//
// Headless chromium (Debian's, driven by playwright-core from e2e/node_modules) emulates a
// mid-range phone on "Fast 3G" through the DevTools protocol: 1.6 Mbit/s down (200,000
// bytes/s), 750 kbit/s up, 150 ms added to every request, and the CPU slowed 4 times. The
// release binary serves the demo on SQLite. For each page (home, a category, a product, a
// shop) it measures, in the page itself, the time from the navigation's start
// (`performance.now()`) until the page's main content is visible: the first product card on
// a catalogue page, the name on a product's or shop's page, the first category on the home
// page. Cold: a fresh browser context, nothing cached. Warm: the same page visited again in
// that context. Median of BENCH_RUNS (default 5).
//
// Beside each, the same content as plain HTML served by the same binary in the same run: the
// page as the app rendered it (scripts removed) is written into a copy of web/dist, which the
// server serves as a file, and timed cold the same way. The ratio to it is what counts on a
// noisy shared machine.
//
// Environment: VITRINE_BIN (default target/release/vitrine), VITRINE_STATIC_DIR (default
// web/dist), BENCH_RUNS, CHROMIUM (default /usr/bin/chromium).

import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'e2e', 'package.json'));
const { chromium } = require('playwright-core');
const { startServer } = await import(path.join(ROOT, 'e2e', 'lib', 'server.mjs'));

const RUNS = Number(process.env.BENCH_RUNS || 5);
// Fast 3G as the issue gives it, on a phone whose CPU is 4 times slower than this one.
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: 200_000,
  uploadThroughput: 93_750,
};
const CPU_SLOWDOWN = 4;
const TIMEOUT_MS = 60_000;

const staticSource = path.resolve(ROOT, process.env.VITRINE_STATIC_DIR || 'web/dist');
process.env.VITRINE_BIN = path.resolve(ROOT, process.env.VITRINE_BIN || 'target/release/vitrine');
// The server serves a copy, so that the snapshots can be added beside the app's files.
const work = await mkdtemp(path.join(os.tmpdir(), 'vitrine-bench-slow-'));
const served = path.join(work, 'dist');
await cp(staticSource, served, { recursive: true });
process.env.VITRINE_STATIC_DIR = served;
process.env.RUST_LOG = process.env.RUST_LOG || 'warn';

const server = await startServer({ demo: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

// Runs in every page before its own scripts: notes when `selector` first matches a visible
// element and can be painted (its stylesheets loaded, the next frame drawn), in ms since the
// navigation started.
function watchFor(selector) {
  let seen = false;
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  const stylesheetsLoaded = () =>
    Promise.all(
      [...document.querySelectorAll('link[rel="stylesheet"]')]
        .filter((link) => !link.sheet)
        .map((link) => new Promise((resolve) => {
          link.addEventListener('load', resolve, { once: true });
          link.addEventListener('error', resolve, { once: true });
        })),
    );
  const check = () => {
    if (seen) return;
    const element = document.querySelector(selector);
    if (element && visible(element)) {
      seen = true;
      observer.disconnect();
      stylesheetsLoaded().then(() =>
        requestAnimationFrame(() => setTimeout(() => {
          window.__shownAt = performance.now();
        }, 0)),
      );
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener('DOMContentLoaded', check);
}

async function api(pathAndQuery) {
  const response = await fetch(`${server.baseUrl}/api/v1${pathAndQuery}`);
  if (!response.ok) throw new Error(`GET ${pathAndQuery}: ${response.status}`);
  return response.json();
}

const product = (await api('/products?category=epicerie&per_page=1')).items[0];
const shop = (await api('/shops?per_page=1')).items[0];
const PAGES = [
  // The home page's first list on a phone's screen: the categories.
  { name: 'home', path: '/', selector: '[data-testid="category-list"] li' },
  {
    name: 'category',
    path: '/catalogue?categorie=epicerie',
    selector: '[data-testid="product-card"]',
  },
  { name: 'product', path: `/produits/${product.id}`, selector: 'h1.product__name' },
  { name: 'shop', path: `/commerces/${shop.slug}`, selector: 'h1.shop__name' },
];

async function throttledPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return page;
}

async function newContext() {
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
}

// Loads `url` in `page` and answers when `selector` showed, in ms since navigation start.
async function timeTo(page, url, selector) {
  await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
  await page.waitForFunction(() => window.__shownAt !== undefined, null, {
    timeout: TIMEOUT_MS,
    polling: 50,
  });
  return page.evaluate(() => window.__shownAt);
}

// The page as the app rendered it, without its scripts, as a static file of the same server.
async function snapshot({ name, path: pagePath, selector }) {
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}${pagePath}`);
  await page.waitForSelector(selector);
  // The rest of the page's first answers (the catalogue's filters, a shop's products).
  await page.waitForLoadState('networkidle');
  const html = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true);
    for (const node of copy.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"]')) {
      node.remove();
    }
    return `<!doctype html>\n${copy.outerHTML}`;
  });
  await context.close();
  const file = `snapshot-${name}.html`;
  await writeFile(path.join(served, file), html);
  return `/${file}`;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const rows = [];
try {
  for (const spec of PAGES) {
    const staticPath = await snapshot(spec);
    const cold = [];
    const warm = [];
    const plain = [];
    for (let run = 0; run < RUNS; run += 1) {
      const context = await newContext();
      await context.addInitScript(watchFor, spec.selector);
      const page = await throttledPage(context);
      cold.push(await timeTo(page, `${server.baseUrl}${spec.path}`, spec.selector));
      await page.goto('about:blank');
      warm.push(await timeTo(page, `${server.baseUrl}${spec.path}`, spec.selector));
      await context.close();

      const staticContext = await newContext();
      await staticContext.addInitScript(watchFor, spec.selector);
      const staticPage = await throttledPage(staticContext);
      plain.push(await timeTo(staticPage, `${server.baseUrl}${staticPath}`, spec.selector));
      await staticContext.close();
    }
    rows.push({ ...spec, cold: median(cold), warm: median(warm), plain: median(plain), all: { cold, warm, plain } });
    process.stderr.write(`bench-slow: ${spec.name} done\n`);
  }
} finally {
  await browser.close();
  await server.stop();
  await rm(work, { recursive: true, force: true });
}

const pad = (text, width) => String(text).padStart(width);
console.log(
  `\nFast 3G (${NETWORK.downloadThroughput * 8 / 1e6} Mbit/s down, ${NETWORK.latency} ms), CPU ÷${CPU_SLOWDOWN}: ` +
    `ms until the main content is visible, median of ${RUNS}`,
);
console.log(
  `${'page'.padEnd(10)}${pad('cold', 8)}${pad('warm', 8)}${pad('static', 8)}${pad('cold/static', 13)}${pad('warm/static', 13)}  path`,
);
for (const row of rows) {
  console.log(
    `${row.name.padEnd(10)}${pad(Math.round(row.cold), 8)}${pad(Math.round(row.warm), 8)}${pad(Math.round(row.plain), 8)}` +
      `${pad((row.cold / row.plain).toFixed(2), 13)}${pad((row.warm / row.plain).toFixed(2), 13)}  ${row.path}`,
  );
}
if (process.env.BENCH_VERBOSE) console.log(JSON.stringify(rows.map(({ name, all }) => ({ name, all }))));
