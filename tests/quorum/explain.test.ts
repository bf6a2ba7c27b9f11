import { describe, expect, it } from 'vitest';
import { analyseQuorum } from '../../src/quorum/analyse.js';
import { attendanceBits, type CompiledQuorum } from '../../src/quorum/evaluate.js';
import { smallestAddition } from '../../src/quorum/explain.js';
import { example, type Quorum, synthetic } from './support.js';

/** Explanations, the smallest addition and the static analysis (docs/quorum.md). */

const SEEDS: Array<[string, string]> = [
  ['isle-of-wight', 'executive'],
  ['isle-of-wight', 'board'],
  ['gloucestershire', 'executive'],
  ['kent', 'executive-board'],
];

/** The fewest absent people whose attendance makes it quorate, by trying every subset (small groups only). */
function bruteForce(cq: CompiledQuorum, base: Uint32Array): number | undefined {
  const absent: number[] = [];
  for (let p = 0; p < cq.size; p++) if (!(base[p >>> 5]! & (1 << (p & 31)))) absent.push(p);
  let best: number | undefined;
  for (let subset = 0; subset < 1 << absent.length; subset++) {
    const bits = base.slice();
    let n = 0;
    absent.forEach((p, i) => {
      if (subset & (1 << i)) {
        bits[p >>> 5]! |= 1 << (p & 31);
        n++;
      }
    });
    if ((best === undefined || n < best) && cq.test(bits)) best = n;
  }
  return best;
}

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) % 10_000) / 10_000;
}

describe('the smallest addition', () => {
  for (const [name, group] of SEEDS.filter(([, g]) => g !== 'board')) {
    it(`is the true minimum for ${name} ${group} (checked against every subset)`, () => {
      const q = example(name, group);
      const next = random(11);
      for (let i = 0; i < 60; i++) {
        const present = q.members.filter(() => next() < 0.5);
        const base = attendanceBits(q.cq, present);
        const found = smallestAddition(q.cq, base);
        expect(found?.size, present.join(',')).toBe(bruteForce(q.cq, base));
        if (found) {
          expect(found.exact).toBe(true);
          expect(q.quorate([...present, ...found.seats])).toBe(true);
        }
      }
    });
  }

  it('is the true minimum for the IOW board when few are missing, and always makes it quorate', () => {
    const q = example('isle-of-wight', 'board');
    const next = random(5);
    for (let i = 0; i < 40; i++) {
      // Most members present, so the brute force stays small.
      const present = q.members.filter(() => next() < 0.6 + 0.4 * (i % 2));
      const base = attendanceBits(q.cq, present);
      const found = smallestAddition(q.cq, base)!;
      expect(q.quorate([...present, ...found.seats])).toBe(true);
      if (q.cq.size - present.length <= 14) expect(found.size, present.join(',')).toBe(bruteForce(q.cq, base));
    }
  });

  it('lists every single member who alone would do', () => {
    const q = example('isle-of-wight', 'executive');
    const e = q.explain(['dcs', 'icb-safeguarding-director', 'independent-scrutineer']);
    expect(e.missing).toEqual(['head-of-crime']);
    expect(e.summary).toBe('would be quorate if head-of-crime or area-commander also attended');
  });

  it('names everyone needed when more than one must come', () => {
    const q = example('isle-of-wight', 'executive');
    const e = q.explain(['dcs', 'head-of-crime']);
    expect(e.missing).toEqual(['independent-scrutineer', 'icb-safeguarding-director']);
    expect(e.summary).toBe('would be quorate if independent-scrutineer and icb-safeguarding-director also attended');
    expect(e.clauses.map((c) => [c.passed, c.text, c.detail, c.needs])).toEqual([
      [false, 'one member from each of the safeguarding partners', 'council: dcs; icb: nobody; police: head-of-crime', 'a member from icb (icb-safeguarding-director)'],
      [false, 'the independent scrutineer', 'absent: independent-scrutineer', 'independent-scrutineer'],
    ]);
  });

  it('describes interchangeable members as a choice', () => {
    const q = example('isle-of-wight', 'board');
    const present = ['dcs', 'independent-scrutineer', 'police', 'icb', 'anglican-diocese', 'sab', 'probation', 'hmp-iow', 'fire-rescue', 'youth-justice'];
    const e = q.explain(present);
    expect(e.addition).toMatchObject({ size: 2, exact: true });
    expect(e.addition!.options).toHaveLength(1);
    expect(e.addition!.options[0]![0]!.count).toBe(2);
    expect(e.addition!.options[0]![0]!.of).toHaveLength(14);
    expect(e.summary).toMatch(/^would be quorate if any 2 of adult-mental-health, community-safety-partnership, .* or voluntary-sector-representative also attended$/);
  });

  it('says when no attendance would do', () => {
    const q = synthetic('group g: G\n  members:\n    - dcs\n    - nurse\n  quorate when 3 members are present\n');
    const e = q.explain(['dcs']);
    expect(e).toMatchObject({ quorate: false, reachable: false, missing: [], addition: undefined });
    expect(e.summary).toBe('cannot be quorate even if every member attended: 3 members cannot be met');
  });

  it('falls back to a greedy answer, and says so, when the search is too large', () => {
    const q = synthetic('group g: G\n  members:\n    - dcs\n    - nurse\n    - superintendent\n    - council-ceo\n  quorate when dcs and nurse or 3 members are present\n');
    const base = attendanceBits(q.cq, []);
    expect(smallestAddition(q.cq, base)).toMatchObject({ size: 2, exact: true });
    const greedy = smallestAddition(q.cq, base, { budget: 0 })!;
    expect(greedy).toMatchObject({ size: 2, exact: false, seats: ['dcs', 'nurse'] });
    const e = q.explain([], [], { budget: 0 });
    expect(e.summary).toBe('would be quorate if dcs and nurse also attended; found by a quick search of a group of 4 people, so a smaller addition may exist');
  });

  it('is exact without searching when the greedy answer meets the lower bound', () => {
    const q = example('isle-of-wight', 'board');
    expect(smallestAddition(q.cq, attendanceBits(q.cq, []), { budget: 0 })).toMatchObject({ size: 12, exact: true });
  });
});

