import { describe, expect, it } from 'vitest';
import { brief, compileText, errors, PARTNERSHIP, withPartnership } from '../helpers.js';

/** Each row: a group body with one mistake, and the exact diagnostic (line:col code message) it must give. */
const MISTAKES: ReadonlyArray<[string, string, string]> = [
  ['misspelt frequency', 'meets quartely', '2:9 syntax/unexpected `quartely` is not a meeting frequency — did you mean `quarterly`?'],
  ['misspelt statement', 'chaird by dcs', '2:3 syntax/unknown-statement `chaird by` is not something tor understands in a group — did you mean `chaired by`?'],
  ['misspelt prose header', 'purpse:\n  To lead.', '2:3 syntax/unknown-statement `purpse` is not something tor understands in a group — did you mean `purpose`?'],
  ['singular after a number', 'meets every 2 month', '2:17 syntax/plural `every 2 month` needs the plural — did you mean `every 2 months`?'],
  ['impossible date', 'meetings start 31 February 2025', '2:18 syntax/bad-date February 2025 has 28 days, so day 31 is not a date.'],
  ['date with slashes', 'meetings start 31/02/2025', '2:18 syntax/bad-date `31/02/2025` is not a date: February 2025 has 28 days.'],
  ['empty member list', 'members:\nmeets monthly', '2:3 syntax/empty-block `members:` opens a block, but nothing is indented under it.'],
  ['missing colon', 'kind executive', '2:8 syntax/missing-colon A `:` is missing before `executive`.'],
  ['unknown kind', 'kind: executiv', '2:9 syntax/unknown-value `executiv` is not a kind of group — did you mean `executive`?'],
  ['misspelt deputies rule', 'deputies:\n  - only by exeption', '3:7 syntax/unexpected `only` is not a rule for deputies — did you mean `only by exception`?'],
  ['unknown member', 'members:\n  - dsc', '3:7 resolve/unknown-name `dsc` is not a post, a unit or an organisation declared in this project — did you mean `dcs`?'],
  ['member listed twice', 'members:\n  - dcs\n  - dcs', '4:5 resolve/duplicate-member `dcs` is already listed as a member (line 3).'],
  ['unknown group in chairs of', 'members:\n  - the chairs of boadr', '3:21 resolve/unknown-name `boadr` is not a group declared in this project — did you mean `board`?'],
  ['quorum naming an unknown post', 'quorate when dcs and nures are present', '2:24 resolve/unknown-name `nures` is not a post, a unit or an organisation declared in this project — did you mean `nurse`?'],
  ['incomplete quorum', 'quorate when', '2:15 syntax/incomplete This line stops too soon: it needs a quorum.'],
  ['stray words after a statement', 'meets quarterly always', '2:19 syntax/unexpected `always` is not expected here: the statement is already complete.'],
  ['two frequencies', 'meets monthly\nmeets quarterly', '3:3 resolve/repeated The group `g` already says how often it meets (line 2).'],
];

describe('author mistakes', () => {
  it.each(MISTAKES)('%s', (_name, body, expected) => {
    // Positions are counted from the `group g` line, which is line 1.
    const before = `${PARTNERSHIP}\ngroup board: Board\n  meets monthly\n\n`;
    const base = before.split('\n').length - 1;
    const result = compileText(`${before}group g: G\n${body.replace(/^/gm, '  ')}\n`, 'test.tor', false);
    const local = (message: string) => message.replace(/\(line (\d+)\)/, (_m, n: string) => `(line ${Number(n) - base})`);
    const found = errors(result).map((d) => local(brief({ ...d, start: { ...d.start, line: d.start.line - base } })));
    expect(found).toEqual([expected]);
  });

  it('reports three mistakes in three groups in one run, each at its place', () => {
    const result = withPartnership(
      ['group a: A', '  meets quartely', '', 'group b: B', '  members:', '    - dsc', '', 'group c: C', '  members:', '  meets monthly', ''].join('\n'),
      false,
    );
    const base = PARTNERSHIP.split('\n').length;
    expect(errors(result).map((d) => `${d.start.line - base}:${d.start.column} ${d.code}`)).toEqual([
      '2:9 syntax/unexpected',
      '6:7 resolve/unknown-name',
      '9:3 syntax/empty-block',
    ]);
  });

  it('never throws, whatever the input', () => {
    for (const text of ['', '\u0000', ':::', '- - -', '  indented', 'group', 'group :', '{}', 'section s:\n  {group}', '\ufeff\r\r\n']) {
      expect(() => compileText(text)).not.toThrow();
    }
  });
});
