import { describe, expect, it } from 'vitest';
import { breakLines, type InlineStyles, type Measure, runsOf, safeHref, type Style } from '../../../src/backends/pdf/text.js';

/** Line breaking with a monospaced measure: every character 1 pt wide at size 1. */
const measure: Measure = (text, style) => text.length * style.size;
const style = (font: Style['font'] = 'regular'): Style => ({ font, size: 1, color: '#000', rise: 0, underline: false });
const styles: InlineStyles = { base: style(), strong: style('bold'), link: { ...style(), underline: true }, footnote: style(), footnotes: new Set(['1']) };
const textOf = (lines: ReturnType<typeof breakLines>): string[] => lines.map((l) => l.runs.map((r) => r.text).join(''));

describe('breakLines', () => {
  it('fills lines greedily and breaks only at spaces, keeping the space in the text', () => {
    const lines = breakLines(runsOf([{ kind: 'text', text: 'the quick brown fox jumps over the lazy dog' }], styles), 15, measure);
    expect(textOf(lines)).toEqual(['the quick brown ', 'fox jumps over ', 'the lazy dog']);
    for (const line of lines) expect(measure(line.runs.map((r) => r.text).join('').trimEnd(), style())).toBeLessThanOrEqual(15);
  });

  it('keeps a word made of several styles together, and merges runs of one style', () => {
    const content = runsOf([{ kind: 'text', text: 'see ' }, { kind: 'strong', text: 'rule' }, { kind: 'text', text: 's, then more' }], styles);
    const lines = breakLines(content, 8, measure);
    expect(textOf(lines)).toEqual(['see ', 'rules, ', 'then ', 'more']);
    expect(lines[1]!.runs.map((r) => [r.text, r.style.font, r.x])).toEqual([['rule', 'bold', 0], ['s, ', 'regular', 4]]);
  });

  it('splits a word longer than the line between characters', () => {
    expect(textOf(breakLines(runsOf([{ kind: 'text', text: 'a https://example.org/long/path b' }], styles), 10, measure))).toEqual(['a ', 'https://ex', 'ample.org/', 'long/path ', 'b']);
  });

  it('links a footnote reference to its note only when the note exists', () => {
    const [withNote, without] = [runsOf([{ kind: 'footnote-ref', marker: '1' }], styles), runsOf([{ kind: 'footnote-ref', marker: '2' }], styles)];
    expect(withNote[0]!.link).toEqual({ kind: 'dest', name: 'note-1', label: 'Note 1' });
    expect(without[0]!.link).toBeUndefined();
  });
});

describe('safeHref', () => {
  it('allows http, https and mailto only', () => {
    expect(safeHref('https://example.org')).toBe('https://example.org');
    expect(safeHref('mailto:a@example.org')).toBe('mailto:a@example.org');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('executive.html')).toBeUndefined();
    expect(safeHref('file:///etc/passwd')).toBeUndefined();
  });
});
