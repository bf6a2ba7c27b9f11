import { date as dateText } from '../../format/print.js';
import type { Cadence, Chair, Decisions, Frequency, Group, QuorumExpr, ReviewSchedule, RoleName, Who } from '../../model/model.js';
import type { DeputyRuleKind } from '../../syntax/ast.js';
import { concat, text } from './inline.js';
import type { Names } from './names.js';
import type { Inline, LinkTarget } from './types.js';
import { capitalise, count, listAnd, numberWords, ordinal } from './words.js';

/**
 * Generated sentences: the structured statements of a group said the way terms of reference
 * say them ("The Executive Group will meet quarterly."). Numbers under ten are in words;
 * organisations, posts and groups by name; groups and roles link to where they are described.
 */

/** Where the published documents describe things, for links. */
export interface Places {
  /** Groups that have a page of their own. */
  pages: ReadonlySet<string>;
  /** Anchors in the arrangements: `role:<role>` for a role placeholder, `group:<id>` for a group's description. */
  anchors: ReadonlyMap<string, string>;
  /** The slug of the arrangements. */
  index: string;
}

/** The slug of the arrangements. */
export const INDEX_SLUG = 'index';

/** The slug of a group's page: its id (a group called `index` would clash with the arrangements). */
export function pageSlug(groupId: string): string {
  return groupId === INDEX_SLUG ? `${groupId}-group` : groupId;
}

export function href(target: LinkTarget): string {
  return `${target.slug}.html${target.anchor ? `#${target.anchor}` : ''}`;
}

export function internalLink(label: string, target: LinkTarget, from: string): Inline {
  if (target.slug === from) return { kind: 'link', text: label, href: `#${target.anchor ?? ''}`, internal: target };
  return { kind: 'link', text: label, href: href(target), internal: target };
}

export class Writer {
  constructor(
    readonly names: Names,
    readonly places: Places,
    /** The document being written. */
    readonly slug: string,
  ) {}

  /** A group's name, linked to its page unless it is this page. */
  group(id: string, label: string = this.names.groupTitle(id)): Inline {
    if (pageSlug(id) === this.slug || !this.places.pages.has(id)) return { kind: 'text', text: label };
    return internalLink(label, { slug: pageSlug(id) }, this.slug);
  }

  /** "the Executive Group" with the name linked. */
  theGroup(id: string): Inline[] {
    const title = this.names.groupTitle(id);
    return /^the\s/i.test(title) ? [this.group(id)] : concat('the ', this.group(id));
  }

  /** "The Executive Group", unlinked: the subject of a sentence on its own page. */
  subject(g: Group): string {
    return this.names.theGroup(g.id);
  }

  /** "the delegated safeguarding partners", linked to where the arrangements name them. */
  role(role: RoleName | string): Inline[] {
    const words = role === 'members' ? 'all members' : `the ${role}`;
    const anchor = this.places.anchors.get(`role:${role}`);
    if (anchor === undefined || this.slug === this.places.index) return text(words);
    const link = internalLink(role, { slug: this.places.index, anchor }, this.slug);
    return role === 'members' ? text(words) : concat('the ', link);
  }

  who(w: Who): Inline[] {
    return w.kind === 'role' ? this.role(w.role) : text(this.names.phrase(w.id.name));
  }

  // ---- chair ---------------------------------------------------------------------------------

  /** Who chairs the group, as the object of "is chaired by"; undefined for a rotation or no chair. */
  chair(g: Group): Inline[] | undefined {
    const c: Chair | undefined = g.chair;
    if (!c) return undefined;
    switch (c.kind) {
      case 'seat':
        return c.role ? this.role(c.role) : text(this.names.postPhrase(c.seat));
      case 'nominated':
        return concat('a member of the partnership nominated by ', this.theGroup(c.by));
      case 'independent':
        return concat('an independent chair appointed by ', this.role(c.appointedBy));
      case 'rotation':
        return undefined;
    }
  }

