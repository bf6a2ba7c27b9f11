import type { AccountableTo, Chair, DateValue, Frequency, Group, Model, ReviewSchedule, Seat } from '../model/model.js';
import { EDITIONS, type EditionCode } from '../rules/rule.js';
import { toJsonLogic, type JsonLogic } from './json-logic.js';
import { analyseQuorum, type QuorumAnalysis } from '../quorum/analyse.js';
import { compileFromIR } from '../quorum/evaluate.js';
import { countingSeats, type DeputyCounting, personKey } from '../quorum/ir.js';
import { majorityVote, peopleOf, quorumRule, type Bloc, type QuorumRule } from './quorum-rule.js';
import { recurrences, type Recurrence } from './recurrence.js';
import { stableStringify } from './stable-json.js';

/**
 * The JSON rule bundle: the resolved model made public, for systems in any language. Pure —
 * the caller reads the sources and hashes them. Every field is described in
 * schema/bundle.schema.json; `tor build` validates each bundle against it before writing.
 *
 * Conventions: every key is always present, `null` when the sources do not say; arrays keep
 * source order (files in path order), which is stable; `stableStringify` sorts the keys.
 */

export const BUNDLE_VERSION = '1.0.0';
export const BUNDLE_SCHEMA_ID = `urn:tor:schema:bundle:${BUNDLE_VERSION}`;

export interface BundleOptions {
  /** The version of tor that wrote the bundle. */
  compilerVersion: string;
  /** `sha256:<hex>` of the sources (see `tor build`). */
  sourceHash: string;
  /** The edition of Working Together the rules were applied for, if they ran. */
  edition: EditionCode | undefined;
}

export interface Bundle {
  $schema: string;
  bundleVersion: string;
  compiler: { name: 'tor'; version: string };
  sources: { hash: string };
  edition: { code: EditionCode; year: number; title: string } | null;
  partnership: BundlePartnership;
  organisations: BundleOrganisation[];
  posts: BundlePost[];
  collaborations: { id: string; name: string; shortName: string | null }[];
  groups: BundleGroup[];
}

export interface BundlePartnership {
  id: string;
  name: string;
  shortName: string | null;
  documentTitle: string | null;
  area: string | null;
  follows: number | null;
  published: string | null;
  review: BundleReview | null;
  safeguardingPartners: string[];
  leadSafeguardingPartners: string[];
  delegatedSafeguardingPartners: string[];
  partnershipChair: string | null;
  independentScrutineer: string | null;
  relevantAgencies: string[];
  functionalLinks: string[];
}

export type BundleReview =
  | { kind: 'interval'; every: BundleInterval }
  | { kind: 'dates'; dates: string[]; thenEvery: BundleInterval | null };

export interface BundleInterval {
  count: number;
  unit: 'month' | 'year';
}

export interface BundleOrganisation {
  id: string;
  name: string;
  shortName: string | null;
  kind: string | null;
  units: { id: string; name: string }[];
}

export interface BundlePost {
  id: string;
  title: string;
  organisation: string | null;
  holder: string | null;
}

export interface BundleMember {
  id: string;
  name: string;
  kind: Seat['kind'];
  organisation: string | null;
  person: string | null;
  roles: string[];
  list: Seat['list'];
  countsTowardsQuorum: boolean;
}

export type BundleChair =
  | { kind: 'seat'; seat: string; role: string | null }
  | { kind: 'nominated'; by: string }
  | { kind: 'independent'; appointedBy: string }
  | { kind: 'rotation'; organisations: string[]; period: 'year' };

export type BundleFrequency =
  | { kind: 'every'; count: number; unit: 'week' | 'month' | 'year' }
  | { kind: 'as required'; atLeast: BundleFrequency | null }
  | { kind: 'at least'; frequency: BundleFrequency };

export interface BundleCadence {
  first: BundleFrequency;
  /** After the first year, when the cadence changes then. */
  thereafter: BundleFrequency | null;
  start: string | null;
  arrangedYearAhead: boolean;
  recurrence: Recurrence[];
}

export interface BundleQuorum {
  rule: QuorumRule;
  jsonLogic: JsonLogic;
  /** How deputies count (from the group's `deputies:` rules). */
  deputies: DeputyCounting;
  analysis: BundleAnalysis;
}

/** src/quorum/analyse.ts's static analysis, members assumed to attend in person. */
export interface BundleAnalysis {
  /** People among the members. */
  people: number;
  achievable: boolean;
  smallest: { size: number; seats: string[]; exact: boolean } | null;
  singlePointsOfFailure: { seat: string; seats: string[]; because: string[] }[];
}

