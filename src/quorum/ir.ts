import type { Span } from '../diagnostics/diagnostic.js';
import type { Group, Model, QuorumExpr, Seat } from '../model/model.js';
import type { RoleName, Who } from '../syntax/ast.js';
import { quorumWords } from '../format/print.js';

/**
 * The intermediate form of a quorum: the group's `quorate when …` with every name resolved to
 * the seats it stands for, so evaluating, explaining and exporting it never look at the model
 * again. The meaning of each clause is set out in docs/quorum.md.
 */

/** What an `atLeast` clause counts among the seats it names. */
export type Distinct = 'persons' | 'organisations' | 'sectors';

/** Where a clause was written and its canonical words, so it can explain itself. */
export interface ClauseSource {
  text: string;
  span: Span;
}

/** The share a fraction clause was written as, with the arithmetic that turned it into a count. */
export interface FractionInfo {
  name: string;
  numerator: number;
  denominator: number;
  rounding: 'up' | 'down' | undefined;
  /** The number of people among the members the share is taken of. */
  of: number;
}

/** One group of a "one from each of" clause: an organisation or unit and its members' seats. */
export interface EveryGroup {
  label: string;
  seats: string[];
}

export type Clause =
  | {
      kind: 'atLeast';
      count: number;
      /** Seat ids (members only) among which the count is taken. */
      of: string[];
      distinct: Distinct;
      /** What is counted, in words: "members", "of the delegated safeguarding partners". */
      what: string;
      fraction?: FractionInfo;
      source: ClauseSource;
    }
  | { kind: 'all'; of: string[]; source: ClauseSource }
  | { kind: 'every'; groups: EveryGroup[]; source: ClauseSource }
  | { kind: 'and' | 'or'; clauses: Clause[]; source: ClauseSource }
  /** A clause no attendance of members can meet, and why (it names someone who is not a member, or a chair not yet known). */
  | { kind: 'never'; reason: string; source: ClauseSource };

/** A member who counts towards the quorum. */
export interface IRMember {
  seat: string;
  /** Who sits in the seat: `person:<normalised name>` when the post names its holder, else `seat:<id>`. */
  person: string;
  organisation: string | undefined;
  /** The organisation's `kind` (or its id when it has none). */
  sector: string | undefined;
}

/** How the group's deputies count towards its quorum (docs/quorum.md, Deputies). */
export type DeputyCounting = 'always' | 'never' | 'with authority';

export interface QuorumIR {
  group: string;
  /** The counting members, in member-list order. */
  members: IRMember[];
  /** Seat ids of the observers: they may attend but never count. */
  observers: string[];
  deputies: DeputyCounting;
  root: Clause;
}

/** The people a seat is filled by: a named holder is one person however many seats they hold. */
export function personKey(seat: Pick<Seat, 'id' | 'person'>): string {
  const name = seat.person?.trim().replace(/\s+/g, ' ').toLowerCase();
  return name ? `person:${name}` : `seat:${seat.id}`;
}

/** The seats that count: members, not observers. */
export function countingSeats(group: Group): Seat[] {
  return group.seats.filter((s) => s.list !== 'observers');
}

/** How the group's `deputies:` rules make deputies count (the strictest rule written wins). */
export function deputyCounting(group: Group): DeputyCounting {
  const rules = group.deputies?.rules ?? [];
  if (rules.includes('do not count')) return 'never';
  if (rules.includes('count only with full authority')) return 'with authority';
  return 'always';
}

/** The seat ids a role names in a group. */
export function roleSeats(role: RoleName, scope: { group: Group; model: Model }): string[] {
  const p = scope.model.partnership;
  switch (role) {
    case 'partnership chair':
      return p.partnershipChair ? [p.partnershipChair] : [];
    case 'independent scrutineer':
      return p.independentScrutineer ? [p.independentScrutineer] : [];
    case 'chair': {
      const chair = scope.group.chair;
      return chair?.kind === 'seat' ? [chair.seat] : [];
    }
    case 'lead safeguarding partners':
      return p.leadPartners;
    case 'delegated safeguarding partners':
      return p.delegatedPartners;
    case 'safeguarding partners':
      return p.safeguardingPartners;
    case 'members':
      return countingSeats(scope.group).map((s) => s.id);
  }
}

/** Compiles a quorum (the group's own unless another expression is given) into the intermediate form. */
export function compileIR(group: Group, model: Model, expr: QuorumExpr | undefined = group.quorum?.expr): QuorumIR | undefined {
  if (!expr) return undefined;
  const seats = countingSeats(group);
  const kinds = new Map(model.organisations.map((o) => [o.id, o.kind ?? o.id]));
  const members: IRMember[] = seats.map((s) => ({
    seat: s.id,
    person: personKey(s),
    organisation: s.organisation,
    sector: s.organisation === undefined ? undefined : (kinds.get(s.organisation) ?? s.organisation),
  }));
  const ctx: Context = { group, model, seats, members };
  return {
    group: group.id,
    members,
    observers: group.seats.filter((s) => s.list === 'observers').map((s) => s.id),
    deputies: deputyCounting(group),
    root: clause(expr, ctx),
  };
}

interface Context {
  group: Group;
  model: Model;
  seats: Seat[];
  members: IRMember[];
}

