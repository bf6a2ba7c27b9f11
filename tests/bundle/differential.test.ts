import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { toBundle } from '../../src/bundle/bundle.js';
import { isQuorate } from '../../src/quorum/evaluate.js';
import { projects } from './fixture.js';

/**
 * The bundle's JSON Logic, run by json-logic-js, must say exactly what tor's own evaluator
 * says, for every group with a quorum in every example and in the fixture (one group per
 * quorum shape). Attendance lists are random subsets of the group's seats (observers
 * included), near-complete lists (everyone but a few), and lists with repeats and ids that
 * are not seats; nobody and everybody are always tried. fast-check prints the seed and the
 * smallest failing list on failure.
 */

const RUNS = 1000;
const total = { cases: 0 };

describe.each(projects())('$name', ({ model, edition }) => {
  const bundle = toBundle(model, { compilerVersion: '0.0.0', sourceHash: `sha256:${'0'.repeat(64)}`, edition });
  const groups = model.groups.filter((g) => g.quorum);

  it.each(groups.map((g) => [g.id, g] as const))('%s: isQuorate and the JSON Logic agree', (_id, group) => {
    const logic = bundle.groups.find((b) => b.id === group.id)!.quorum!.jsonLogic;
    const seats = group.seats.map((s) => s.id);
    const subset = fc.subarray(seats);
    const allBut = fc.subarray(seats).map((absent) => seats.filter((s) => !absent.includes(s)));
    const noisy = fc.array(fc.constantFrom(...seats, 'not-a-seat'), { maxLength: seats.length + 3 });
    let cases = 0;
    fc.assert(
      fc.property(fc.oneof(subset, allBut, noisy), (present) => {
        cases++;
        const expected = isQuorate(group.quorum!.expr, { present: new Set(present) }, { group, model });
        expect(jsonLogic.apply(logic as jsonLogic.RulesLogic, { present })).toBe(expected);
      }),
      { numRuns: RUNS, examples: [[[]], [seats]] },
    );
    expect(cases).toBeGreaterThanOrEqual(RUNS);
    total.cases += cases;
  });
});

it('ran at least 1,000 cases per group', () => {
  // Printed so the report can quote it.
  console.log(`differential: ${total.cases} attendance lists checked`);
  expect(total.cases).toBeGreaterThanOrEqual(RUNS * 29);
});
