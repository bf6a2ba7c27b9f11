import { describe, expect, it } from 'vitest';
import { example, replaceOnce } from './support.js';

/**
 * Every quorum of the seed partnerships, at and around its boundaries (docs/quorum.md).
 */

describe('Isle of Wight Executive: one member from each of the safeguarding partners and the independent scrutineer', () => {
  const q = example('isle-of-wight', 'executive');
  const minimal = ['dcs', 'icb-safeguarding-director', 'head-of-crime', 'independent-scrutineer'];

  it('is quorate with everyone, and with exactly one member of each partner and the scrutineer', () => {
    expect(q.without()).toBe(true);
    expect(q.quorate(minimal)).toBe(true);
    expect(q.quorate(['dcs', 'icb-safeguarding-director', 'area-commander', 'independent-scrutineer'])).toBe(true);
  });

  it('is not quorate without the independent scrutineer, even with everyone else', () => {
    expect(q.without('independent-scrutineer')).toBe(false);
    expect(q.quorate(minimal.filter((m) => m !== 'independent-scrutineer'))).toBe(false);
  });

  it('is not quorate with one partner missing', () => {
    expect(q.without('dcs')).toBe(false); // the council's only member
    expect(q.without('icb-safeguarding-director')).toBe(false);
    expect(q.without('head-of-crime', 'area-commander')).toBe(false);
    // The police have two members: either will do.
    expect(q.without('head-of-crime')).toBe(true);
    expect(q.without('area-commander')).toBe(true);
  });

  it('does not need the subgroup chairs', () => {
    expect(q.without('chair-of-performance-quality', 'chair-of-learning-inquiry', 'chair-of-education-subgroup', 'chair-of-workforce-development', 'chair-of-child-exploitation')).toBe(true);
    expect(q.quorate(['chair-of-performance-quality', 'chair-of-learning-inquiry', 'independent-scrutineer'])).toBe(false);
  });

  it('counts a deputy for an absent partner (its deputy rules do not restrict counting)', () => {
    expect(q.cq.ir.deputies).toBe('always');
    const present = minimal.filter((m) => m !== 'icb-safeguarding-director');
    expect(q.quorate(present)).toBe(false);
    expect(q.quorate(present, [{ for: 'icb-safeguarding-director', name: 'A Deputy' }])).toBe(true);
  });
});

describe('Isle of Wight Board: half of the members, including the partnership chair, the scrutineer and each partner', () => {
  const q = example('isle-of-wight', 'board');
  const required = ['dcs', 'independent-scrutineer', 'police', 'icb'];
  const others = q.members.filter((m) => !required.includes(m));

  it('has 24 members (the chair counts; the observer does not)', () => {
    expect(q.cq.size).toBe(24);
    expect(q.members).toContain('dcs');
    expect(q.members).not.toContain('cabinet-member');
  });

  it('is quorate at exactly half (12 of 24) with the named members, not at 11', () => {
    expect(q.quorate([...required, ...others.slice(0, 8)])).toBe(true);
    expect(q.quorate([...required, ...others.slice(0, 7)])).toBe(false);
    expect(q.quorate([...required, ...others])).toBe(true);
  });

  it('is not quorate without the partnership chair, the scrutineer or a partner, however many attend', () => {
    for (const absent of required) expect(q.without(absent), absent).toBe(false);
  });

  it('counts the council as represented by the chair (the DCS)', () => {
    expect(q.without(...others.filter((m) => /social-care|education-inclusion|learning|public-health|regulatory|youth-justice/.test(m)))).toBe(true);
  });

  it('never counts the observer', () => {
    const eleven = [...required, ...others.slice(0, 7)];
    expect(q.quorate([...eleven, 'cabinet-member'])).toBe(false);
    const e = q.explain([...eleven, 'cabinet-member']);
    expect(e.observers).toEqual(['cabinet-member']);
    expect(e.clauses[0]).toMatchObject({ text: 'half of the members', passed: false, detail: '11 present; 12 needed (half of 24)', needs: '1 more member' });
  });

  it('with 23 members (odd), half rounds up to 12; written "rounded down", to 11', () => {
    const drop = (_: string, t: string) => t.replace('    - voluntary-sector-representative\n', '');
    const odd = example('isle-of-wight', 'board', drop);
    expect(odd.cq.size).toBe(23);
    const rest = odd.members.filter((m) => !required.includes(m));
    expect(odd.quorate([...required, ...rest.slice(0, 8)])).toBe(true);
    expect(odd.quorate([...required, ...rest.slice(0, 7)])).toBe(false);
    expect(odd.explain([...required, ...rest.slice(0, 7)]).clauses[0]!.detail).toBe('11 present; 12 needed (half of 23 is 11.5, rounded up (the default))');

    const down = example('isle-of-wight', 'board', (p, t) =>
      p.endsWith('board.tor') ? replaceOnce(drop(p, t), 'half of the members are present', 'half of the members, rounded down, are present') : t,
    );
    expect(down.quorate([...required, ...rest.slice(0, 7)])).toBe(true);
    expect(down.quorate([...required, ...rest.slice(0, 6)])).toBe(false);
  });
});

