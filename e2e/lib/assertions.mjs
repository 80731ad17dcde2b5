/** Assertions whose failure message says what a person would need to see. */

import assert from 'node:assert/strict';

/** Whitespace collapsed and trimmed, as a reader sees the text. */
export const squash = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * Asserts two lists of texts are equal, item by item and in order; on failure the message
 * lists the lengths and every position that differs (node's own diff elides long arrays).
 */
export function assertSameTexts(actual, expected, what) {
  const n = Math.max(actual.length, expected.length);
  const diffs = [];
  for (let i = 0; i < n; i += 1) {
    if (actual[i] !== expected[i]) diffs.push(`  #${i + 1}: expected ${JSON.stringify(expected[i])}, got ${JSON.stringify(actual[i])}`);
  }
  if (diffs.length === 0) return;
  const shown = diffs.slice(0, 20).join('\n') + (diffs.length > 20 ? `\n  ... and ${diffs.length - 20} more` : '');
  assert.fail(`${what}: expected ${expected.length} items, got ${actual.length}; ${diffs.length} position(s) differ:\n${shown}`);
}

/**
 * Waits until the document's title is `expected` (a string, or a RegExp it matches): the
 * title follows the marketplace's settings, which may arrive after the first heading on a
 * loaded machine. Fails with the title seen when it never comes.
 */
export async function waitForTitle(page, expected, what = 'document title') {
  const isRegExp = expected instanceof RegExp;
  const wanted = isRegExp ? { source: expected.source, flags: expected.flags } : expected;
  try {
    await page.waitForFunction(
      ({ wanted, isRegExp }) =>
        isRegExp ? new RegExp(wanted.source, wanted.flags).test(document.title) : document.title === wanted,
      { wanted, isRegExp },
      { timeout: 10_000 },
    );
  } catch {
    assert.fail(`${what}: expected ${expected}, the page says ${JSON.stringify(await page.title())}`);
  }
}
