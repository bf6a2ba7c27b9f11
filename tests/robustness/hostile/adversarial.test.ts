/**
 * Lines built to make a pattern backtrack: each one a run of the characters some pattern in
 * the front end (or the document builder that reads prose) could try again and again. Ten
 * times the input must take about ten times as long; a pattern that backtracks quadratically
 * takes a hundred times as long, which the bound of 25 catches with room for a noisy machine.
 */
import { describe, expect, it } from 'vitest';
import { publishedDocuments } from '../../../src/backends/document/index.js';
import { compile } from '../../../src/compile.js';
import { findIncludes } from '../../../src/syntax/includes.js';
import { PARTNERSHIP } from '../../helpers.js';

/** The test partnership followed by `text`. */
const after = (text: string): string => `${PARTNERSHIP}\n${text}`;
/** The test partnership with one relevant agency, shown in a section. */
const agency = (name: string): string =>
  after(`section s: S\n  {relevant agencies}\n`).replace('  independent scrutineer: scrutineer\n', `  independent scrutineer: scrutineer\n  relevant agencies:\n    - ${name}\n`);

const ADVERSARIAL: Record<string, (n: number) => string> = {
  'an include path with a long run of blanks inside': (n) => after(`include x${' '.repeat(n)}y\n`),
  'many include lines': (n) => after('include a.tor\n'.repeat(n / 14)),
  'a placeholder padded with blanks': (n) => after(`section s: S\n  {${' '.repeat(n / 2)}a${' '.repeat(n / 2)}b}\n`),
  'a run that looks like the start of an email address': (n) => after(`section s: S\n  ${'a.'.repeat(n / 2)}\n`),
  'a web address ending in dots': (n) => after(`section s: S\n  http://${'.'.repeat(n)}a\n`),
  'bold markers never closed': (n) => after(`section s: S\n  ${'**x '.repeat(n / 4)}\n`),
  'footnote markers after a relevant agency': (n) => agency(`Agency${'[1]'.repeat(n / 3)}x`),
  'stars after a relevant agency': (n) => agency(`Agency${'*'.repeat(n)}x`),
  'a deadline sentence that never ends': (n) => after(`group g: G\n  support from T:\n    - ${'at least 3 working '.repeat(n / 19)}\n`),
  'a header of colons': (n) => after(`group g: G\n  purpose${': '.repeat(n / 2)}\n`),
  'one enormous word': (n) => after(`group g: ${'a'.repeat(n)}\n`),
  'digits that almost make a date': (n) => after(`group g: G\n  meetings start ${'2025-01-0'.repeat(n / 9)}\n`),
  'brackets that never close': (n) => after(`group g: G\n  quorate when ${'( '.repeat(n / 2)}\n`),
};

/** The fastest of three runs of everything the front end does with a file, in milliseconds. */
function timeOf(text: string): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    findIncludes({ path: 'x.tor', text });
    const result = compile([{ path: 'x.tor', text }], { validate: false });
    if (result.model) publishedDocuments(result.model);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('adversarial input takes time linear in its size', () => {
  it.each(Object.entries(ADVERSARIAL))('%s', (_name, make) => {
    timeOf(make(20_000));
    const small = timeOf(make(20_000));
    const large = timeOf(make(200_000));
    // Below a few milliseconds the ratio is noise; the bound still catches 100×.
    expect(large / Math.max(small, 5)).toBeLessThan(25);
  });
});