describe('Gloucestershire Executive: one member from each of the safeguarding partners', () => {
  const q = example('gloucestershire', 'executive');
  const partners = {
    icb: ['chief-nurse', 'assistant-director'],
    'county-council': ['dcs', 'director-safeguarding-care', 'director-education'],
    constabulary: ['acc', 'head-of-ppu'],
  };

  it('is quorate with one member of each partner, whichever members they are', () => {
    expect(q.quorate(['chief-nurse', 'dcs', 'acc'])).toBe(true);
    expect(q.quorate(['assistant-director', 'director-education', 'head-of-ppu'])).toBe(true);
  });

  it('is not quorate with any one partner missing, even with everyone else there', () => {
    for (const [partner, seats] of Object.entries(partners)) expect(q.without(...seats), partner).toBe(false);
  });

  it('is quorate with any one member of a partner missing (no single point of failure)', () => {
    for (const seat of Object.values(partners).flat()) expect(q.without(seat), seat).toBe(true);
  });

  it('does not count the OPCC or the non-executive members towards a partner', () => {
    expect(q.quorate(['opcc-ceo', 'scrutineer', 'chair-of-smg', 'business-manager', 'performance-officer', 'dcs', 'acc'])).toBe(false);
  });

  it('says which partner is missing and who could fill the gap', () => {
    const e = q.explain(['acc', 'dcs']);
    expect(e.quorate).toBe(false);
    expect(e.clauses).toHaveLength(1);
    expect(e.clauses[0]).toMatchObject({
      passed: false,
      detail: 'icb: nobody; county-council: dcs; constabulary: acc',
      needs: 'a member from icb (chief-nurse or assistant-director)',
    });
    expect(e.missing).toEqual(['chief-nurse']);
    expect(e.summary).toBe('would be quorate if chief-nurse or assistant-director also attended');
  });
});

describe('Kent Executive Board: all 3 members; deputies count only with full delegated authority', () => {
  const q = example('kent', 'executive-board');
  const all = ['chief-superintendent', 'corporate-director', 'chief-nurse'];

  it('needs all three', () => {
    expect(q.quorate(all)).toBe(true);
    for (const absent of all) expect(q.without(absent), absent).toBe(false);
  });

  it('counts a deputy with full delegated authority, not one without', () => {
    expect(q.cq.ir.deputies).toBe('with authority');
    const two = all.slice(0, 2);
    expect(q.quorate(two, [{ for: 'chief-nurse', name: 'Jo Bloggs' }])).toBe(false);
    expect(q.quorate(two, [{ for: 'chief-nurse', name: 'Jo Bloggs', authority: true }])).toBe(true);
    const e = q.explain(two, [{ for: 'chief-nurse', name: 'Jo Bloggs' }]);
    expect(e.deputies).toEqual([
      {
        for: 'chief-nurse',
        name: 'Jo Bloggs',
        authority: false,
        counts: false,
        reason: "the group's deputies count towards the quorum only with full delegated authority, and this deputy was not given it",
      },
    ]);
    expect(e.summary).toBe('would be quorate if chief-nurse also attended');
  });

  it('counts one person once, even as a deputy for two members', () => {
    const deputies = [
      { for: 'corporate-director', name: 'Jo Bloggs', authority: true },
      { for: 'chief-nurse', name: 'jo  bloggs', authority: true },
    ];
    expect(q.quorate(['chief-superintendent'], deputies)).toBe(false);
    expect(q.explain(['chief-superintendent'], deputies).deputies[1]).toMatchObject({ counts: false, reason: 'jo  bloggs is already counted; each person counts once' });
  });

  it('ignores a deputy for a member who is there in person', () => {
    const e = q.explain(all.slice(0, 2), [{ for: 'corporate-director', name: 'Jo Bloggs', authority: true }]);
    expect(e.quorate).toBe(false);
    expect(e.deputies[0]).toMatchObject({ counts: false, reason: 'corporate-director is present in person' });
  });

  it('never counts deputies when the rules say they do not count', () => {
    const never = example('kent', 'executive-board', (_, t) => t.replace('count towards the quorum only with full delegated authority', 'do not count towards the quorum'));
    expect(never.cq.ir.deputies).toBe('never');
    expect(never.quorate(all.slice(0, 2), [{ for: 'chief-nurse', name: 'Jo Bloggs', authority: true }])).toBe(false);
  });
});
