import type { Decisions, Group, Model } from '../model/model.js';
import { type Clause, compileIR, countingSeats, type IRMember, personKey, type QuorumIR, roleSeats } from '../quorum/ir.js';

/**
 * The bundle's own form of a quorum rule: the quorum's intermediate form (src/quorum/ir.ts),
 * whose every name is already resolved to seats, written as a small documented tree over seat
 * ids. The meaning of each node is in schema/bundle.schema.json; in short, a *person* is
 * present when the attendance list has any seat they hold in the group (observers never
 * count), a *seat* is present when its holder is, and a *bloc* is represented when any of its
 * seats is present.
 *
 * Being made from the same intermediate form, it cannot drift from `isQuorate`;
 * tests/bundle/differential.test.ts checks the JSON Logic made from it against the evaluator.
 */

/** Seats that count once: one person's, one organisation's, one sector's. */
export interface Bloc {
  /** `person:<name>` (or `seat:<id>` for a post naming no holder), an organisation id, or a sector (organisation kind). */
  key: string;
  /** Seat ids, in member order. Empty means the bloc can never be represented. */
  seats: string[];
}

export type Counting = 'persons' | 'organisations' | 'sectors';

export type QuorumRule =
  | { op: 'and' | 'or'; text: string; terms: QuorumRule[] }
  | { op: 'atLeast'; text: string; count: number; counting: Counting; of: Bloc[] }
  | {
      op: 'fraction';
      text: string;
      share: { numerator: number; denominator: number; name: string };
      rounding: 'up' | 'down';
      majority: boolean;
      total: number;
      required: number;
      of: Bloc[];
    }
  | { op: 'eachOf'; text: string; of: Bloc[] }
  | { op: 'present'; text: string; seats: string[] }
  | { op: 'never'; text: string; reason: string };

/** A group's quorum in the bundle's form, with the people it counts; undefined when the group has none. */
export function quorumRule(group: Group, model: Model): { ir: QuorumIR; rule: QuorumRule; people: People } | undefined {
  const ir = compileIR(group, model);
  if (!ir) return undefined;
  const people = peopleOf(ir.members);
  const members = new Map(ir.members.map((m) => [m.seat, m]));
  return { ir, rule: fromClause(ir.root, members), people };
}

/** The counting seats of a group, each with every seat its holder has there: being present in one fills all. */
export type People = ReadonlyMap<string, readonly string[]>;

export function peopleOf(members: readonly Pick<IRMember, 'seat' | 'person'>[]): People {
  const byPerson = new Map<string, string[]>();
  for (const m of members) {
    const seats = byPerson.get(m.person) ?? [];
    seats.push(m.seat);
    byPerson.set(m.person, seats);
  }
  return new Map(members.map((m) => [m.seat, byPerson.get(m.person)!]));
}

function fromClause(c: Clause, member: ReadonlyMap<string, IRMember>): QuorumRule {
  const text = c.source.text;
  switch (c.kind) {
    case 'and':
    case 'or':
      return { op: c.kind, text, terms: c.clauses.map((x) => fromClause(x, member)) };
    case 'never':
      return { op: 'never', text, reason: c.reason };
    case 'all':
      return { op: 'present', text, seats: [...c.of] };
    case 'every':
      return { op: 'eachOf', text, of: c.groups.map((g) => ({ key: g.label, seats: [...g.seats] })) };
    case 'atLeast': {
      const keyOf = (seat: string): string | undefined => {
        const m = member.get(seat);
        return c.distinct === 'persons' ? m?.person : c.distinct === 'organisations' ? m?.organisation : m?.sector;
      };
      const of = blocs(c.of, keyOf);
      if (!c.fraction) return { op: 'atLeast', text, count: c.count, counting: c.distinct, of };
      const f = c.fraction;
      const majority = f.name === 'a majority';
      return {
        op: 'fraction',
        text,
        share: { numerator: f.numerator, denominator: f.denominator, name: f.name },
        rounding: f.rounding ?? 'up',
        majority,
        total: f.of,
        required: c.count,
        of,
      };
    }
  }
}

/** Groups seats by a key, in order of first appearance; seats without a key are left out. */
function blocs(seats: readonly string[], keyOf: (seat: string) => string | undefined): Bloc[] {
  const byKey = new Map<string, Bloc>();
  for (const seat of seats) {
    const key = keyOf(seat);
    if (key === undefined) continue;
    const bloc = byKey.get(key);
    if (bloc) bloc.seats.push(seat);
    else byKey.set(key, { key, seats: [seat] });
  }
  return [...byKey.values()];
}

// ---- decisions -----------------------------------------------------------------------------

export interface MajorityVote {
  /** Whose majority, as written: `the delegated safeguarding partners`, or an id. */
  of: string;
  /** Who votes, one vote per bloc: a person, or an organisation for the safeguarding partners. */
  voters: Bloc[];
  /** More than half of all the voters. */
  required: number;
}

/** The voters of `decides … by a majority vote of …`, counted like a quorum's people; null for consensus alone. */
export function majorityVote(decisions: Decisions, group: Group, model: Model): MajorityVote | null {
  const who = decisions.majorityOf;
  if (!who) return null;
  const seats = countingSeats(group);
  const representing = (org: string) => seats.filter((s) => s.organisation === org || s.id === org).map((s) => s.id);
  let of: string;
  let voters: Bloc[];
  if (who.kind === 'role' && who.role === 'safeguarding partners') {
    of = 'the safeguarding partners';
    voters = model.partnership.safeguardingPartners.map((org) => ({ key: org, seats: representing(org) }));
  } else if (who.kind === 'role') {
    const role = who.role;
    of = `the ${role}`;
    const named = new Set(roleSeats(role, { group, model }));
    voters = blocs(
      seats.filter((s) => named.has(s.id) || s.roles.includes(role)).map((s) => s.id),
      (id) => personKey(seats.find((s) => s.id === id)!),
    );
  } else {
    of = who.id.name;
    const id = who.id.name;
    voters = seats.some((s) => s.id === id) ? [{ key: personKey(seats.find((s) => s.id === id)!), seats: [id] }] : [{ key: id, seats: representing(id) }];
  }
  return { of, voters, required: Math.floor(voters.length / 2) + 1 };
}
