import { describe, expect, it } from 'vitest';
import type * as A from '../../src/syntax/ast.js';
import { buildFile } from '../../src/syntax/build.js';
import { quorum } from '../../src/format/print.js';

function group(body: string): { stmts: A.GroupStmt[]; codes: string[] } {
  const built = buildFile('t.tor', `group g: G\n${body.replace(/^/gm, '  ')}\n`);
  const decl = built.ast.declarations[0];
  return { stmts: decl?.kind === 'group' ? decl.body : [], codes: built.diagnostics.map((d) => d.code) };
}

function one<K extends A.GroupStmt['kind']>(body: string, kind: K): Extract<A.GroupStmt, { kind: K }> {
  const { stmts, codes } = group(body);
  expect(codes).toEqual([]);
  const found = stmts.find((s) => s.kind === kind);
  expect(found, `no ${kind} in ${JSON.stringify(stmts)}`).toBeDefined();
  return found as Extract<A.GroupStmt, { kind: K }>;
}

describe('cadence', () => {
  it.each([
    ['meets quarterly', { kind: 'every', count: 3, unit: 'month' }],
    ['meets monthly', { kind: 'every', count: 1, unit: 'month' }],
    ['meets every 6 weeks', { kind: 'every', count: 6, unit: 'week' }],
    ['meets every two months', { kind: 'every', count: 2, unit: 'month' }],
    ['meets twice a year', { kind: 'every', count: 6, unit: 'month' }],
  ])('%s', (line, expected) => {
    expect(one(line, 'meets').first).toMatchObject(expected);
  });

  it('reads a first year and what follows', () => {
    const m = one('meets every 2 months in the first year, then as required but at least quarterly', 'meets');
    expect(m.first).toMatchObject({ kind: 'every', count: 2, unit: 'month' });
    expect(m.thereafter).toMatchObject({ kind: 'as required', atLeast: { kind: 'every', count: 3, unit: 'month' } });
  });

  it('reads when meetings start', () => {
    expect(one('meetings are arranged a year in advance from September 2019', 'meetings start')).toMatchObject({
      arrangedYearAhead: true,
      date: { year: 2019, month: 9 },
    });
    expect(one('meetings start 2019-09-03', 'meetings start').date).toMatchObject({ year: 2019, month: 9, day: 3 });
  });
});

describe('quorum', () => {
  it.each([
    ['quorate when one member from each of the safeguarding partners and the independent scrutineer are present', 'and'],
    ['quorate when half of the members are present, including the partnership chair, the independent scrutineer and one member from each of the safeguarding partners', 'and'],
    ['quorate when all 3 members are present', 'all'],
    ['quorate when at least 8 members are present', 'count'],
    ['quorate when two thirds of the members, rounded down, are present', 'fraction'],
    ['quorate when representatives of 4 separate organisations are present', 'organisations'],
    ['quorate when representatives of 3 sectors are present', 'sectors'],
    ['quorate when (dcs or the partnership chair) and 3 of the delegated safeguarding partners are present', 'and'],
    ['quorate when one member from each of council, icb and police and the independent scrutineer are present', 'and'],
    ['quorate when a majority of the members or all members are present', 'or'],
  ])('%s', (line, kind) => {
    const q = one(line, 'quorum');
    expect(q.expr.kind).toBe(kind);
    // Printing and reading again gives the same text.
    const again = one(`quorate when ${quorum(q.expr)}`, 'quorum');
    expect(quorum(again.expr)).toBe(quorum(q.expr));
  });

  it('ends a list of organisations at its `and`', () => {
    const q = one('quorate when one member from each of council, icb and police and the independent scrutineer are present', 'quorum');
    expect(q.expr).toMatchObject({
      kind: 'and',
      terms: [
        { kind: 'each of', organisations: [{ id: { name: 'council' } }, { id: { name: 'icb' } }, { id: { name: 'police' } }] },
        { kind: 'present', who: { kind: 'role', role: 'independent scrutineer' } },
      ],
    });
  });

  it('binds `and` tighter than `or`', () => {
    const q = one('quorate when dcs and nurse or scrutineer are present', 'quorum');
    expect(q.expr).toMatchObject({ kind: 'or', terms: [{ kind: 'and' }, { kind: 'present' }] });
  });

  it('keeps the share and its rounding', () => {
    const q = one('quorate when two thirds of the members, rounded up, are present', 'quorum');
    expect(q.expr).toMatchObject({ kind: 'fraction', fraction: { numerator: 2, denominator: 3 }, rounding: 'up' });
  });
});

