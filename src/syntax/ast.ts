import type { Span } from '../diagnostics/diagnostic.js';
import type { Comment } from './lexer.js';

/**
 * The typed syntax tree of one `.tor` file. Every node has the span of the source it
 * came from. Discriminated on `kind`. The tree says what was written; the resolver
 * (src/model) says what it means.
 */

export interface Id {
  name: string;
  span: Span;
}

export interface Text {
  text: string;
  span: Span;
}

export interface DateValue {
  year: number;
  month?: number;
  day?: number;
  span: Span;
}

// ---- prose ---------------------------------------------------------------------------

export interface Paragraph {
  kind: 'paragraph';
  /** The source lines, trimmed; published joined by spaces. */
  lines: string[];
  span: Span;
}

export interface ListItem {
  /** The source lines of the item's own text, the marker removed. */
  lines: string[];
  /** The marker as written: `-` or `1.`. */
  marker: string;
  children: ProseList | undefined;
  span: Span;
}

export interface ProseList {
  kind: 'list';
  ordered: boolean;
  items: ListItem[];
  span: Span;
}

export interface Placeholder {
  kind: 'placeholder';
  /** `relevant agencies`, `group`, … */
  name: string;
  /** The argument, for `{group executive}`. */
  argument: Id | undefined;
  span: Span;
}

export interface FootnoteDefinition {
  kind: 'footnote';
  /** `*`, `**` or `[1]`. */
  marker: string;
  lines: string[];
  span: Span;
}

export type ProseItem = Paragraph | ProseList | Placeholder | FootnoteDefinition | SectionDecl;

export interface Prose {
  items: ProseItem[];
  span: Span;
}

// ---- declarations ----------------------------------------------------------------------

export interface SourceFileNode {
  path: string;
  declarations: Declaration[];
  comments: Comment[];
  /**
   * Names declared in a declaration whose first line could not be read (`orgnisation schools:`
   * and the posts under it). Its syntax error explains them; references to them are not reported
   * again as unknown. Absent when every declaration was read.
   */
  unread?: string[];
}

export type Declaration =
  | PartnershipDecl
  | OrganisationDecl
  | PostDecl
  | GroupDecl
  | SectionDecl
  | CollaborationDecl
  | IncludeDecl;

export interface IncludeDecl {
  kind: 'include';
  path: Text;
  span: Span;
}

export type FieldKey = 'short name' | 'document title' | 'area' | 'kind' | 'joint with' | 'if inquorate';

export interface Field {
  kind: 'field';
  key: FieldKey;
  value: Text;
  span: Span;
}

export type ProseKey =
  | 'purpose'
  | 'objectives'
  | 'key objectives'
  | 'responsibilities'
  | 'accountability'
  | 'membership'
  | 'summary'
  | 'relevant agencies'
  | 'functional links'
  | 'support';

export interface ProseField {
  kind: 'prose';
  key: ProseKey;
  /** For `support from <who>:`, who gives the support. */
  label: Text | undefined;
  prose: Prose;
  span: Span;
}

export type Edition = 2018 | 2023 | 2026;

export interface EditionStmt {
  kind: 'edition';
  year: number;
  span: Span;
}

export interface PublishedStmt {
  kind: 'published';
  date: DateValue;
  span: Span;
}

export type PeriodUnit = 'month' | 'year';

export interface Interval {
  every: number;
  unit: PeriodUnit;
}

export type ReviewSchedule =
  | { kind: 'interval'; interval: Interval }
  | { kind: 'dates'; dates: DateValue[]; thenEvery: Interval | undefined };

export interface ReviewStmt {
  kind: 'review';
  schedule: ReviewSchedule;
  span: Span;
}

export type PartnershipRole =
  | 'safeguarding partners'
  | 'lead safeguarding partners'
  | 'delegated safeguarding partners'
  | 'partnership chair'
  | 'independent scrutineer';

export interface RoleAssignment {
  kind: 'roles';
  role: PartnershipRole;
  ids: Id[];
  span: Span;
}

export type PartnershipStmt = Field | ProseField | EditionStmt | PublishedStmt | ReviewStmt | RoleAssignment;

export interface PartnershipDecl {
  kind: 'partnership';
  id: Id;
  name: Text;
  body: PartnershipStmt[];
  span: Span;
}

export interface UnitDecl {
  kind: 'unit';
  id: Id;
  name: Text;
  span: Span;
}

export interface PostDecl {
  kind: 'post';
  id: Id;
  title: Text;
  heldBy: Text | undefined;
  span: Span;
}

export interface OrganisationDecl {
  kind: 'organisation';
  id: Id;
  name: Text;
  body: Array<Field | UnitDecl | PostDecl>;
  span: Span;
}