  /** "The chair of the X rotates yearly between A, B and C: A chairs in the first year, …". */
  rotation(g: Group): Inline[] | undefined {
    if (g.chair?.kind !== 'rotation') return undefined;
    const orgs = g.chair.organisations.map((o) => this.names.organisation(o));
    if (orgs.length === 0) return undefined;
    const turns = orgs.map((o, i) => (i === 0 ? `${o} chairs in the first year` : `${o} in the ${ordinal(i + 1)} year`));
    return text(
      `The chair of the ${this.names.groupTitle(g.id).replace(/^the\s+/i, '')} rotates yearly between ${listAnd(orgs)}: ${listAnd(turns)}, and the cycle then repeats every ${count(orgs.length, 'year')}.`,
    );
  }

  // ---- meetings ------------------------------------------------------------------------------

  /** "quarterly", "every two months in the first year, then as required but at least quarterly". */
  cadence(c: Pick<Cadence, 'first' | 'thereafter'>): string {
    return c.thereafter ? `${frequency(c.first)} in the first year, then ${frequency(c.thereafter)}` : frequency(c.first);
  }

  meetings(g: Group): string[] {
    const out: string[] = [];
    if (g.cadence) out.push(`${this.subject(g)} will meet ${this.cadence(g.cadence)}.`);
    const start = g.meetingsStart;
    if (start) {
      const when = start.date.day === undefined ? `in ${dateText(start.date)}` : `on ${dateText(start.date)}`;
      out.push(start.arrangedYearAhead ? `Meetings are arranged a year in advance, starting ${when}.` : `Meetings start ${when}.`);
    }
    return out;
  }

  // ---- quorum --------------------------------------------------------------------------------

  /** "The Executive Group is quorate when one member from each of … are present." */
  quorum(g: Group): string | undefined {
    if (!g.quorum) return undefined;
    return `${this.subject(g)} is quorate when ${this.quorumClause(g.quorum.expr)}.`;
  }

  /** The condition in words, ending "are present" (or "is present" for one person). */
  quorumClause(e: QuorumExpr): string {
    if (e.kind === 'and' && e.including && e.terms.length > 1) {
      const [first, ...rest] = e.terms;
      return `${this.term(first!)} are present, including ${listAnd(rest.map((t) => this.term(t)))}`;
    }
    return `${this.term(e)} ${this.singular(e) ? 'is' : 'are'} present`;
  }

  private singular(e: QuorumExpr): boolean {
    if (e.kind === 'representative') return true;
    if (e.kind === 'present') {
      if (e.who.kind === 'id') return true;
      return e.who.role === 'partnership chair' || e.who.role === 'independent scrutineer' || e.who.role === 'chair';
    }
    return false;
  }

  private term(e: QuorumExpr): string {
    switch (e.kind) {
      case 'and':
        return e.including ? `${this.term(e.terms[0]!)}, including ${listAnd(e.terms.slice(1).map((t) => this.term(t)))}` : listAnd(e.terms.map((t) => this.term(t)));
      case 'or':
        return e.terms.map((t) => this.term(t)).join(' or ');
      case 'brackets':
        return `(${this.term(e.expr)})`;
      case 'count':
        return `at least ${count(e.count, 'member')}`;
      case 'fraction':
        return `${e.fraction.name} of the members${e.rounding ? ` (rounded ${e.rounding})` : ''}`;
      case 'all':
        return e.count === undefined ? 'all members' : `all ${numberWords(e.count)} members`;
      case 'organisations':
        return `representatives of ${numberWords(e.count)} separate organisations`;
      case 'sectors':
        return `representatives of ${numberWords(e.count)} sectors`;
      case 'some of':
        return `${e.atLeast ? 'at least ' : ''}${numberWords(e.count)} of the ${e.role}`;
      case 'each of': {
        const items = e.organisations.map((w) => {
          if (w.kind === 'id') return this.names.place(w.id.name);
          if (w.role === 'safeguarding partners') {
            const partners = this.names.model.partnership.safeguardingPartners.map((o) => this.names.organisation(o));
            return partners.length > 0 ? `the safeguarding partners (${listAnd(partners)})` : 'the safeguarding partners';
          }
          return `the ${w.role}`;
        });
        return `one member from each of ${listAnd(items)}`;
      }
      case 'representative':
        return `a representative of ${this.names.place(e.organisation.name)}`;
      case 'present':
        if (e.who.kind === 'id') return this.names.phrase(e.who.id.name);
        return e.who.role === 'members' ? 'all members' : `the ${e.who.role}`;
    }
  }

