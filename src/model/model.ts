import type { Span } from '../diagnostics/diagnostic.js';
import type {
  ChairSpec,
  DateValue,
  DeputyRuleKind,
  Frequency,
  Interval,
  MemberListKind,
  Prose,
  QuorumExpr,
  ReviewSchedule,
  RoleName,
  Who,
} from '../syntax/ast.js';

/**
 * The resolved partnership: every reference checked and turned into an id of a declared
 * thing, role sets expanded into seats. Backends and rules read this, never the syntax.
 * Arrays keep source order (files in path order, then position), so output is stable.
 */
export interface Model {
  partnership: Partnership;
  organisations: Organisation[];
  units: Unit[];
  posts: Post[];
  groups: Group[];
  /** The published arrangements, in document order. */
  sections: Section[];
  collaborations: Collaboration[];
}

export type EditionYear = 2018 | 2023 | 2026;

export interface Partnership {
  id: string;
  name: string;
  shortName: string | undefined;
  documentTitle: string | undefined;
  area: string | undefined;
  edition: EditionYear | undefined;
  published: DateValue | undefined;
  review: ReviewSchedule | undefined;
  /** Organisation ids. */
  safeguardingPartners: string[];
  /** Post ids. */
  leadPartners: string[];
  delegatedPartners: string[];
  partnershipChair: string | undefined;
  independentScrutineer: string | undefined;
  relevantAgencies: RelevantAgency[];
  relevantAgenciesProse: Prose | undefined;
  functionalLinks: string[];
  functionalLinksProse: Prose | undefined;
  span: Span;
  /** Where each statement was written, for precise diagnostics. */
  spans: Partial<Record<PartnershipField, Span>>;
}

export type PartnershipField =
  | 'short name'
  | 'document title'
  | 'area'
  | 'edition'
  | 'published'
  | 'review'
  | 'safeguarding partners'
  | 'lead safeguarding partners'
  | 'delegated safeguarding partners'
  | 'partnership chair'
  | 'independent scrutineer'
  | 'relevant agencies'
  | 'functional links';

export interface RelevantAgency {
  name: string;
  /** Footnote markers written after the name (`*`, `[1]`). */
  notes: string[];
  span: Span;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string | undefined;
  shortName: string | undefined;
  span: Span;
}

export interface Unit {
  id: string;
  name: string;
  organisation: string;
  span: Span;
}

export interface Post {
  id: string;
  title: string;
  /** The organisation the post belongs to, if any. */
  organisation: string | undefined;
  /** The person who holds the post, as written. */
  holder: string | undefined;
  span: Span;
}

export interface Collaboration {
  id: string;
  name: string;
  shortName: string | undefined;
  span: Span;
}

export interface Section {
  id: string;
  title: string;
  body: Prose;
  span: Span;
}

/** One seat at a group's table: a post holder, or a representative of a unit or organisation. */
export interface Seat {
  /** The post, unit or organisation id; `chair-of-<group>` for a chair who holds no declared post. */
  id: string;
  kind: 'post' | 'unit' | 'organisation' | 'chair';
  /** The organisation the seat belongs to, when there is one. */
  organisation: string | undefined;
  /** The person, when the post names one. */
  person: string | undefined;
  list: MemberListKind;
  /** Why the seat is here: `partnership chair`, `delegated safeguarding partners`, `chair of pqa`, … */
  roles: string[];
  span: Span;
}

export type Chair =
  | { kind: 'seat'; seat: string; role: RoleName | undefined; span: Span }
  | { kind: 'nominated'; by: string; span: Span }
  | { kind: 'independent'; appointedBy: RoleName; span: Span }
  | { kind: 'rotation'; organisations: string[]; span: Span };

export interface Cadence {
  first: Frequency;
  thereafter: Frequency | undefined;
  span: Span;
}

export type DeadlineUnit = 'day' | 'working day' | 'week';
export type DutyKind = 'agenda' | 'papers' | 'minutes' | 'other';

export interface Deadline {
  amount: number;
  unit: DeadlineUnit;
  relation: 'before' | 'after';
  /** How the bound was written: `at least`, `no later than`, … */
  bound: string | undefined;
  /** The words in the duty that state the deadline. */
  phrase: string;
}

export interface Duty {
  text: string;
  kind: DutyKind;
  deadline: Deadline | undefined;
  span: Span;
}

export interface Support {
  /** Who gives the support: "the Partnership Team". */
  by: string;
  duties: Duty[];
  prose: Prose;
  span: Span;
}

export interface Decisions {
  consensus: boolean;
  majorityOf: Who | undefined;
  span: Span;
}

export type AccountableTo = { kind: 'group'; group: string; span: Span } | { kind: 'role'; role: RoleName; span: Span };

export type GroupProseKey = 'purpose' | 'objectives' | 'key objectives' | 'responsibilities' | 'accountability' | 'membership' | 'summary';

export interface Group {
  id: string;
  title: string;
  kind: string | undefined;
  shortName: string | undefined;
  partOf: string | undefined;
  jointWith: string | undefined;
  accountableTo: AccountableTo | undefined;
  chair: Chair | undefined;
  chairSpec: ChairSpec | undefined;
  viceChair: string | undefined;
  seats: Seat[];
  deputies: { rules: DeputyRuleKind[]; span: Span } | undefined;
  cadence: Cadence | undefined;
  meetingsStart: { date: DateValue; arrangedYearAhead: boolean; span: Span } | undefined;
  quorum: { expr: QuorumExpr; span: Span } | undefined;
  ifInquorate: string | undefined;
  decisions: Decisions | undefined;
  review: { schedule: ReviewSchedule; span: Span } | undefined;
  prose: Partial<Record<GroupProseKey, Prose>>;
  support: Support | undefined;
  sections: Section[];
  span: Span;
}

export type { Frequency, Interval, Prose, QuorumExpr, ReviewSchedule, DateValue, RoleName, Who };