describe('members, chair and deputies', () => {
  it('reads every kind of member', () => {
    const list = one(
      'members:\n  - the partnership chair\n  - the delegated safeguarding partners\n  - the chairs of a, b and c\n  - the chair of d\n  - a representative of trust\n  - dcs',
      'member list',
    );
    expect(list.items.map((i) => i.kind)).toEqual(['role', 'role', 'chairs', 'chairs', 'representative', 'id']);
    expect(list.items[2]).toMatchObject({ groups: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] });
  });

  it.each([
    ['chaired by the partnership chair', { kind: 'who', who: { kind: 'role', role: 'partnership chair' } }],
    ['chaired by dcs', { kind: 'who', who: { kind: 'id', id: { name: 'dcs' } } }],
    ['chaired by a member nominated by executive', { kind: 'nominated', by: { name: 'executive' } }],
    ['chaired by an independent chair appointed by the safeguarding partners', { kind: 'independent', appointedBy: 'safeguarding partners' }],
  ])('%s', (line, expected) => {
    expect(one(line, 'chair').chair).toMatchObject(expected);
  });

  it('reads a yearly rotation in order', () => {
    expect(one('chaired in yearly rotation by police, council and icb', 'rotation').organisations.map((o) => o.name)).toEqual(['police', 'council', 'icb']);
  });

  it('reads the rules for deputies', () => {
    const d = one(
      'deputies:\n  - must have the same decision-making authority\n  - at most one grade lower\n  - only by exception\n  - count towards the quorum only with full delegated authority',
      'deputies',
    );
    expect(d.rules.map((r) => r.rule)).toEqual(['same authority', 'one grade lower', 'by exception', 'count only with full authority']);
  });

  it('reads a decision rule', () => {
    expect(one('decides by consensus, otherwise by a majority vote of the delegated safeguarding partners', 'decides')).toMatchObject({
      consensus: true,
      majorityOf: { kind: 'role', role: 'delegated safeguarding partners' },
    });
  });
});

describe('prose', () => {
  it('keeps paragraphs, nested bullets, numbered items, footnotes and placeholders', () => {
    const built = buildFile(
      't.tor',
      'section s: S\n  First line\n  second line.\n\n  - one\n    - nested\n    continued\n  - two*\n\n  1. first\n  2. second\n\n  * A note\n\n  {relevant agencies}\n\n  section sub: Sub\n    Inner.\n',
    );
    expect(built.diagnostics).toEqual([]);
    const s = built.ast.declarations[0] as A.SectionDecl;
    expect(s.body.items.map((i) => i.kind)).toEqual(['paragraph', 'list', 'list', 'footnote', 'placeholder', 'section']);
    const bullets = s.body.items[1] as A.ProseList;
    expect(bullets.items[0]!.children?.items[0]!.lines).toEqual(['nested', 'continued']);
    expect((s.body.items[2] as A.ProseList).ordered).toBe(true);
  });
});

describe('dates and review', () => {
  it('reads review schedules', () => {
    expect(one('reviewed annually', 'review').schedule).toEqual({ kind: 'interval', interval: { every: 1, unit: 'year' } });
    const r = one('reviewed in December 2025, then in 2028 and every 3 years', 'review').schedule;
    expect(r).toMatchObject({ kind: 'dates', dates: [{ year: 2025, month: 12 }, { year: 2028 }], thenEvery: { every: 3, unit: 'year' } });
  });
});
