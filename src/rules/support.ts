import type { Group, Model, Organisation, RoleName, Seat } from '../model/model.js';
import { roleSeats } from '../quorum/evaluate.js';

/** Helpers shared by several rules: questions about the model that rules ask in the same words. */

export function organisation(model: Model, id: string | undefined): Organisation | undefined {
  return id === undefined ? undefined : model.organisations.find((o) => o.id === id);
}

/** The kinds of the safeguarding partner organisations. */
export function partnerKinds(model: Model): Set<string> {
  return new Set(model.partnership.safeguardingPartners.map((id) => organisation(model, id)?.kind).filter((k): k is string => k !== undefined));
}

/** Whether the sources hold the published arrangements (sections), not only terms of reference. */
export function hasArrangements(model: Model): boolean {
  return model.sections.length > 0;
}

/** Groups that take decisions for the partnership: kind `executive`. */
export function isDecisionMaking(group: Group): boolean {
  return group.kind === 'executive';
}

/** Strategic groups: executives and boards. */
export function isStrategic(group: Group): boolean {
  return group.kind === 'executive' || group.kind === 'board';
}

/** Members who count for a quorum (observers never do). */
export function members(group: Group): Seat[] {
  return group.seats.filter((s) => s.list !== 'observers');
}

/** The group's title as a reader knows it: "the Executive Group". */
export function groupName(group: Group): string {
  return `the ${group.title}`;
}

/** The seat ids a role names for a group (its chair, the partnership's roles). */
export function roleSeatsOf(role: RoleName, group: Group, model: Model): string[] {
  return roleSeats(role, { group, model });
}

// ---- prose, sections and dates (added for the arrangements rules) ------------------------

import type { Span } from '../diagnostics/diagnostic.js';
import type { DateValue } from '../model/model.js';
import type { Prose as ProseBlock, ProseList } from '../syntax/ast.js';
import { joinLines } from '../syntax/prose.js';
import type { CivilDate } from './rule.js';

/** One piece of published text (a paragraph, a list item, a footnote or a section title) and where it was written. */
export interface ProseText {
  text: string;
  span: Span;
}

/** The texts of a prose block, in order: paragraphs, list items (nested ones too), footnotes and sub-sections. */
export function proseTexts(prose: ProseBlock | undefined): ProseText[] {
  const out: ProseText[] = [];
  const list = (l: ProseList): void => {
    for (const item of l.items) {
      out.push({ text: joinLines(item.lines), span: item.span });
      if (item.children) list(item.children);
    }
  };
  for (const item of prose?.items ?? []) {
    switch (item.kind) {
      case 'paragraph':
      case 'footnote':
        out.push({ text: joinLines(item.lines), span: item.span });
        break;
      case 'list':
        list(item);
        break;
      case 'section':
        out.push({ text: item.title.text, span: item.title.span });
        out.push(...proseTexts(item.body));
        break;
      case 'placeholder':
        break;
    }
  }
  return out;
}

/** Every section id of the published arrangements, sub-sections included. */
export function sectionIds(model: Model): Set<string> {
  const ids = new Set<string>();
  const walk = (prose: ProseBlock): void => {
    for (const item of prose.items) {
      if (item.kind !== 'section') continue;
      ids.add(item.id.name);
      walk(item.body);
    }
  };
  for (const s of model.sections) {
    ids.add(s.id);
    walk(s.body);
  }
  return ids;
}

/** Whether the arrangements have a section (or sub-section) with one of these ids. */
export function hasSection(model: Model, ...ids: string[]): boolean {
  const present = sectionIds(model);
  return ids.some((id) => present.has(id));
}

/** The placeholders written anywhere in the arrangements: `lead safeguarding partners`, `group executive`, … */
export function placeholders(model: Model): Set<string> {
  const names = new Set<string>();
  const walk = (prose: ProseBlock): void => {
    for (const item of prose.items) {
      if (item.kind === 'placeholder') names.add(item.argument ? `${item.name} ${item.argument.name}` : item.name);
      else if (item.kind === 'section') walk(item.body);
    }
  };
  for (const s of model.sections) walk(s.body);
  return names;
}

/** Whether one of these placeholders (`{lead safeguarding partners}` is `lead safeguarding partners`) is in the arrangements. */
export function hasPlaceholder(model: Model, ...names: string[]): boolean {
  const present = placeholders(model);
  return names.some((n) => present.has(n));
}

/**
 * The text of the published arrangements: every section (titles too), the relevant agencies and
 * functional links blocks, and the `summary:` of each group a `{group <id>}` or `{groups}` places there.
 */
