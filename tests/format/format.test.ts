import { describe, expect, it } from 'vitest';
import { formatSource } from '../../src/format/format.js';
import { printFile } from '../../src/format/print.js';
import { buildFile } from '../../src/syntax/build.js';
import { EXAMPLES, exampleFiles } from '../helpers.js';

const fmt = (text: string) => formatSource({ path: 't.tor', text });

describe('tor fmt', () => {
  it('lays a file out canonically', () => {
    const messy = [
      '# keep me',
      'Group g:   Executive Group',
      '    Meets   Quarterly',
      '    quorate when  council and  icb   are present',
      '    purpose:',
      '          To lead.',
      '          It’s fine.',
      '',
      '',
      '          - a bullet',
      '             continued',
      '    # and me',
      '    members:',
      '        - the chairs of a,b and c',
    ].join('\n');
    expect(fmt(messy).text).toBe(
      [
        '# keep me',
        'group g: Executive Group',
        '  meets quarterly',
        '  quorate when council and icb are present',
        '  purpose:',
        '    To lead.',
        '    It’s fine.',
        '',
        '    - a bullet',
        '      continued',
        '  # and me',
        '  members:',
        '    - the chairs of a, b and c',
        '',
      ].join('\n'),
    );
  });

  it('is idempotent', () => {
    for (const name of EXAMPLES) {
      for (const file of exampleFiles(name)) {
        const once = formatSource(file).text!;
        expect(formatSource({ path: file.path, text: once }).text, file.path).toBe(once);
      }
    }
  });

  it('leaves the examples as they are: they are written in canonical form', () => {
    for (const name of EXAMPLES) for (const file of exampleFiles(name)) expect(formatSource(file).text, file.path).toBe(file.text);
  });

  it('keeps every comment and every prose line', () => {
    const text = '# a\ngroup g: G\n  # b\n  purpose:\n    # c\n    Words, words.\n  # d\n';
    const out = fmt(text).text!;
    for (const kept of ['# a', '# b', '# c', '# d', 'Words, words.']) expect(out).toContain(kept);
  });

  it('refuses a file that does not parse', () => {
    const result = fmt('group g: G\n  meets quartely\n');
    expect(result.text).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['syntax/unexpected']);
  });

  it('keeps blank lines between statements where the author had them, one at most', () => {
    expect(fmt('group g: G\n  meets monthly\n\n\n\n  kind: board\n').text).toBe('group g: G\n  meets monthly\n\n  kind: board\n');
  });
});

describe('round trip', () => {
  /** The tree without positions: what the source says, not where. */
  const shape = (text: string, path: string): string =>
    JSON.stringify(buildFile(path, text).ast.declarations, (key, value: unknown) => (key === 'span' ? undefined : value));

  it('reads back from the formatted text exactly the tree it printed, for every example', () => {
    for (const name of EXAMPLES) {
      for (const file of exampleFiles(name)) {
        const printed = printFile(buildFile(file.path, file.text).ast, file.text);
        expect(shape(printed, file.path), file.path).toBe(shape(file.text, file.path));
      }
    }
  });
});
