import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenize, type Token, type TokenKind } from '../../playground/src/tokenizer.js';
import { ROOT } from '../backends/html/html.js';

/** Each line's tokens as `kind:text`, for readable expectations. */
function words(text: string): string[][] {
  const lines = text.split('\n');
  return tokenize(text).map((tokens, i) => tokens.map((t) => `${t.kind}:${lines[i]!.slice(t.from, t.to)}`));
}

function kindsOf(text: string, kind: TokenKind): string[] {
  const lines = text.split('\n');
  return tokenize(text).flatMap((tokens, i) => tokens.filter((t) => t.kind === kind).map((t) => lines[i]!.slice(t.from, t.to)));
}

describe('the .tor highlighter tokenizer', () => {
  it('marks a declaration: keyword, the id it introduces, the colon and the title', () => {
    expect(words('group executive: Executive Group')).toEqual([['keyword:group', 'definition:executive', 'punctuation::', 'string:Executive Group']]);
    expect(words('organization icb: NHS ICB')[0]![0]).toBe('keyword:organization');
  });

  it('merges keyword phrases as the compiler does, longest first, and keeps ids as names', () => {
    const text = 'group g: G\n  chaired by the partnership chair\n  quorate when one member from each of the safeguarding partners are present';
    expect(words(text)[1]).toEqual(['keyword:chaired by', 'keyword:the', 'keyword:partnership chair']);
    expect(kindsOf(text, 'keyword')).toContain('quorate when');
    expect(kindsOf(text, 'keyword')).toContain('safeguarding partners');
    expect(kindsOf('group g: G\n  quorate when 3 of the members are present', 'number')).toEqual(['3']);
  });

  it('reads `partnership chair:` as a field, not a declaration of a partnership named chair', () => {
    const line = words('partnership p: P\n  partnership chair: dcs')[1]!;
    expect(line[0]).toBe('keyword:partnership chair');
    expect(line).not.toContain('definition:chair');
  });

  it('treats lines under a header ending in `:` as prose until the indentation comes back', () => {
    const text = ['group g: G', '  purpose:', '    To meet: and decide (quickly).', '', '    - held by nobody', '  meets quarterly'].join('\n');
    const lines = words(text);
    expect(lines[1]).toEqual(['keyword:purpose', 'punctuation::']);
    expect(lines[2]).toEqual(['prose:To meet: and decide (quickly).']);
    expect(lines[3]).toEqual([]);
    expect(lines[4]).toEqual(['punctuation:-', 'prose:held by nobody']);
    expect(lines[5]).toEqual(['keyword:meets', 'keyword:quarterly']);
  });

  it('keeps member lists structured: ids are names, not prose', () => {
    const lines = words('group g: G\n  members:\n    - dcs\n    - the independent scrutineer');
    expect(lines[2]).toEqual(['punctuation:-', 'name:dcs']);
    expect(lines[3]).toEqual(['punctuation:-', 'keyword:the', 'keyword:independent scrutineer']);
  });

  it('reads a section body as prose, with `section <id>:` sub-sections structured', () => {
    const lines = words('section intro: Introduction\n  Section 11: this stays prose.\n  section more: More\n    Text.');
    expect(lines[0]!.slice(0, 2)).toEqual(['keyword:section', 'definition:intro']);
    expect(lines[1]).toEqual(['prose:Section 11: this stays prose.']);
    expect(lines[2]!.slice(0, 2)).toEqual(['keyword:section', 'definition:more']);
    expect(lines[3]).toEqual(['prose:Text.']);
  });

  it('colours comments, dates, months and the free text after `held by`', () => {
    const lines = words('post dcs: Director\n  # who holds it\n  held by Ada Lovelace\nmeetings start 2024-04-01 or September');
    expect(lines[1]).toEqual(['comment:# who holds it']);
    expect(lines[2]).toEqual(['keyword:held by', 'string:Ada Lovelace']);
    expect(kindsOf('group g: G\n  meetings start September 2024', 'atom')).toEqual(['September']);
    expect(kindsOf('group g: G\n  reviewed 2024-04-01', 'number')).toEqual(['2024-04-01']);
  });

  it('covers every non-blank character of the examples with tokens that do not overlap', () => {
    for (const example of ['isle-of-wight', 'gloucestershire', 'kent']) {
      const dir = join(ROOT, 'examples', example);
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.tor'))) {
        const text = readFileSync(join(dir, file), 'utf8');
        const lines = text.split(/\r?\n/);
        tokenize(text).forEach((tokens: Token[], i) => {
          const line = lines[i]!;
          let end = 0;
          for (const t of tokens) {
            expect(t.from, `${file}:${i + 1}`).toBeGreaterThanOrEqual(end);
            expect(t.to).toBeGreaterThan(t.from);
            end = t.to;
          }
          const uncovered = [...line].filter((c, k) => /\S/.test(c) && !tokens.some((t) => t.from <= k && k < t.to));
          expect(uncovered.join(''), `${example}/${file}:${i + 1}: ${line}`).toBe('');
        });
      }
    }
  });
});