  // ---- deputies, decisions, review -------------------------------------------------------------

  deputies(g: Group): string[] {
    return (g.deputies?.rules ?? []).map((rule) => DEPUTY_SENTENCES[rule]);
  }

  decisions(g: Group): string[] {
    const d: Decisions | undefined = g.decisions;
    if (!d) return [];
    const vote = d.majorityOf ? `a majority vote of ${whoWords(d.majorityOf, this.names)}` : undefined;
    if (d.consensus && vote) {
      return [
        'Wherever possible, decisions will be made by consensus.',
        `Where this is not possible, decisions of the ${this.names.groupTitle(g.id).replace(/^the\s+/i, '')} will be taken by ${vote}.`,
      ];
    }
    if (d.consensus) return ['Decisions will be made by consensus.'];
    return vote ? [`Decisions will be taken by ${vote}.`] : [];
  }

  /** "annually", "in December 2025, then in 2028 and every three years thereafter". */
  review(s: ReviewSchedule): string {
    if (s.kind === 'interval') return interval(s.interval.every, s.interval.unit);
    const dates = s.dates.map((d, k) => `${k === 0 ? '' : 'then '}in ${dateText(d)}`);
    if (!s.thenEvery) return dates.join(', ');
    return `${dates.join(', ')} and ${interval(s.thenEvery.every, s.thenEvery.unit)} thereafter`;
  }

  /** "a joint subgroup with the IOW Safeguarding Adults Board". */
  joint(g: Group): string | undefined {
    if (!g.jointWith) return undefined;
    return `${this.subject(g)} is a joint ${kindNoun(g.kind)} with ${g.jointWith}.`;
  }

  capitalised(content: Inline[]): Inline[] {
    const first = content[0];
    if (first?.kind === 'text') return [{ kind: 'text', text: capitalise(first.text) }, ...content.slice(1)];
    return content;
  }
}

const DEPUTY_SENTENCES: Record<DeputyRuleKind, string> = {
  'same authority': 'Any member delegating to another colleague must ensure their deputy has the same decision-making authority.',
  'one grade lower': 'Any deputy should be of the same grade or one grade lower within their organisational structure.',
  'by exception': 'Sending a deputy is acceptable only by exception.',
  'count towards quorum': 'Deputies count towards the quorum.',
  'count only with full authority': 'A deputy counts towards the quorum only if they have full delegated authority.',
  'do not count': 'Deputies do not count towards the quorum.',
};

function whoWords(w: Who, names: Names): string {
  if (w.kind === 'id') return names.phrase(w.id.name);
  return w.role === 'members' ? 'the members' : `the ${w.role}`;
}

const NAMED: ReadonlyMap<string, string> = new Map([
  ['1 week', 'weekly'],
  ['1 month', 'monthly'],
  ['3 month', 'quarterly'],
  ['6 month', 'twice a year'],
  ['1 year', 'annually'],
]);

/** "quarterly", "every six weeks", "as required but at least quarterly". */
export function frequency(f: Frequency): string {
  switch (f.kind) {
    case 'as required':
      return f.atLeast ? `as required but at least ${frequency(f.atLeast)}` : 'as required';
    case 'at least':
      return `at least ${frequency(f.frequency)}`;
    case 'every':
      return NAMED.get(`${f.count} ${f.unit}`) ?? (f.count === 1 ? `every ${f.unit}` : `every ${numberWords(f.count)} ${f.unit}s`);
  }
}

function interval(every: number, unit: 'month' | 'year'): string {
  if (every === 1) return unit === 'year' ? 'annually' : 'monthly';
  return `every ${numberWords(every)} ${unit}s`;
}

/** "subgroup", "board", "group". */
export function kindNoun(kind: string | undefined): string {
  switch (kind) {
    case 'subgroup':
    case 'board':
    case 'task and finish group':
      return kind;
    case 'multi-agency child protection team':
      return 'team';
    default:
      return 'group';
  }
}