describe('analysis', () => {
  const analyse = (q: Quorum) => analyseQuorum(q.cq);

  it('IOW Executive: four can meet; the scrutineer, the DCS and the ICB director cannot be missed', () => {
    const a = analyse(example('isle-of-wight', 'executive'));
    expect(a).toMatchObject({ members: 10, achievable: true, deputies: 'always' });
    expect(a.smallest).toMatchObject({ size: 4, seats: ['dcs', 'independent-scrutineer', 'icb-safeguarding-director', 'head-of-crime'], exact: true });
    expect(a.singlePointsOfFailure.map((f) => f.seat)).toEqual(['dcs', 'independent-scrutineer', 'icb-safeguarding-director']);
    expect(a.singlePointsOfFailure[1]).toEqual({ seat: 'independent-scrutineer', seats: ['independent-scrutineer'], because: ['the independent scrutineer'] });
    expect(a.singlePointsOfFailure[2]!.because).toEqual(['one member from each of the safeguarding partners: a member from icb (icb-safeguarding-director)']);
  });

  it('IOW Board: twelve can meet; the chair, the scrutineer, police and the ICB cannot be missed', () => {
    const a = analyse(example('isle-of-wight', 'board'));
    expect(a.smallest).toMatchObject({ size: 12, exact: true });
    expect(a.singlePointsOfFailure.map((f) => f.seat)).toEqual(['dcs', 'independent-scrutineer', 'police', 'icb']);
  });

  it('Gloucestershire: three can meet, and no one member is indispensable', () => {
    const a = analyse(example('gloucestershire', 'executive'));
    expect(a.smallest).toMatchObject({ size: 3, seats: ['acc', 'dcs', 'chief-nurse'] });
    expect(a.singlePointsOfFailure).toEqual([]);
  });

  it('Kent: all three are needed, and deputies count only with full delegated authority', () => {
    const a = analyse(example('kent', 'executive-board'));
    expect(a).toMatchObject({ members: 3, deputies: 'with authority', smallest: { size: 3 } });
    expect(a.singlePointsOfFailure.map((f) => f.seat)).toEqual(['chief-superintendent', 'corporate-director', 'chief-nurse']);
  });

  it('reports a quorum no attendance can meet', () => {
    const a = analyseQuorum(synthetic('group g: G\n  members:\n    - dcs\n  quorate when 2 members are present\n').cq);
    expect(a).toMatchObject({ achievable: false, smallest: undefined, singlePointsOfFailure: [] });
  });

  it('lists each person once, with all their seats', () => {
    const q = synthetic('post deputy: Deputy Director\n  held by Ada Lovelace\n\ngroup g: G\n  members:\n    - dcs\n    - deputy\n    - nurse\n  quorate when deputy and nurse are present\n');
    expect(analyseQuorum(q.cq).singlePointsOfFailure.map((f) => f.seats)).toEqual([['dcs', 'deputy'], ['nurse']]);
  });
});