export interface BundleDecisions {
  consensus: boolean;
  majorityVote: { of: string; voters: Bloc[]; required: number; jsonLogic: JsonLogic } | null;
}

export interface BundleDeadline {
  duty: 'agenda' | 'papers' | 'minutes' | 'other';
  text: string;
  by: string;
  amount: number;
  unit: 'day' | 'working day' | 'week';
  relation: 'before' | 'after';
  bound: string | null;
}

export interface BundleGroup {
  id: string;
  title: string;
  shortName: string | null;
  kind: string | null;
  partOf: string | null;
  jointWith: string | null;
  accountableTo: { kind: 'group'; group: string } | { kind: 'role'; role: string } | null;
  chair: BundleChair | null;
  viceChair: string | null;
  members: BundleMember[];
  deputies: string[] | null;
  cadence: BundleCadence | null;
  quorum: BundleQuorum | null;
  ifInquorate: string | null;
  decisions: BundleDecisions | null;
  review: BundleReview | null;
  deadlines: BundleDeadline[];
}

/** Names of posts, units, organisations and groups by id, built once per bundle. */
interface Names {
  posts: ReadonlyMap<string, string>;
  units: ReadonlyMap<string, string>;
  organisations: ReadonlyMap<string, string>;
  groups: ReadonlyMap<string, string>;
}

export function toBundle(model: Model, options: BundleOptions): Bundle {
  const p = model.partnership;
  const names: Names = {
    posts: new Map(model.posts.map((x) => [x.id, x.title])),
    units: new Map(model.units.map((x) => [x.id, x.name])),
    organisations: new Map(model.organisations.map((x) => [x.id, x.name])),
    groups: new Map(model.groups.map((x) => [x.id, x.title])),
  };
  const unitsOf = new Map<string, { id: string; name: string }[]>();
  for (const u of model.units) unitsOf.set(u.organisation, [...(unitsOf.get(u.organisation) ?? []), { id: u.id, name: u.name }]);
  return {
    $schema: BUNDLE_SCHEMA_ID,
    bundleVersion: BUNDLE_VERSION,
    compiler: { name: 'tor', version: options.compilerVersion },
    sources: { hash: options.sourceHash },
    edition: options.edition ? { code: options.edition, ...EDITIONS[options.edition] } : null,
    partnership: {
      id: p.id,
      name: p.name,
      shortName: p.shortName ?? null,
      documentTitle: p.documentTitle ?? null,
      area: p.area ?? null,
      follows: p.edition ?? null,
      published: p.published ? isoDate(p.published) : null,
      review: p.review ? review(p.review) : null,
      safeguardingPartners: [...p.safeguardingPartners],
      leadSafeguardingPartners: [...p.leadPartners],
      delegatedSafeguardingPartners: [...p.delegatedPartners],
      partnershipChair: p.partnershipChair ?? null,
      independentScrutineer: p.independentScrutineer ?? null,
      relevantAgencies: p.relevantAgencies.map((a) => a.name),
      functionalLinks: [...p.functionalLinks],
    },
    organisations: model.organisations.map((o) => ({
      id: o.id,
      name: o.name,
      shortName: o.shortName ?? null,
      kind: o.kind ?? null,
      units: unitsOf.get(o.id) ?? [],
    })),
    posts: model.posts.map((post) => ({ id: post.id, title: post.title, organisation: post.organisation ?? null, holder: post.holder ?? null })),
    collaborations: model.collaborations.map((c) => ({ id: c.id, name: c.name, shortName: c.shortName ?? null })),
    groups: model.groups.map((g) => group(g, model, names)),
  };
}

