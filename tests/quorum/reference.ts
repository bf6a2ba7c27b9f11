import type { Group, Model, QuorumExpr, Seat } from '../../src/model/model.js';
import type { RoleName, Who } from '../../src/syntax/ast.js';
import { roleSeats } from '../../src/quorum/ir.js';

/**
 * The evaluator before the intermediate form (git history, with the role-holder count of
 * `N of <role set>` the rules rely on), kept as an oracle: the compiled evaluator must agree
 * with it wherever no person holds two seats.
 *
 * Evaluates a group's quorum on an attendance list. The rules (docs/quorum.md):
 * only members count, observers never; a person holding two seats counts once;
 * "half" and the other shares round up unless the rule says "rounded down";
 * "a majority" means more than half.
 */
export interface Attendance {
  /** Seat ids of the members present. */
  present: ReadonlySet<string>;
}

export interface QuorumScope {
  group: Group;
  model: Model;
}

/** The seats that count: members, not observers. */
export function countingSeats(group: Group): Seat[] {
  return group.seats.filter((s) => s.list !== 'observers');
}

export function isQuorate(expr: QuorumExpr, attendance: Attendance, scope: QuorumScope): boolean {
  const seats = countingSeats(scope.group);
  const present = seats.filter((s) => attendance.present.has(s.id));
  return evaluate(expr, { seats, present, scope });
}

interface State {
  seats: readonly Seat[];
  present: readonly Seat[];
  scope: QuorumScope;
}

/** People, not seats: two seats held by one named person are one person. */
export function headcount(seats: readonly Seat[]): number {
  return new Set(seats.map((s) => (s.person ? `person:${s.person}` : `seat:${s.id}`))).size;
}

/** The number of members a share of `total` requires. */
export function required(numerator: number, denominator: number, total: number, rounding: 'up' | 'down' | undefined, majority: boolean): number {
  if (majority) return Math.floor(total / 2) + 1;
  const exact = (total * numerator) / denominator;
  return Math.max(1, rounding === 'down' ? Math.floor(exact) : Math.ceil(exact));
}

function evaluate(e: QuorumExpr, st: State): boolean {
  switch (e.kind) {
    case 'and':
      return e.terms.every((t) => evaluate(t, st));
    case 'or':
      return e.terms.some((t) => evaluate(t, st));
    case 'brackets':
      return evaluate(e.expr, st);
    case 'count':
      return headcount(st.present) >= e.count;
    case 'fraction':
      return headcount(st.present) >= required(e.fraction.numerator, e.fraction.denominator, headcount(st.seats), e.rounding, e.fraction.name === 'a majority');
    case 'all':
      return headcount(st.present) === headcount(st.seats);
    case 'organisations':
      return new Set(st.present.map((s) => s.organisation).filter(Boolean)).size >= e.count;
    case 'sectors': {
      const kinds = new Map(st.scope.model.organisations.map((o) => [o.id, o.kind ?? o.id]));
      return new Set(st.present.map((s) => s.organisation && kinds.get(s.organisation)).filter(Boolean)).size >= e.count;
    }
    case 'some of':
      return holdersPresent(e.role, st) >= e.count;
    case 'each of':
      return e.organisations.every((who) => organisationsOf(who, st.scope).every((org) => represented(org, st.present)));
    case 'representative':
      return represented(e.organisation.name, st.present);
    case 'present':
      return whoPresent(e.who, st);
  }
}

/** Organisation (or unit) ids an `each of` item stands for. */
function organisationsOf(who: Who, scope: QuorumScope): string[] {
  if (who.kind === 'id') return [who.id.name];
  if (who.role === 'safeguarding partners') return scope.model.partnership.safeguardingPartners;
  return [];
}

function holdersPresent(role: RoleName, st: State): number {
  if (role === 'safeguarding partners') return st.scope.model.partnership.safeguardingPartners.filter((org) => represented(org, st.present)).length;
  const ids = new Set(roleSeats(role, st.scope));
  return headcount(st.present.filter((s) => ids.has(s.id) || s.roles.includes(role)));
}

/** A member of the organisation, or the unit itself, is present. */
function represented(id: string, present: readonly Seat[]): boolean {
  return present.some((s) => s.organisation === id || s.id === id);
}

function whoPresent(who: Who, st: State): boolean {
  if (who.kind === 'id') return represented(who.id.name, st.present);
  if (who.role === 'safeguarding partners') return st.scope.model.partnership.safeguardingPartners.every((org) => represented(org, st.present));
  const ids = roleSeats(who.role, st.scope);
  return ids.length > 0 && ids.every((id) => st.present.some((s) => s.id === id));
}