function clause(e: QuorumExpr, ctx: Context): Clause {
  const source = { text: quorumWords(e), span: e.span };
  switch (e.kind) {
    case 'brackets':
      return clause(e.expr, ctx);
    case 'and':
    case 'or':
      return { kind: e.kind, clauses: e.terms.map((t) => clause(t, ctx)), source };
    case 'count':
      return { kind: 'atLeast', count: e.count, of: ids(ctx.seats), distinct: 'persons', what: 'members', source };
    case 'fraction': {
      const total = new Set(ctx.members.map((m) => m.person)).size;
      const { numerator, denominator, name } = e.fraction;
      const count = required(numerator, denominator, total, e.rounding, name === 'a majority');
      const fraction: FractionInfo = { name, numerator, denominator, rounding: e.rounding, of: total };
      return { kind: 'atLeast', count, of: ids(ctx.seats), distinct: 'persons', what: 'members', fraction, source };
    }
    case 'all':
      return { kind: 'all', of: ids(ctx.seats), source };
    case 'organisations':
      return { kind: 'atLeast', count: e.count, of: ids(ctx.seats.filter((s) => s.organisation)), distinct: 'organisations', what: 'separate organisations', source };
    case 'sectors':
      return { kind: 'atLeast', count: e.count, of: ids(ctx.seats.filter((s) => s.organisation)), distinct: 'sectors', what: 'sectors', source };
    case 'some of': {
      if (e.role === 'safeguarding partners') {
        const partners = new Set(ctx.model.partnership.safeguardingPartners);
        const of = ids(ctx.seats.filter((s) => (s.organisation !== undefined && partners.has(s.organisation)) || partners.has(s.id)));
        return { kind: 'atLeast', count: e.count, of, distinct: 'organisations', what: 'of the safeguarding partners', source };
      }
      const holders = new Set(roleSeats(e.role, ctx));
      const of = ids(ctx.seats.filter((s) => holders.has(s.id) || s.roles.includes(e.role)));
      return { kind: 'atLeast', count: e.count, of, distinct: 'persons', what: `of the ${e.role}`, source };
    }
    case 'each of':
      return { kind: 'every', groups: e.organisations.flatMap((who) => organisationsOf(who, ctx)).map((org) => ({ label: org, seats: representing(org, ctx) })), source };
    case 'representative':
      return { kind: 'atLeast', count: 1, of: representing(e.organisation.name, ctx), distinct: 'persons', what: `from ${e.organisation.name}`, source };
    case 'present':
      return present(e.who, ctx, source);
  }
}

function present(who: Who, ctx: Context, source: ClauseSource): Clause {
  if (who.kind === 'id') {
    const id = who.id.name;
    if (ctx.seats.some((s) => s.id === id) && !ctx.seats.some((s) => s.organisation === id && s.id !== id)) return { kind: 'all', of: [id], source };
    const of = representing(id, ctx);
    if (of.length === 0) return { kind: 'never', reason: `\`${id}\` is not a member of this group, and no member is from it`, source };
    return { kind: 'atLeast', count: 1, of, distinct: 'persons', what: `from ${id}`, source };
  }
  if (who.role === 'safeguarding partners') {
    return { kind: 'every', groups: ctx.model.partnership.safeguardingPartners.map((org) => ({ label: org, seats: representing(org, ctx) })), source };
  }
  const wanted = roleSeats(who.role, ctx);
  if (wanted.length === 0) {
    const why = who.role === 'chair' ? chairUnknown(ctx.group) : `the partnership names no ${who.role}`;
    return { kind: 'never', reason: why, source };
  }
  const members = new Set(ctx.seats.map((s) => s.id));
  const outside = wanted.filter((id) => !members.has(id));
  if (outside.length > 0) return { kind: 'never', reason: `${outside.map((id) => `\`${id}\``).join(', ')} ${outside.length === 1 ? 'is not a member' : 'are not members'} of this group`, source };
  return { kind: 'all', of: wanted, source };
}

function chairUnknown(group: Group): string {
  const chair = group.chair;
  if (chair?.kind === 'rotation') return `the chair rotates between ${chair.organisations.join(', ')}, so who must attend is not known in advance`;
  if (chair?.kind === 'nominated') return `the chair is a member nominated by ${chair.by}, not known in advance`;
  if (chair?.kind === 'independent') return 'the chair is an independent chair who holds no declared post';
  return 'the group names no chair';
}

/** Organisation (or unit) ids a "one from each of" item stands for. */
function organisationsOf(who: Who, ctx: Context): string[] {
  if (who.kind === 'id') return [who.id.name];
  if (who.role === 'safeguarding partners') return ctx.model.partnership.safeguardingPartners;
  return [];
}

/** Seats that represent an organisation or unit: its members, or the unit's own seat. */
function representing(id: string, ctx: Context): string[] {
  return ids(ctx.seats.filter((s) => s.organisation === id || s.id === id));
}

function ids(seats: readonly Seat[]): string[] {
  return seats.map((s) => s.id);
}

/** The number of members a share of `total` requires (docs/quorum.md, Shares). */
export function required(numerator: number, denominator: number, total: number, rounding: 'up' | 'down' | undefined, majority: boolean): number {
  if (majority) return Math.floor(total / 2) + 1;
  // Integer arithmetic: total × numerator is exact, and so is the quotient's floor.
  const product = total * numerator;
  const down = Math.floor(product / denominator);
  const exact = down * denominator === product;
  return Math.max(1, rounding === 'down' || exact ? down : down + 1);
}

// ---- words ---------------------------------------------------------------------------------

/** "a, b and c" */
export function listAnd(items: readonly string[], word = 'and'): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}
