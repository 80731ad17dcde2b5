/** Accessibility checks with axe-core, run inside the page against WCAG 2.1 A and AA. */

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

let axeSource;

/** Runs axe on the page as it is now and returns its violations (all impacts). */
export async function checkA11y(page) {
  axeSource ??= await readFile(AXE_PATH, 'utf8');
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // Evaluated through the DevTools protocol rather than `page.addScriptTag`: an inline
    // <script> is refused by a Content-Security-Policy without 'unsafe-inline' (and logs a
    // console error), while this is not, so the app's real policy stays in force and tested.
    await page.evaluate(axeSource);
  }
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_21_AA,
  );
  return result.violations;
}

/** The violations a test must not accept: impact serious or critical. */
export function blocking(violations) {
  return violations.filter((v) => BLOCKING.has(v.impact));
}

/** One paragraph per violation: rule, impact, help link, and the offending nodes. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 10)
        .map((n) => `    ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${n.failureSummary?.replace(/\n\s*/g, '; ') ?? ''}`)
        .join('\n');
      const more = v.nodes.length > 10 ? `\n    ... and ${v.nodes.length - 10} more nodes` : '';
      return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n\n');
}

/** Fails with a readable list when axe finds a serious or critical violation. */
export async function assertNoSeriousA11yViolations(page) {
  const bad = blocking(await checkA11y(page));
  if (bad.length > 0) {
    throw new Error(
      `${bad.length} serious/critical accessibility violation(s) on ${page.url()}:\n\n${formatViolations(bad)}`,
    );
  }
}