export interface CollaborationDecl {
  kind: 'collaboration';
  id: Id;
  name: Text;
  body: Field[];
  span: Span;
}

export interface SectionDecl {
  kind: 'section';
  id: Id;
  title: Text;
  body: Prose;
  span: Span;
}

// ---- groups -----------------------------------------------------------------------------

/** People named by their role in the partnership rather than by post. */
export type RoleName =
  | 'partnership chair'
  | 'independent scrutineer'
  | 'chair'
  | 'lead safeguarding partners'
  | 'delegated safeguarding partners'
  | 'safeguarding partners'
  | 'members';

export type Who = { kind: 'role'; role: RoleName; span: Span } | { kind: 'id'; id: Id; span: Span };

export type ChairSpec =
  | { kind: 'who'; who: Who; span: Span }
  | { kind: 'nominated'; by: Id; span: Span }
  | { kind: 'independent'; appointedBy: RoleName; span: Span };

export interface ChairStmt {
  kind: 'chair';
  chair: ChairSpec;
  span: Span;
}

export interface RotationStmt {
  kind: 'rotation';
  organisations: Id[];
  span: Span;
}

export interface ViceChairStmt {
  kind: 'vice chair';
  who: Who;
  span: Span;
}

export type MemberItem =
  | { kind: 'role'; role: RoleName; span: Span }
  | { kind: 'id'; id: Id; span: Span }
  | { kind: 'representative'; organisation: Id; span: Span }
  | { kind: 'chairs'; groups: Id[]; span: Span };

export type MemberListKind = 'members' | 'executive members' | 'non-executive members' | 'observers';

export interface MemberList {
  kind: 'member list';
  list: MemberListKind;
  items: MemberItem[];
  span: Span;
}

export type DeputyRuleKind =
  | 'same authority'
  | 'one grade lower'
  | 'by exception'
  | 'count towards quorum'
  | 'count only with full authority'
  | 'do not count';

export interface DeputyRule {
  rule: DeputyRuleKind;
  span: Span;
}

export interface DeputiesStmt {
  kind: 'deputies';
  rules: DeputyRule[];
  span: Span;
}

export type Frequency =
  | { kind: 'every'; count: number; unit: 'week' | 'month' | 'year'; span: Span }
  | { kind: 'as required'; atLeast: Frequency | undefined; span: Span }
  | { kind: 'at least'; frequency: Frequency; span: Span };

export interface MeetsStmt {
  kind: 'meets';
  /** `first` applies in the first year when `thereafter` is set. */
  first: Frequency;
  thereafter: Frequency | undefined;
  span: Span;
}

export interface MeetingsStartStmt {
  kind: 'meetings start';
  date: DateValue;
  /** Written as "meetings are arranged a year in advance from …". */
  arrangedYearAhead: boolean;
  span: Span;
}

export type Fraction = { numerator: number; denominator: number; name: string };

export type QuorumExpr =
  | { kind: 'and'; terms: QuorumExpr[]; including: boolean; span: Span }
  | { kind: 'or'; terms: QuorumExpr[]; span: Span }
  | { kind: 'count'; count: number; atLeast: boolean; span: Span }
  | { kind: 'fraction'; fraction: Fraction; rounding: 'up' | 'down' | undefined; span: Span }
  | { kind: 'all'; count: number | undefined; span: Span }
  | { kind: 'organisations'; count: number; span: Span }
  | { kind: 'sectors'; count: number; span: Span }
  | { kind: 'some of'; count: number; atLeast: boolean; role: RoleName; span: Span }
  | { kind: 'each of'; organisations: Who[]; span: Span }
  | { kind: 'representative'; organisation: Id; span: Span }
  | { kind: 'present'; who: Who; span: Span }
  | { kind: 'brackets'; expr: QuorumExpr; span: Span };

export interface QuorumStmt {
  kind: 'quorum';
  expr: QuorumExpr;
  span: Span;
}

export interface DecidesStmt {
  kind: 'decides';
  consensus: boolean;
  majorityOf: Who | undefined;
  span: Span;
}

export interface PartOfStmt {
  kind: 'part of';
  collaboration: Id;
  span: Span;
}

export interface AccountableToStmt {
  kind: 'accountable to';
  target: Who;
  span: Span;
}

export type GroupStmt =
  | Field
  | ProseField
  | SectionDecl
  | PartOfStmt
  | AccountableToStmt
  | ChairStmt
  | RotationStmt
  | ViceChairStmt
  | MemberList
  | DeputiesStmt
  | MeetsStmt
  | MeetingsStartStmt
  | QuorumStmt
  | DecidesStmt
  | ReviewStmt;

export interface GroupDecl {
  kind: 'group';
  id: Id;
  title: Text;
  body: GroupStmt[];
  span: Span;
}
