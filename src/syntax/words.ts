import { createTokenInstance, type IToken, type TokenType } from 'chevrotain';
import { Colon, Comma, IsoDate, LParen, NumberLiteral, RParen, Word } from './tokens.js';

/*
 * Splits the head of a structured line into words. The rules are few enough to read here, and
 * a scanner over the line in place costs a third of a general lexer's time and none of its
 * copies (the corpus benchmark spends more time lexing than parsing):
 *
 * - white space (anything JavaScript's `\s` matches) separates words and is dropped;
 * - `:` `,` `(` `)` are tokens of their own;
 * - any other run of characters is one word: an IsoDate when it is exactly `dddd-dd-dd`, a
 *   NumberLiteral when it is all ASCII digits, otherwise a Word.
 *
 * tests/syntax/words.test.ts checks these rules against the same rules written as a chevrotain
 * lexer, on random lines.
 */

/** Where a line is in its file. */
export interface LineSpan {
  /** The line's number (1-based). */
  number: number;
  /** Offset of the line's first character. */
  start: number;
}

const PUNCTUATION: ReadonlyMap<number, TokenType> = new Map([
  [0x3a, Colon],
  [0x2c, Comma],
  [0x28, LParen],
  [0x29, RParen],
]);

/** Whether a UTF-16 code unit is white space as JavaScript's `\s` defines it. */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function endsWord(c: number): boolean {
  return isSpace(c) || PUNCTUATION.has(c);
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

function wordType(text: string, from: number, to: number): TokenType {
  let digits = from;
  while (digits < to && isDigit(text.charCodeAt(digits))) digits++;
  if (digits === to) return NumberLiteral;
  if (to - from === 10 && digits - from === 4 && isIsoDateShape(text, from)) return IsoDate;
  return Word;
}

/** `dddd-dd-dd`, the first four digits already seen. */
function isIsoDateShape(text: string, at: number): boolean {
  const c = (k: number) => text.charCodeAt(at + k);
  return c(4) === 0x2d && isDigit(c(5)) && isDigit(c(6)) && c(7) === 0x2d && isDigit(c(8)) && isDigit(c(9));
}

/** The words of `text` from `from` to `to` (one line), appended to `out`. */
export function scanWords(text: string, line: LineSpan, from: number, to: number, out: IToken[]): void {
  let k = from;
  while (k < to) {
    const c = text.charCodeAt(k);
    if (isSpace(c)) {
      k++;
      continue;
    }
    const punctuation = PUNCTUATION.get(c);
    let end = k + 1;
    if (punctuation === undefined) while (end < to && !endsWord(text.charCodeAt(end))) end++;
    const type = punctuation ?? wordType(text, k, end);
    const column = k - line.start + 1;
    out.push(createTokenInstance(type, text.slice(k, end), k, end - 1, line.number, line.number, column, column + end - k - 1));
    k = end;
  }
}