function group(g: Group, model: Model, names: Names): BundleGroup {
  const compiled = quorumRule(g, model);
  const quorum: BundleQuorum | null = compiled
    ? {
        rule: compiled.rule,
        jsonLogic: toJsonLogic(compiled.rule, { variable: 'present', people: compiled.people }),
        deputies: compiled.ir.deputies,
        analysis: analysis(analyseQuorum(compileFromIR(compiled.ir))),
      }
    : null;
  let decisions: BundleDecisions | null = null;
  if (g.decisions) {
    const vote = majorityVote(g.decisions, g, model);
    const people = peopleOf(countingSeats(g).map((s) => ({ seat: s.id, person: personKey(s) })));
    const tally: QuorumRule | undefined = vote ? { op: 'atLeast', text: `a majority of ${vote.of}`, count: vote.required, counting: 'persons', of: vote.voters } : undefined;
    decisions = {
      consensus: g.decisions.consensus,
      majorityVote: vote && tally ? { ...vote, jsonLogic: toJsonLogic(tally, { variable: 'for', people }) } : null,
    };
  }
  return {
    id: g.id,
    title: g.title,
    shortName: g.shortName ?? null,
    kind: g.kind ?? null,
    partOf: g.partOf ?? null,
    jointWith: g.jointWith ?? null,
    accountableTo: g.accountableTo ? accountableTo(g.accountableTo) : null,
    chair: g.chair ? chair(g.chair) : null,
    viceChair: g.viceChair ?? null,
    members: g.seats.map((s) => member(s, names)),
    deputies: g.deputies ? [...g.deputies.rules] : null,
    cadence: g.cadence
      ? {
          first: frequency(g.cadence.first),
          thereafter: g.cadence.thereafter ? frequency(g.cadence.thereafter) : null,
          start: g.meetingsStart ? isoDate(g.meetingsStart.date) : null,
          arrangedYearAhead: g.meetingsStart?.arrangedYearAhead ?? false,
          recurrence: recurrences(g.cadence, g.meetingsStart?.date),
        }
      : null,
    quorum,
    ifInquorate: g.ifInquorate ?? null,
    decisions,
    review: g.review ? review(g.review.schedule) : null,
    deadlines: (g.support?.duties ?? []).flatMap((d) =>
      d.deadline
        ? [{ duty: d.kind, text: d.text, by: g.support!.by, amount: d.deadline.amount, unit: d.deadline.unit, relation: d.deadline.relation, bound: d.deadline.bound ?? null }]
        : [],
    ),
  };
}

function analysis(a: QuorumAnalysis): BundleAnalysis {
  return {
    people: a.members,
    achievable: a.achievable,
    smallest: a.smallest ? { size: a.smallest.size, seats: [...a.smallest.seats], exact: a.smallest.exact } : null,
    singlePointsOfFailure: a.singlePointsOfFailure.map((f) => ({ seat: f.seat, seats: [...f.seats], because: [...f.because] })),
  };
}

function member(s: Seat, names: Names): BundleMember {
  return {
    id: s.id,
    name: seatName(s, names),
    kind: s.kind,
    organisation: s.organisation ?? null,
    person: s.person ?? null,
    roles: [...s.roles],
    list: s.list,
    countsTowardsQuorum: s.list !== 'observers',
  };
}

/** The post's title, the unit's or organisation's name; "Chair of <group>" for a chair who holds no declared post. */
function seatName(s: Seat, names: Names): string {
  switch (s.kind) {
    case 'post':
      return names.posts.get(s.id) ?? s.id;
    case 'unit':
      return names.units.get(s.id) ?? s.id;
    case 'organisation':
      return names.organisations.get(s.id) ?? s.id;
    case 'chair': {
      const of = s.id.replace(/^chair-of-/, '');
      return `Chair of ${names.groups.get(of) ?? of}`;
    }
  }
}

function chair(c: Chair): BundleChair {
  switch (c.kind) {
    case 'seat':
      return { kind: 'seat', seat: c.seat, role: c.role ?? null };
    case 'nominated':
      return { kind: 'nominated', by: c.by };
    case 'independent':
      return { kind: 'independent', appointedBy: c.appointedBy };
    case 'rotation':
      return { kind: 'rotation', organisations: [...c.organisations], period: 'year' };
  }
}

function accountableTo(a: AccountableTo): NonNullable<BundleGroup['accountableTo']> {
  return a.kind === 'group' ? { kind: 'group', group: a.group } : { kind: 'role', role: a.role };
}

function frequency(f: Frequency): BundleFrequency {
  switch (f.kind) {
    case 'every':
      return { kind: 'every', count: f.count, unit: f.unit };
    case 'as required':
      return { kind: 'as required', atLeast: f.atLeast ? frequency(f.atLeast) : null };
    case 'at least':
      return { kind: 'at least', frequency: frequency(f.frequency) };
  }
}

function review(r: ReviewSchedule): BundleReview {
  if (r.kind === 'interval') return { kind: 'interval', every: { count: r.interval.every, unit: r.interval.unit } };
  return { kind: 'dates', dates: r.dates.map(isoDate), thenEvery: r.thenEvery ? { count: r.thenEvery.every, unit: r.thenEvery.unit } : null };
}

/** A date to the precision written: `2019`, `2019-09` or `2019-09-01`. */
export function isoDate(d: DateValue): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  let s = String(d.year).padStart(4, '0');
  if (d.month !== undefined) s += `-${pad(d.month)}`;
  if (d.month !== undefined && d.day !== undefined) s += `-${pad(d.day)}`;
  return s;
}

/** The bundle as the bytes `tor build` writes: sorted keys, two-space indent, a final newline. */
export function bundleJson(model: Model, options: BundleOptions): string {
  return stableStringify(toBundle(model, options));
}
