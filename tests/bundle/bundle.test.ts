import { describe, expect, it } from 'vitest';
import { bundleJson, toBundle, type BundleGroup } from '../../src/bundle/bundle.js';
import { stableStringify } from '../../src/bundle/stable-json.js';
import { compile } from '../../src/compile.js';
import { EXAMPLES, exampleFiles, modelOf, withPartnership } from '../helpers.js';

const OPTIONS = { compilerVersion: '0.1.0', sourceHash: `sha256:${'0'.repeat(64)}`, edition: undefined };

function exampleGroup(example: string, id: string): BundleGroup {
  const result = compile(exampleFiles(example));
  return toBundle(modelOf(result), { ...OPTIONS, edition: result.edition }).groups.find((g) => g.id === id)!;
}

describe('determinism', () => {
  it.each(EXAMPLES)('two bundles of %s from the same sources are byte-identical', (name) => {
    const a = bundleJson(modelOf(compile(exampleFiles(name))), OPTIONS);
    const b = bundleJson(modelOf(compile(exampleFiles(name))), OPTIONS);
    expect(a).toBe(b);
    expect(a.endsWith('}\n')).toBe(true);
  });

  it('sorts keys at every level, whatever order they were built in', () => {
    expect(stableStringify({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null }, u: undefined })).toBe(
      stableStringify({ a: { c: null, d: [{ y: 2, z: 1 }] }, b: 1 }),
    );
    expect(stableStringify({ b: 1, a: 2 })).toBe('{"a": 2, "b": 1}\n');
  });

  it.each(EXAMPLES)('writes %s as the same JSON value, every key sorted', (name) => {
    const bundle = toBundle(modelOf(compile(exampleFiles(name))), OPTIONS);
    const sorted = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(sorted) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])])) : v;
    // JSON.parse keeps the keys in the order written.
    expect(JSON.stringify(JSON.parse(stableStringify(bundle)))).toBe(JSON.stringify(sorted(bundle)));
  });

  it('keeps short arrays and objects on one line, like JSON.stringify otherwise', () => {
    expect(stableStringify({ rule: { in: ['dcs', { var: 'present' }] }, list: [] })).toBe('{"list": [], "rule": {"in": ["dcs", {"var": "present"}]}}\n');
    const strings = ['plain', 'quote " and \\', 'tab\t', 'emoji 😀', 'lone \ud800', 'line\u2028sep'];
    expect(JSON.parse(stableStringify(strings))).toEqual(strings);
    expect(stableStringify(strings)).toBe(`[${strings.map((x) => JSON.stringify(x)).join(', ')}]\n`);
    const long = { z: 'x'.repeat(70), a: [1, 2], n: { m: undefined, k: [undefined, NaN, 'q"'] } };
    expect(stableStringify(long)).toBe('{\n  "a": [1, 2],\n  "n": {"k": [null, null, "q\\""]},\n  "z": "' + 'x'.repeat(70) + '"\n}\n');
  });

  it('holds no timestamp: only the sources, the version and the hash it is given', () => {
    const text = bundleJson(modelOf(compile(exampleFiles('kent'))), OPTIONS);
    expect(text).not.toMatch(/20[2-9]\d-\d\d-\d\dT/);
  });
});