export function arrangementsTexts(model: Model): ProseText[] {
  // Several rules search the same text; collect it once per model.
  const cached = arrangementsCache.get(model);
  if (cached) return cached;
  const out: ProseText[] = [];
  for (const s of model.sections) {
    out.push({ text: s.title, span: s.span });
    out.push(...proseTexts(s.body));
  }
  out.push(...proseTexts(model.partnership.relevantAgenciesProse), ...proseTexts(model.partnership.functionalLinksProse));
  const placed = placeholders(model);
  for (const g of model.groups) {
    if (placed.has(`group ${g.id}`) || (placed.has('groups') && g.partOf === undefined)) out.push(...proseTexts(g.prose.summary));
  }
  arrangementsCache.set(model, out);
  return out;
}

const arrangementsCache = new WeakMap<Model, ProseText[]>();

/** All the prose of a group's terms of reference: its prose blocks, support duties and extra sections. */
export function groupTexts(group: Group): ProseText[] {
  const out: ProseText[] = [];
  for (const prose of Object.values(group.prose)) out.push(...proseTexts(prose));
  out.push(...proseTexts(group.support?.prose));
  for (const s of group.sections) {
    out.push({ text: s.title, span: s.span });
    out.push(...proseTexts(s.body));
  }
  return out;
}

/** The first text that matches the pattern. */
export function findMention(texts: readonly ProseText[], pattern: RegExp): ProseText | undefined {
  return texts.find((t) => pattern.test(t.text));
}

/** The sentences of a text (split after `.`, `;`, `!` or `?`). */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.;!?])\s+/).filter((s) => s.trim().length > 0);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as the author would write it: `1 September 2019`, `September 2019`, `2019`. */
export function formatDate(date: { year: number; month?: number | undefined; day?: number | undefined }): string {
  const month = date.month === undefined ? undefined : MONTHS[date.month - 1];
  if (month === undefined) return String(date.year);
  return date.day === undefined ? `${month} ${date.year}` : `${date.day} ${month} ${date.year}`;
}

/** The last day a date can mean: a month means its last day, a year its 31 December. */
export function endOfDate(date: DateValue): CivilDate {
  const month = date.month ?? 12;
  const day = date.day ?? new Date(Date.UTC(date.year, month, 0)).getUTCDate();
  return { year: date.year, month, day };
}

/** Negative when a is earlier than b, zero when the same day, positive when later. */
export function compareDates(a: CivilDate, b: CivilDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

// ---- seats and deadlines (added for the group rules) -------------------------------------

import type { Deadline } from '../model/model.js';

/** What a reader calls a seat: the post's title, the unit's or the organisation's name. */
export function seatTitle(model: Model, id: string): string {
  const post = model.posts.find((p) => p.id === id);
  if (post) return post.title;
  const unit = model.units.find((u) => u.id === id);
  if (unit) return `${organisation(model, unit.organisation)?.name ?? unit.organisation}, ${unit.name}`;
  return organisation(model, id)?.name ?? id;
}

/** An organisation's name as written, or its id when it is not declared. */
export function organisationName(model: Model, id: string): string {
  return organisation(model, id)?.name ?? id;
}

/**
 * A deadline in working days: five to a week; calendar days are converted as days × 5/7,
 * rounded as asked (down for "before", to keep the promise; up for "after").
 */
export function workingDays(deadline: Deadline, rounding: 'down' | 'up' | 'exact' = 'exact'): number {
  if (deadline.unit === 'working day') return deadline.amount;
  if (deadline.unit === 'week') return deadline.amount * 5;
  const exact = (deadline.amount * 5) / 7;
  return rounding === 'down' ? Math.floor(exact) : rounding === 'up' ? Math.ceil(exact) : exact;
}

/** "5 working days", "1 working day". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// ---- prose patterns (added for the arrangements rules) ---------------------------------

/** Youth custody, secure settings and children's homes, as arrangements word them. */
export const YOUTH_CUSTODY =
  /\byouth custody\b|\bsecure (estate|settings?|units?|children[’']?s homes?|training cent(?:re|er)s?|schools?)\b|\byoung offender institutions?\b|\bchildren[’']?s homes?\b|\bresidential (settings?|homes?|care|special schools?)\b/i;

/** Looked-after children, as arrangements word them. */
export const LOOKED_AFTER = /\blooked[- ]after (children|child|young people)\b|\bchild(ren)? in care\b|\bcared[- ]for (children|young people)\b/i;

/** Escalation and the resolution of disputes or disagreements. */
export const ESCALATION = /\bescalat(e|es|ed|ing|ion|ions)\b|\bdisputes?\b|\bdisagreements?\b|\bresolution of (professional )?(conflict|differences)\b/i;
