import { createToken, Lexer } from 'chevrotain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSpace, scanWords } from '../../src/syntax/words.js';
import type { IToken } from 'chevrotain';

/**
 * The word rules of words.ts, written the other way: as a chevrotain lexer. The scanner must
 * split every line exactly as this does.
 */
const Space = createToken({ name: 'Space', pattern: /[^\S\n]+/, group: Lexer.SKIPPED });
const Word = createToken({ name: 'Word', pattern: /[^\s:,()]+/ });
const reference = new Lexer([
  Space,
  createToken({ name: 'IsoDate', pattern: /\d{4}-\d{2}-\d{2}(?![^\s:,()])/ }),
  createToken({ name: 'NumberLiteral', pattern: /\d+/, longer_alt: Word }),
  createToken({ name: 'Colon', pattern: /:/ }),
  createToken({ name: 'Comma', pattern: /,/ }),
  createToken({ name: 'LParen', pattern: /\(/ }),
  createToken({ name: 'RParen', pattern: /\)/ }),
  Word,
]);

const summary = (t: IToken) => [t.tokenType.name, t.image, t.startOffset, t.endOffset, t.startColumn, t.endColumn];

function scanned(line: string, lead = 0): unknown[] {
  const text = ' '.repeat(lead) + line;
  const out: IToken[] = [];
  scanWords(text, { number: 1, start: 0 }, lead, text.length, out);
  return out.map(summary);
}

function expected(line: string, lead = 0): unknown[] {
  const { tokens, errors } = reference.tokenize(line);
  expect(errors).toEqual([]);
  return tokens.map((t) => [t.tokenType.name, t.image, t.startOffset + lead, t.endOffset! + lead, t.startColumn! + lead, t.endColumn! + lead]);
}

describe('scanWords', () => {
  it('splits a line into words, punctuation, numbers and dates', () => {
    expect(scanned('meets 2 (a,b): 2025-03-01 2025-03-011 12x').map((t) => (t as string[]).slice(0, 2))).toEqual([
      ['Word', 'meets'], ['NumberLiteral', '2'], ['LParen', '('], ['Word', 'a'], ['Comma', ','], ['Word', 'b'], ['RParen', ')'],
      ['Colon', ':'], ['IsoDate', '2025-03-01'], ['Word', '2025-03-011'], ['Word', '12x'],
    ]);
  });

  it('agrees with a JavaScript \\s on every UTF-16 code unit', () => {
    const disagreeing: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) disagreeing.push(`U+${c.toString(16)}`);
    expect(disagreeing).toEqual([]);
  });

  it('splits random lines exactly as the same rules written as a chevrotain lexer do', () => {
    const pieces = ['a', 'Quorate', '-', '1', '2025', '-03', '-01', '12', ':', ',', '(', ')', ' ', '\t', '\u00a0', '\u2003', '\u3000', '’', 'é', '\ud83d\ude00', '\ud800', '*', '[1]', '.'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.nat(6), (parts, lead) => {
        const line = parts.join('');
        expect(scanned(line, lead)).toEqual(expected(line, lead));
      }),
      { numRuns: 2000 },
    );
  });
});
