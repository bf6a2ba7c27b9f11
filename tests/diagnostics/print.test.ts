import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, Severity } from '../../src/diagnostics/diagnostic.js';
import { framedLines, json, stylish } from '../../src/diagnostics/print.js';
import { compile } from '../../src/index.js';

const FILE = 'kent/board.tor';
const TEXT = ['group board: Board', '  kind: board', '  meets quartely', ''].join('\n');

/** A diagnostic on one line of TEXT, from column `from` up to (not including) column `to`. */
function on(line: number, from: number, to: number, extra: Partial<Diagnostic> = {}): Diagnostic {
  const lineStart = TEXT.split('\n').slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  return {
    code: 'syntax/unexpected',
    severity: 'error',
    message: '`quartely` is not a meeting frequency',
    file: FILE,
    start: { line, column: from, offset: lineStart + from - 1 },
    end: { line, column: to, offset: lineStart + to - 1 },
    ...extra,
  };
}

const sources = new Map([[FILE, TEXT]]);
const plain = (diagnostics: Diagnostic[], text = sources) => stylish(diagnostics, text, { color: false });

describe('stylish', () => {
  it('prints a header, the line before, the line and carets under the span', () => {
    expect(plain([on(3, 9, 17)])).toBe(
      [
        'kent/board.tor:3:9  error  `quartely` is not a meeting frequency  syntax/unexpected',
        '  2 |   kind: board',
        '  3 |   meets quartely',
        '    |         ^^^^^^^^',
        '',
        '1 error in 1 file',
      ].join('\n'),
    );
  });

  it('puts one caret under an empty span and none before line 1', () => {
    const out = plain([on(1, 7, 7)]);
    expect(out).toContain('  1 | group board: Board\n    |       ^\n');
    expect(out).not.toContain('  0 |');
  });

  it('underlines a span over several lines to the end of its first line', () => {
    const d = on(2, 3, 1, { end: { line: 3, column: 1, offset: 30 } });
    expect(plain([d])).toContain('  2 |   kind: board\n    |   ^^^^^^^^^^^\n');
  });

  it('widens the gutter to the longest line number', () => {
    const text = `${'x\n'.repeat(9)}bad\n`;
    const d: Diagnostic = { ...on(1, 1, 4), start: { line: 10, column: 1, offset: 18 }, end: { line: 10, column: 4, offset: 21 } };
    expect(plain([d], new Map([[FILE, text]]))).toContain('   9 | x\n  10 | bad\n     | ^^^\n');
  });

  it('expands tabs so the caret still sits under the span', () => {
    const text = 'group g: G\n\tkind: board\n';
    const d: Diagnostic = { ...on(1, 1, 2), start: { line: 2, column: 1, offset: 11 }, end: { line: 2, column: 2, offset: 12 } };
    const after: Diagnostic = { ...d, start: { line: 2, column: 2, offset: 12 }, end: { line: 2, column: 6, offset: 16 } };
    expect(plain([d], new Map([[FILE, text]]))).toContain('  2 |     kind: board\n    | ^^^^\n');
    expect(plain([after], new Map([[FILE, text]]))).toContain('  2 |     kind: board\n    |     ^^^^\n');
  });

  it('crops a long line around the span and keeps the caret under it', () => {
    const long = `${'a'.repeat(150)} target ${'b'.repeat(150)}`;
    const d: Diagnostic = { ...on(1, 1, 2), start: { line: 1, column: 152, offset: 151 }, end: { line: 1, column: 158, offset: 157 } };
    const out = stylish([d], new Map([[FILE, long]]), { color: false, maxWidth: 60 });
    const [code, carets] = out.split('\n').slice(1, 3);
    expect(code).toMatch(/^ {2}1 \| …a+ target b+…$/);
    expect(code!.length - '  1 | '.length).toBe(60);
    expect(code!.indexOf('target')).toBe(carets!.indexOf('^'));
    expect(carets).toMatch(/\^{6}$/);
  });

  it('shows CRLF sources without the carriage return', () => {
    const text = 'group g: G\r\n  meets quartely\r\n';
    const d: Diagnostic = { ...on(1, 1, 2), start: { line: 2, column: 9, offset: 20 }, end: { line: 2, column: 17, offset: 28 } };
    expect(plain([d], new Map([[FILE, text]]))).not.toContain('\r');
  });

  it('prints the hint as help, indenting its later lines', () => {
    const out = plain([on(3, 9, 17, { hint: 'For example:\n  meets quarterly' })]);
    expect(out).toContain('  help: For example:\n          meets quarterly');
  });

  it('prints the header without a frame when the source is not known', () => {
    const out = plain([{ ...on(3, 9, 17), file: 'elsewhere.tor' }]);
    expect(out.split('\n')[0]).toBe('elsewhere.tor:3:9  error  `quartely` is not a meeting frequency  syntax/unexpected');
    expect(out).not.toContain('|');
  });

  it('groups by file and counts each severity in the summary', () => {
    const of = (severity: Severity, file: string): Diagnostic => ({ ...on(1, 1, 6), severity, file });
    const out = plain([of('error', 'a.tor'), of('warning', 'b.tor'), of('error', 'b.tor'), of('error', 'a.tor')]);
    const headers = out.split('\n').filter((line) => /^\S+:\d+:\d+ {2}/.test(line));
    expect(headers.map((h) => h.split(':')[0])).toEqual(['a.tor', 'a.tor', 'b.tor', 'b.tor']);
    expect(out.split('\n').at(-1)).toBe('3 errors, 1 warning in 2 files');
  });

  it('says info in the summary, and prints nothing for no diagnostics', () => {
    expect(plain([on(3, 9, 17, { severity: 'info' })]).split('\n').at(-1)).toBe('1 info in 1 file');
    expect(plain([])).toBe('');
  });

  it('colours only when asked', () => {
    const ansi = /\u001b\[/;
    expect(plain([on(3, 9, 17)])).not.toMatch(ansi);
    const coloured = stylish([on(3, 9, 17)], sources, { color: true });
    expect(coloured).toMatch(ansi);
    expect(coloured).toContain('\u001b[31merror');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain([on(3, 9, 17)]));
  });
});

