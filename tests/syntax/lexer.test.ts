import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IToken } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { sortDiagnostics } from '../../src/diagnostics/diagnostic.js';
import { declarationPieces, lex, lexLines, type LexResult, splitLines } from '../../src/syntax/lexer.js';
import { ALL_MUTATORS } from '../robustness/mutators.js';
import { Random } from '../robustness/random.js';

const kinds = (text: string) =>
  lex(text, 't.tor').tokens.map((t) => (t.tokenType.name === 'ProseLine' ? `P(${t.image})` : t.tokenType.name));

describe('layout', () => {
  it('turns indentation into Indent and Dedent around a block', () => {
    expect(kinds('group a: A\n  meets quarterly\npost b: B\n')).toEqual([
      "'group'", 'Word', 'Colon', 'FreeText', 'Newline',
      'Indent', "'meets'", "'quarterly'", 'Newline', 'Dedent',
      "'post'", 'Word', 'Colon', 'FreeText', 'Newline',
    ]);
  });

  it('keeps the free text that ends a header or field as one token, as written', () => {
    const t = lex('group a: The Group of the Year: 2025 (draft)\n', 't.tor').tokens.find((x) => x.tokenType.name === 'FreeText')!;
    expect([t.image, t.startColumn]).toEqual(['The Group of the Year: 2025 (draft)', 10]);
    expect(kinds('partnership p: P\n  partnership chair: dcs\n')).toContain("'partnership chair'");
  });

  it('keeps each line of a prose block whole, whatever it contains', () => {
    const tokens = kinds("group a: A\n  purpose:\n    It's (fine): 3 & more — \"quoted\"\n    - a bullet\n  meets monthly\n");
    expect(tokens).toContain(`P(It's (fine): 3 & more — "quoted")`);
    expect(tokens).toContain('P(- a bullet)');
    expect(tokens.slice(-4)).toEqual(["'meets'", "'monthly'", 'Newline', 'Dedent']);
  });

  it('keeps blank lines inside prose, but not at its end', () => {
    const tokens = kinds('section s: S\n  one\n\n  two\n\npost p: P\n');
    expect(tokens.filter((t) => t === 'ProseBlank')).toHaveLength(1);
  });

  it('sets comment lines aside with their line numbers', () => {
    const result = lex('# top\ngroup a: A\n  # inside\n  meets monthly\n', 't.tor');
    expect(result.comments.map((c) => [c.line, c.text])).toEqual([[1, ' top'], [3, ' inside']]);
    expect(result.tokens.some((t) => t.image.includes('#'))).toBe(false);
  });

  it('merges keyword phrases case-insensitively', () => {
    expect(kinds('group a: A\n  Chaired By the Partnership Chair\n')).toContain("'chaired by'");
  });

  it('reads CRLF and lone CR line endings, and skips a byte-order mark', () => {
    const lf = kinds('\ufeffgroup a: A\n  meets monthly\n');
    expect(kinds('group a: A\r\n  meets monthly\r\n')).toEqual(lf);
    expect(kinds('group a: A\r  meets monthly\r')).toEqual(lf);
  });

  it('gives positions in the original text', () => {
    const t = lex('group a: A\r\n  meets monthly\r\n', 't.tor').tokens.find((x) => x.image === 'monthly')!;
    expect([t.startLine, t.startColumn, t.startOffset]).toEqual([2, 9, 20]);
  });

  it('reports tabs in indentation', () => {
    const d = lex('group a: A\n\tmeets monthly\n', 't.tor').diagnostics;
    expect(d.map((x) => [x.code, x.start.line])).toEqual([['syntax/tab-indent', 2]]);
  });

  it('reports a line that lines up with no block', () => {
    const d = lex('group a: A\n    meets monthly\n  meets weekly\n', 't.tor').diagnostics;
    expect(d.map((x) => [x.code, x.start.line])).toEqual([['syntax/indentation', 3]]);
  });
});

describe('declaration pieces', () => {
  const exampleTexts = readdirSync('examples', { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.tor'))
    .map((f) => readFileSync(join('examples', f), 'utf8'));

  /** Every token but the Dedents that close a piece, which stand at its end rather than at the next line. */
  const summary = (tokens: readonly IToken[]) => tokens.filter((t) => t.tokenType.name !== 'Dedent').map((t) => `${t.tokenType.name}@${t.startOffset}:${t.image}`);
  const dedents = (tokens: readonly IToken[]) => tokens.filter((t) => t.tokenType.name === 'Dedent').length;

  function piecewise(text: string): LexResult {
    const lines = splitLines(text);
    const all: LexResult = { tokens: [], comments: [], diagnostics: [] };
    for (const [from, to] of declarationPieces(text, lines)) {
      const piece = lexLines(text, 't.tor', lines, from, to);
      all.tokens.push(...piece.tokens);
      all.comments.push(...piece.comments);
      all.diagnostics.push(...piece.diagnostics);
    }
    return all;
  }

  it('lex alone exactly as the whole file lexes, for every example and 1,000 damaged copies', () => {
    const random = new Random(20261124);
    const texts = [...exampleTexts];
    for (let k = 0; k < 1000; k++) texts.push(random.pick(ALL_MUTATORS).mutate(random.pick(exampleTexts), random));
    let pieces = 0;
    for (const text of texts) {
      const whole = lex(text, 't.tor');
      const parts = piecewise(text);
      pieces += [...declarationPieces(text, splitLines(text))].length;
      expect(summary(parts.tokens)).toEqual(summary(whole.tokens));
      expect(dedents(parts.tokens)).toBe(dedents(whole.tokens));
      expect(parts.comments).toEqual(whole.comments);
      expect(sortDiagnostics(parts.diagnostics)).toEqual(sortDiagnostics(whole.diagnostics));
    }
    expect(pieces).toBeGreaterThan(texts.length * 5);
  });
});
