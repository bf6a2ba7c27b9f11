import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { formatSource } from '../../src/format/format.js';
import { spanFailures } from './check.js';

/**
 * Adversarial lines at two sizes, n and 10n characters: the time must grow about tenfold,
 * not a hundredfold. Each size is timed three times and the fastest taken, so a busy
 * machine does not fail the test; the allowance (30× for 10× the input) still catches
 * anything quadratic.
 */
const SMALL = 5_000;

const SHAPES: ReadonlyArray<[string, (n: number) => string]> = [
  ['a prose line of words', (n) => `section s: S\n  ${'word '.repeat(n / 5)}\n`],
  ['a title', (n) => `group g: ${'Title '.repeat(n / 6)}\n`],
  ['a quorum naming one member after another', (n) => `group g: G\n  quorate when ${'ab and '.repeat(n / 7)}cd are present\n`],
  ['a member list on one line', (n) => `group g: G\n  members:\n    - the chairs of ${'ab, '.repeat(n / 4)}cd\n`],
  ['one character', (n) => 'x'.repeat(n)],
  ['colons', (n) => `group g: G\n  ${':'.repeat(n)}\n`],
  ['commas in a quorum', (n) => `group g: G\n  quorate when ${','.repeat(n)}\n`],
  ['unclosed brackets', (n) => `group g: G\n  quorate when ${'('.repeat(n)}\n`],
  ['a comment', (n) => `#${'x'.repeat(n)}\n`],
  ['dashes in prose', (n) => `section s: S\n  ${'- '.repeat(n / 2)}\n`],
  ['statements, one per line', (n) => `group g: G\n${'  meets monthly\n'.repeat(n / 16)}`],
  ['lines of spaces', (n) => `${' '.repeat(79)}\n`.repeat(n / 80)],
  ['no-break spaces', (n) => `group g: G\n  ${'\u00a0'.repeat(n)}\n`],
  ['NUL characters', (n) => '\0'.repeat(n)],
  ['lone carriage returns', (n) => 'group g: G\r  meets monthly\r'.repeat(n / 30)],
];

function fastestMs(text: string): number {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const started = performance.now();
    compile([{ path: 'long.tor', text }]);
    formatSource({ path: 'long.tor', text });
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('time in proportion to the input', () => {
  for (const [name, make] of SHAPES) {
    it(`for ${name}: 10× the characters take at most 30× the time`, () => {
      const small = make(SMALL);
      const large = make(SMALL * 10);
      fastestMs(small); // warm up the JIT on this shape
      const t1 = fastestMs(small);
      const t10 = fastestMs(large);
      // Below a couple of milliseconds the timer's noise is the measurement; compare against a floor.
      expect(t10, `${t1.toFixed(1)} ms for ${small.length} characters, ${t10.toFixed(1)} ms for ${large.length}`).toBeLessThanOrEqual(30 * Math.max(t1, 2));
      expect(spanFailures(compile([{ path: 'long.tor', text: large }]).diagnostics, [{ path: 'long.tor', text: large }])).toEqual([]);
    });
  }
});
