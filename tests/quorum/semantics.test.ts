import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { isQuorate, required } from '../../src/quorum/evaluate.js';
import { compileIR } from '../../src/quorum/ir.js';
import { EXAMPLES, exampleFiles, modelOf, PARTNERSHIP } from '../helpers.js';
import * as reference from './reference.js';
import { synthetic } from './support.js';

/** The rules of docs/quorum.md, one by one. */

const DSPS = 'group g: G\n  members:\n    - dcs\n    - nurse\n    - superintendent\n';

describe('shares of the members (docs/quorum.md, the rounding table)', () => {
  // members: 1 … 10
  const table: Array<[string, number, number, 'up' | 'down' | undefined, boolean, number[]]> = [
    ['half', 1, 2, undefined, false, [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]],
    ['half, rounded down', 1, 2, 'down', false, [1, 1, 1, 2, 2, 3, 3, 4, 4, 5]],
    ['a majority', 1, 2, undefined, true, [1, 2, 2, 3, 3, 4, 4, 5, 5, 6]],
    ['a third', 1, 3, undefined, false, [1, 1, 1, 2, 2, 2, 3, 3, 3, 4]],
    ['two thirds', 2, 3, undefined, false, [1, 2, 2, 3, 4, 4, 5, 6, 6, 7]],
    ['two thirds, rounded down', 2, 3, 'down', false, [1, 1, 2, 2, 3, 4, 4, 5, 6, 6]],
    ['three quarters', 3, 4, undefined, false, [1, 2, 3, 3, 4, 5, 6, 6, 7, 8]],
  ];
  for (const [name, n, d, rounding, majority, expected] of table) {
    it(name, () => {
      expect(Array.from({ length: 10 }, (_, k) => required(n, d, k + 1, rounding, majority))).toEqual(expected);
    });
  }

  it('matches the table in docs/quorum.md', () => {
    const doc = readFileSync('docs/quorum.md', 'utf8');
    const rows = [...doc.matchAll(/^\| (\d+) \|((?: \d+ \|){7})$/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(12);
    const columns: Array<[number, number, 'up' | 'down' | undefined, boolean]> = [
      [1, 2, undefined, false],
      [1, 2, 'down', false],
      [1, 2, undefined, true],
      [1, 3, undefined, false],
      [2, 3, undefined, false],
      [2, 3, 'down', false],
      [3, 4, undefined, false],
    ];
    for (const [, size, cells] of rows) {
      const written = cells!.split('|').map((c) => c.trim()).filter(Boolean).map(Number);
      expect(written, `${size} members`).toEqual(columns.map(([n, d, r, m]) => required(n, d, Number(size), r, m)));
    }
  });

  it('a majority ignores "rounded down": it is always more than half', () => {
    expect(required(1, 2, 24, 'down', true)).toBe(13);
    expect(required(1, 2, 23, 'down', true)).toBe(12);
  });

  it('is exact for large groups (no floating-point drift)', () => {
    expect(required(2, 3, 300, undefined, false)).toBe(200);
    expect(required(3, 4, 1000, 'down', false)).toBe(750);
  });

  it('two thirds of 7 members needs 5 (4.67 rounded up), or 4 rounded down', () => {
    const seven = 'group g: G\n  members:\n    - dcs\n    - nurse\n    - superintendent\n    - council-ceo\n    - icb-ceo\n    - chief-constable\n    - scrutineer\n';
    const up = synthetic(`${seven}  quorate when two thirds of the members are present\n`);
    expect(up.quorate(up.members.slice(0, 5))).toBe(true);
    expect(up.quorate(up.members.slice(0, 4))).toBe(false);
    expect(up.explain(up.members.slice(0, 4)).clauses[0]!.detail).toBe('4 present (dcs, nurse, superintendent and council-ceo); 5 needed (two thirds of 7 is 4.67, rounded up (the default))');
    const down = synthetic(`${seven}  quorate when two thirds of the members, rounded down, are present\n`);
    expect(down.quorate(down.members.slice(0, 4))).toBe(true);
    expect(down.quorate(down.members.slice(0, 3))).toBe(false);
  });
});

describe('who counts', () => {
  it('counts a person in two seats once, and being there fills both', () => {
    const q = synthetic('post deputy: Deputy Director\n  held by Ada Lovelace\n\ngroup g: G\n  members:\n    - dcs\n    - deputy\n    - nurse\n  quorate when at least 2 members and deputy are present\n');
    expect(q.cq.size).toBe(2);
    expect(q.cq.seatsOf[0]).toEqual(['dcs', 'deputy']);
    expect(q.quorate(['dcs', 'deputy'])).toBe(false); // one person
    expect(q.quorate(['dcs', 'nurse'])).toBe(true); // Ada Lovelace fills the deputy seat too
  });

  it('takes shares of people, not seats', () => {
    const q = synthetic('post deputy: Deputy Director\n  held by Ada Lovelace\n\ngroup g: G\n  members:\n    - dcs\n    - deputy\n    - nurse\n    - superintendent\n  quorate when a majority of the members are present\n');
    expect(q.cq.ir.root).toMatchObject({ kind: 'atLeast', count: 2, fraction: { of: 3 } });
  });

  it('never counts observers, nor their deputies', () => {
    const q = synthetic(`group g: G\n  members:\n    - dcs\n    - nurse\n  observers:\n    - superintendent\n  quorate when 2 members are present\n`);
    expect(q.cq.ir.observers).toEqual(['superintendent']);
    expect(q.quorate(['dcs', 'superintendent'])).toBe(false);
    const e = q.explain(['dcs', 'superintendent'], [{ for: 'superintendent', name: 'X' }]);
    expect(e.observers).toEqual(['superintendent']);
    expect(e.deputies[0]).toMatchObject({ counts: false, reason: 'superintendent is an observer; observers and their deputies never count' });
    expect(e.summary).toBe('would be quorate if nurse also attended');
  });

  it('counts deputies when the group has no deputy rules', () => {
    const q = synthetic(`${DSPS}  quorate when all members are present\n`);
    expect(q.cq.ir.deputies).toBe('always');
    expect(q.quorate(['dcs', 'nurse'], [{ for: 'superintendent', name: 'Sam' }])).toBe(true);
  });

  it('counts a deputy who also holds a seat only once', () => {
    const q = synthetic(`${DSPS}  quorate when all members are present\n`);
    // Ada Lovelace holds the dcs post: she cannot also fill the nurse's place.
    expect(q.quorate(['dcs', 'superintendent'], [{ for: 'nurse', name: 'Ada Lovelace' }])).toBe(false);
  });
});

describe('the shapes of quorum', () => {
  it('separate organisations: units count for their organisation', () => {
    const q = synthetic('group g: G\n  members:\n    - dcs\n    - education\n    - council-ceo\n    - nurse\n    - scrutineer\n  quorate when representatives of 2 separate organisations are present\n');
    expect(q.quorate(['dcs', 'education', 'council-ceo'])).toBe(false);
    expect(q.quorate(['dcs', 'scrutineer'])).toBe(false); // the scrutineer belongs to no organisation
    expect(q.quorate(['education', 'nurse'])).toBe(true);
    expect(q.explain(['dcs', 'education']).clauses[0]).toMatchObject({ detail: '1 (council) represented; 2 needed', needs: 'members from 1 more organisation (of icb)' });
  });

  it('sectors: organisations of the same kind are one sector', () => {
    const q = synthetic(
      'organisation council2: Second Council\n  kind: local authority\n  post dcs2: DCS\n\ngroup g: G\n  members:\n    - dcs\n    - dcs2\n    - nurse\n  quorate when representatives of 2 sectors are present\n',
    );
    expect(q.quorate(['dcs', 'dcs2'])).toBe(false);
    expect(q.quorate(['dcs2', 'nurse'])).toBe(true);
  });

  it('N of a role set counts holders however they were listed', () => {
    const q = synthetic(`group g: G\n  members:\n    - the delegated safeguarding partners\n    - scrutineer\n  quorate when 2 of the delegated safeguarding partners are present\n`);
    expect(q.quorate(['dcs', 'scrutineer'])).toBe(false);
    expect(q.quorate(['dcs', 'nurse'])).toBe(true);
  });

  it('N of the safeguarding partners counts organisations', () => {
    const q = synthetic('group g: G\n  members:\n    - dcs\n    - council-ceo\n    - nurse\n    - superintendent\n  quorate when 2 of the safeguarding partners are present\n');
    expect(q.quorate(['dcs', 'council-ceo'])).toBe(false);
    expect(q.quorate(['dcs', 'superintendent'])).toBe(true);
  });

  it('or and brackets', () => {
    const q = synthetic(`${DSPS}  quorate when (dcs or nurse) and superintendent are present\n`);
    expect(q.quorate(['superintendent'])).toBe(false);
    expect(q.quorate(['nurse', 'superintendent'])).toBe(true);
    expect(q.quorate(['dcs', 'nurse'])).toBe(false);
    const e = q.explain(['superintendent']);
    expect(e.clauses[0]).toMatchObject({ kind: 'or', passed: false, needs: 'dcs or nurse' });
    expect(e.summary).toBe('would be quorate if dcs or nurse also attended');
  });

  it('a representative of an organisation, and an organisation named as present', () => {
    const q = synthetic('group g: G\n  members:\n    - council-ceo\n    - dcs\n    - nurse\n  quorate when a representative of council and icb are present\n');
    expect(q.quorate(['dcs', 'nurse'])).toBe(true);
    expect(q.quorate(['council-ceo', 'dcs'])).toBe(false);
  });

  it('one from each of a list of organisations and units', () => {
    const q = synthetic('group g: G\n  members:\n    - dcs\n    - education\n    - nurse\n  quorate when one member from each of council, education and icb are present\n');
    // The unit counts for its organisation too, so `education` alone covers council and education.
    expect(q.quorate(['education', 'nurse'])).toBe(true);
    expect(q.quorate(['dcs', 'nurse'])).toBe(false);
    expect(q.explain(['dcs', 'nurse']).clauses[0]!.needs).toBe('a member from education (education)');
  });

  it('the chair of a group chaired in rotation can never be checked', () => {
    const q = synthetic(`group g: G\n  chaired in yearly rotation by police, council and icb\n  members:\n    - dcs\n    - nurse\n    - superintendent\n  quorate when the chair and 2 members are present\n`);
    expect(q.quorate(q.members)).toBe(false);
    const e = q.explain(q.members);
    expect(e.reachable).toBe(false);
    expect(e.clauses[0]).toMatchObject({ kind: 'never', passed: false, detail: 'the chair rotates between police, council, icb, so who must attend is not known in advance' });
    expect(e.summary).toMatch(/^cannot be quorate even if every member attended: the chair \(the chair rotates/);
  });

  it('a named person who is not a member can never be present', () => {
    const q = synthetic(`${DSPS}  quorate when the independent scrutineer and 2 members are present\n`);
    expect(q.cq.ir.root).toMatchObject({ kind: 'and', clauses: [{ kind: 'never', reason: '`scrutineer` is not a member of this group' }, { kind: 'atLeast' }] });
    expect(q.quorate(q.members)).toBe(false);
  });
});

describe('the intermediate form', () => {
  it('resolves the IOW Executive to seat sets with their source', () => {
    const model = modelOf(compile(exampleFiles('isle-of-wight'), { validate: false }));
    const group = model.groups.find((g) => g.id === 'executive')!;
    const ir = compileIR(group, model)!;
    expect(ir.root).toMatchObject({
      kind: 'and',
      clauses: [
        {
          kind: 'every',
          groups: [
            { label: 'council', seats: ['dcs'] },
            { label: 'icb', seats: ['icb-safeguarding-director'] },
            { label: 'police', seats: ['head-of-crime', 'area-commander'] },
          ],
          source: { text: 'one member from each of the safeguarding partners' },
        },
        { kind: 'all', of: ['independent-scrutineer'], source: { text: 'the independent scrutineer' } },
      ],
    });
    const span = (ir.root as { source: { span: { file: string; start: { line: number } } } }).source.span;
    expect(span.file).toBe('examples/isle-of-wight/executive.tor');
    expect(span.start.line).toBe(115);
  });

  it('resolves a share to its count', () => {
    const model = modelOf(compile(exampleFiles('isle-of-wight'), { validate: false }));
    const ir = compileIR(model.groups.find((g) => g.id === 'board')!, model)!;
    expect(ir.root.kind === 'and' && ir.root.clauses[0]).toMatchObject({ kind: 'atLeast', count: 12, distinct: 'persons', fraction: { name: 'half', of: 24 } });
  });
});

describe('agrees with the earlier evaluator (the validator rules depend on it)', () => {
  const QUORUMS = [
    'all members',
    'at least 3 members',
    'a majority of the members',
    'two thirds of the members, rounded down',
    'representatives of 3 separate organisations',
    'representatives of 2 sectors',
    '2 of the delegated safeguarding partners',
    '2 of the safeguarding partners',
    'one member from each of the safeguarding partners and the independent scrutineer',
    'half of the members, including the partnership chair and one member from each of the safeguarding partners',
    '(dcs or the partnership chair) and 2 of the lead safeguarding partners',
    'the lead safeguarding partners or 4 members',
    'a representative of icb and education',
  ];
  const members = 'group g: G\n  chaired by the partnership chair\n  members:\n    - the lead safeguarding partners\n    - nurse\n    - superintendent\n    - education\n    - scrutineer\n  observers:\n    - chief-constable\n';

  function random(seed: number): () => number {
    let s = seed;
    return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) % 10_000) / 10_000;
  }

  const models = [
    ...EXAMPLES.map((name) => modelOf(compile(exampleFiles(name), { validate: false }))),
    ...QUORUMS.map((q) => modelOf(compile([{ path: 'test.tor', text: `${PARTNERSHIP}\n${members}  quorate when ${q} are present\n` }], { validate: false }))),
  ];
  for (const model of models) {
    for (const group of model.groups.filter((g) => g.quorum)) {
      it(`${model.partnership.id} ${group.id}: ${group.quorum!.expr.kind}`, () => {
        const next = random(7);
        const seats = group.seats.map((s) => s.id);
        const scope = { group, model };
        for (let i = 0; i < 500; i++) {
          const p = next();
          const present = new Set(seats.filter(() => next() < p));
          const ours = isQuorate(group.quorum!.expr, { present }, scope);
          expect(ours, [...present].join(',')).toBe(reference.isQuorate(group.quorum!.expr, { present }, scope));
        }
      });
    }
  }
});