describe('the examples', () => {
  it('Kent: all three members, two recurrence rules, working-day deadlines, a yearly rotation', () => {
    const g = exampleGroup('kent', 'executive-board');
    expect(g.quorum!.rule).toMatchObject({ op: 'present', text: 'all 3 members', seats: ['chief-superintendent', 'corporate-director', 'chief-nurse'] });
    expect(g.quorum!.jsonLogic).toEqual({
      and: ['chief-superintendent', 'corporate-director', 'chief-nurse'].map((s) => ({ in: [s, { var: 'present' }] })),
    });
    expect(g.quorum!.deputies).toBe('with authority');
    expect(g.cadence).toEqual({
      first: { kind: 'every', count: 2, unit: 'month' },
      thereafter: { kind: 'as required', atLeast: { kind: 'every', count: 3, unit: 'month' } },
      start: '2019-09',
      arrangedYearAhead: true,
      // The rules tor schedule dates the meetings by: the first weekday of the month.
      recurrence: [
        { phase: 'first year', rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1;UNTIL=20200831', dtstart: '2019-09-02', minimum: false },
        { phase: 'thereafter', rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1', dtstart: '2020-09-01', minimum: true },
      ],
    });
    expect(g.chair).toEqual({ kind: 'rotation', organisations: ['police', 'council', 'ccg'], period: 'year' });
    expect(g.deadlines.map((d) => [d.duty, d.amount, d.unit, d.relation])).toEqual([
      ['minutes', 10, 'working day', 'after'],
      ['papers', 5, 'working day', 'before'],
    ]);
  });

  it('Isle of Wight Executive: the independent scrutineer cannot be missed; a majority of the four DSPs is three', () => {
    const g = exampleGroup('isle-of-wight', 'executive');
    expect(g.quorum!.analysis.achievable).toBe(true);
    expect(g.quorum!.analysis.singlePointsOfFailure.map((f) => f.seat)).toContain('independent-scrutineer');
    expect(g.decisions!.consensus).toBe(true);
    expect(g.decisions!.majorityVote).toMatchObject({ of: 'the delegated safeguarding partners', required: 3 });
    expect(g.decisions!.majorityVote!.voters).toHaveLength(4);
    const member = g.members.find((m) => m.id === 'dcs')!;
    expect(member).toMatchObject({ name: "Director of Children's Services", organisation: 'council', list: 'members', countsTowardsQuorum: true });
    expect(member.roles).toContain('partnership chair');
  });

  it('Isle of Wight Board: half of the members rounded up, observers listed but not counted', () => {
    const g = exampleGroup('isle-of-wight', 'board');
    const [half] = (g.quorum!.rule as { terms: unknown[] }).terms;
    expect(half).toMatchObject({ op: 'fraction', share: { numerator: 1, denominator: 2, name: 'half' }, rounding: 'up', majority: false });
    const { total, required } = half as { total: number; required: number };
    expect(required).toBe(Math.ceil(total / 2));
    expect(g.members.filter((m) => !m.countsTowardsQuorum).map((m) => m.list)).toEqual(['observers']);
  });
});

describe('RRULEs', () => {
  const rules = (meets: string, start = '') => {
    const model = modelOf(withPartnership(`group g: G\n  chaired by dcs\n  meets ${meets}\n${start && `  meetings start ${start}\n`}`, false));
    return toBundle(model, OPTIONS).groups[0]!.cadence!.recurrence;
  };
  it.each([
    ['weekly', 'FREQ=WEEKLY'],
    ['monthly', 'FREQ=MONTHLY'],
    ['every 6 weeks', 'FREQ=WEEKLY;INTERVAL=6'],
    ['every 2 months', 'FREQ=MONTHLY;INTERVAL=2'],
    ['quarterly', 'FREQ=MONTHLY;INTERVAL=3'],
    ['twice a year', 'FREQ=MONTHLY;INTERVAL=6'],
    ['annually', 'FREQ=YEARLY'],
  ])('meets %s → %s', (meets, rrule) => {
    expect(rules(meets)).toEqual([{ phase: 'always', rrule, dtstart: null, minimum: false }]);
  });

  it('as required has none; as required but at least quarterly has its minimum', () => {
    expect(rules('as required')).toEqual([]);
    expect(rules('as required but at least quarterly')).toEqual([{ phase: 'always', rrule: 'FREQ=MONTHLY;INTERVAL=3', dtstart: null, minimum: true }]);
  });

  it('two phases give a rule for each phase with a fixed period', () => {
    expect(rules('every 6 weeks in the first year, then quarterly')).toEqual([
      { phase: 'first year', rrule: 'FREQ=WEEKLY;INTERVAL=6;COUNT=9', dtstart: null, minimum: false },
      { phase: 'thereafter', rrule: 'FREQ=MONTHLY;INTERVAL=3', dtstart: null, minimum: false },
    ]);
    expect(rules('every 2 months in the first year, then as required')).toEqual([
      { phase: 'first year', rrule: 'FREQ=MONTHLY;INTERVAL=2;COUNT=6', dtstart: null, minimum: false },
    ]);
  });

  it('with a start day, the rules tor schedule uses, each with its DTSTART', () => {
    expect(rules('quarterly', '2024-01-15')).toEqual([{ phase: 'always', rrule: 'FREQ=MONTHLY;INTERVAL=3', dtstart: '2024-01-15', minimum: false }]);
    expect(rules('annually', '2024-01-15')).toEqual([{ phase: 'always', rrule: 'FREQ=YEARLY', dtstart: '2024-01-15', minimum: false }]);
    // A year alone is no start: the pattern only.
    expect(rules('quarterly', '2024')).toEqual([{ phase: 'always', rrule: 'FREQ=MONTHLY;INTERVAL=3', dtstart: null, minimum: false }]);
  });
});