describe('json', () => {
  it('is an indented array of the diagnostics with keys in a fixed order', () => {
    // Keys deliberately out of order: the printer must not depend on how a diagnostic was built.
    const d: Diagnostic = {
      hint: 'Write `meets quarterly`.',
      end: { offset: 46, column: 17, line: 3 },
      start: { offset: 38, column: 9, line: 3 },
      file: FILE,
      message: '`quartely` is not a meeting frequency',
      severity: 'error',
      code: 'syntax/unexpected',
    };
    const out = json([d]);
    expect(JSON.parse(out)).toEqual([d]);
    expect(out.startsWith('[\n  {\n    "code": "syntax/unexpected",')).toBe(true);
    const keys = [...out.matchAll(/^\s*"(\w+)":/gm)].map((m) => m[1]);
    expect(keys).toEqual(['code', 'severity', 'message', 'file', 'start', 'line', 'column', 'offset', 'end', 'line', 'column', 'offset', 'hint']);
  });

  it('leaves out a missing hint and prints [] for none', () => {
    expect(JSON.parse(json([on(3, 9, 17)]))[0]).not.toHaveProperty('hint');
    expect(json([])).toBe('[]');
  });
});

describe('citations and editions', () => {
  it('puts the citation last in json, when there is one', () => {
    const out = json([on(3, 9, 17, { code: 'quorum-members-only', hint: 'Fix it.', citation: 'Working Together 2023, chapter 2' })]);
    expect(JSON.parse(out)[0]).toMatchObject({ citation: 'Working Together 2023, chapter 2' });
    expect(out.trimEnd().split('\n').at(-3)).toBe('    "citation": "Working Together 2023, chapter 2"');
  });

  it('ends the stylish summary with the edition the rules were applied for', () => {
    const out = stylish([on(3, 9, 17)], sources, { color: false, checkedAgainst: 'Working Together 2026' });
    expect(out.split('\n').at(-1)).toBe('1 error in 1 file, checked against Working Together 2026');
  });
});

describe('framedLines', () => {
  it('keeps what the code frames show, so the output is the same as from the whole file', () => {
    const path = 'examples/broken/quorum-achievable.tor';
    for (const text of [readFileSync(path, 'utf8'), readFileSync(path, 'utf8').replace(/\n/g, '\r\n')]) {
      const { diagnostics } = compile([{ path, text }]);
      expect(diagnostics.length).toBeGreaterThan(0);
      const kept = framedLines(text, diagnostics);
      expect(stylish(diagnostics, new Map([[path, kept]]), { color: false })).toBe(stylish(diagnostics, new Map([[path, text]]), { color: false }));
      expect(kept.length).toBeLessThan(text.length / 2);
    }
  });
});
