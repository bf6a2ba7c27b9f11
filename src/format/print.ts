import type * as A from '../syntax/ast.js';
import type { Comment } from '../syntax/lexer.js';
import { MONTHS } from '../syntax/tokens.js';

/**
 * Prints a syntax tree in the one canonical layout: two spaces per level, one blank line
 * between declarations and between prose items, blank lines between statements kept
 * where the author had them, keywords in lower case. Prose lines and comments are
 * printed exactly as written; comments stay before the line they preceded.
 */
export function printFile(file: A.SourceFileNode, source: string): string {
  return new Printer(file.comments, blankLines(source)).file(file.declarations);
}

function blankLines(source: string): Set<number> {
  const blank = new Set<number>();
  const lines = source.split(/\r\n|\r|\n/);
  // Blank as the lexer sees it: spaces and tabs only (a line of no-break spaces is text).
  for (let i = 0; i < lines.length; i++) if (/^[ \t]*$/.test(lines[i]!)) blank.add(i + 1);
  return blank;
}

class Printer {
  private readonly out: string[] = [];
  private next = 0;

  constructor(
    private readonly comments: readonly Comment[],
    private readonly blank: ReadonlySet<number>,
  ) {}

  file(declarations: readonly A.Declaration[]): string {
    declarations.forEach((decl, k) => {
      if (k > 0) this.blankLine();
      this.declaration(decl);
    });
    this.flushComments(Infinity, 0, declarations.length > 0);
    while (this.out.length > 0 && this.out[this.out.length - 1] === '') this.out.pop();
    return this.out.length === 0 ? '' : this.out.join('\n') + '\n';
  }

  // ---- layout -----------------------------------------------------------------------------

  private line(indent: number, text: string): void {
    this.out.push(' '.repeat(indent) + text);
  }

  private blankLine(): void {
    if (this.out.length > 0 && this.out[this.out.length - 1] !== '') this.out.push('');
  }

  /** Prints the comments that come before `line`; keeps a blank line above each where the author had one. */
  private flushComments(line: number, indent: number, keepBlanks: boolean): void {
    while (this.next < this.comments.length && this.comments[this.next]!.line < line) {
      const comment = this.comments[this.next++]!;
      if (keepBlanks && this.blank.has(comment.line - 1)) this.blankLine();
      this.line(indent, `#${comment.text.trimEnd()}`);
    }
  }

  /** Starts a statement: its comments, then a blank line if the author left one above it. */
  private begin(span: A.Text['span'], indent: number, first: boolean): void {
    const before = this.out.length;
    this.flushComments(span.start.line, indent, !first);
    const commentsPrinted = this.out.length > before;
    if (!first && !commentsPrinted && this.blank.has(span.start.line - 1)) this.blankLine();
    else if (commentsPrinted && this.blank.has(span.start.line - 1)) this.blankLine();
  }

  // ---- declarations ------------------------------------------------------------------------

  private declaration(decl: A.Declaration): void {
    const before = this.out.length;
    this.flushComments(decl.span.start.line, 0, true);
    if (this.out.length > before && this.blank.has(decl.span.start.line - 1)) this.blankLine();
    switch (decl.kind) {
      case 'include':
        this.line(0, `include ${decl.path.text}`);
        return;
      case 'partnership':
        this.line(0, `partnership ${decl.id.name}: ${decl.name.text}`);
        this.statements(decl.body, 2, (s, indent) => this.partnershipStmt(s, indent));
        return;
      case 'organisation':
        this.line(0, `organisation ${decl.id.name}: ${decl.name.text}`);
        this.statements(decl.body, 2, (s, indent) => this.organisationStmt(s, indent));
        return;
      case 'post':
        this.post(decl, 0);
        return;
      case 'group':
        this.line(0, `group ${decl.id.name}: ${decl.title.text}`);
        this.statements(decl.body, 2, (s, indent) => this.groupStmt(s, indent));
        return;
      case 'section':
        this.section(decl, 0);
        return;
      case 'collaboration':
        this.line(0, `collaboration ${decl.id.name}: ${decl.name.text}`);
        this.statements(decl.body, 2, (s, indent) => this.field(s, indent));
        return;
    }
  }

  private statements<S extends { span: A.Text['span'] }>(body: readonly S[], indent: number, print: (s: S, indent: number) => void): void {
    body.forEach((stmt, k) => {
      this.begin(stmt.span, indent, k === 0);
      print(stmt, indent);
    });
  }

  private field(f: A.Field, indent: number): void {
    this.line(indent, `${f.key}: ${f.value.text}`);
  }

  private post(p: A.PostDecl, indent: number): void {
    this.line(indent, `post ${p.id.name}: ${p.title.text}`);
    if (p.heldBy) {
      this.flushComments(p.heldBy.span.start.line, indent + 2, false);
      this.line(indent + 2, `held by ${p.heldBy.text}`);
    }
  }

  private partnershipStmt(s: A.PartnershipStmt, indent: number): void {
    switch (s.kind) {
      case 'field':
        this.field(s, indent);
        return;
      case 'edition':
        this.line(indent, `follows Working Together ${s.year}`);
        return;
      case 'published':
        this.line(indent, `published ${date(s.date)}`);
        return;
      case 'review':
        this.line(indent, `reviewed ${review(s.schedule)}`);
        return;
      case 'roles':
        this.line(indent, `${s.role}: ${list(s.ids.map((i) => i.name))}`);
        return;
      case 'prose':
        this.proseField(s, indent);
        return;
    }
  }

  private organisationStmt(s: A.Field | A.UnitDecl | A.PostDecl, indent: number): void {
    if (s.kind === 'field') this.field(s, indent);
    else if (s.kind === 'unit') this.line(indent, `unit ${s.id.name}: ${s.name.text}`);
    else this.post(s, indent);
  }

  private groupStmt(s: A.GroupStmt, indent: number): void {
    switch (s.kind) {
      case 'field':
        this.field(s, indent);
        return;
      case 'prose':
        this.proseField(s, indent);
        return;
      case 'section':
        this.section(s, indent);
        return;
      case 'part of':
        this.line(indent, `part of ${s.collaboration.name}`);
        return;
      case 'accountable to':
        this.line(indent, `accountable to ${who(s.target)}`);
        return;
      case 'chair':
        this.line(indent, `chaired by ${chair(s.chair)}`);
        return;
      case 'rotation':
        this.line(indent, `chaired in yearly rotation by ${list(s.organisations.map((o) => o.name))}`);
        return;
      case 'vice chair':
        this.line(indent, `vice-chaired by ${who(s.who)}`);
        return;
      case 'member list':
        this.line(indent, `${s.list}:`);
        this.statements(s.items, indent + 2, (item, i) => this.line(i, `- ${member(item)}`));
        return;
      case 'deputies':
        this.line(indent, 'deputies:');
        this.statements(s.rules, indent + 2, (rule, i) => this.line(i, `- ${DEPUTY_TEXT[rule.rule]}`));
        return;
      case 'meets':
        this.line(indent, `meets ${frequency(s.first)}${s.thereafter ? ` in the first year, then ${frequency(s.thereafter)}` : ''}`);
        return;
      case 'meetings start':
        this.line(indent, `${s.arrangedYearAhead ? 'meetings are arranged a year in advance from' : 'meetings start'} ${date(s.date)}`);
        return;
      case 'quorum':
        this.line(indent, `quorate when ${quorum(s.expr)}`);
        return;
      case 'decides':
        this.line(indent, `decides ${decision(s)}`);
        return;
      case 'review':
        this.line(indent, `reviewed ${review(s.schedule)}`);
        return;
    }
  }

  // ---- prose ------------------------------------------------------------------------------

  private proseField(s: A.ProseField, indent: number): void {
    this.line(indent, s.key === 'support' ? `support from ${s.label?.text ?? ''}:` : `${s.key}:`);
    this.prose(s.prose, indent + 2);
  }

  private section(s: A.SectionDecl, indent: number): void {
    this.line(indent, `section ${s.id.name}: ${s.title.text}`);
    this.prose(s.body, indent + 2);
  }

  private prose(prose: A.Prose, indent: number): void {
    prose.items.forEach((item, k) => {
      this.flushComments(item.span.start.line, indent, k > 0);
      const previous = prose.items[k - 1];
      // A footnote runs on until a blank line, and sections stand apart; elsewhere keep the author's spacing.
      const apart = previous && (previous.kind === 'footnote' || previous.kind === 'section' || item.kind === 'section' || this.blank.has(item.span.start.line - 1));
      if (apart) this.blankLine();
      this.proseItem(item, indent);
    });
  }

  private proseItem(item: A.ProseItem, indent: number): void {
    switch (item.kind) {
      case 'paragraph':
        for (const l of item.lines) this.line(indent, l);
        return;
      case 'list':
        this.list(item, indent);
        return;
      case 'placeholder':
        this.line(indent, item.argument ? `{${item.name} ${item.argument.name}}` : `{${item.name}}`);
        return;
      case 'footnote':
        this.hanging(indent, `${item.marker} `, item.lines);
        return;
      case 'section':
        this.section(item, indent);
        return;
    }
  }

  private list(list: A.ProseList, indent: number): void {
    list.items.forEach((item, k) => {
      this.flushComments(item.span.start.line, indent, false);
      const marker = list.ordered ? `${ordinal(item.marker, k)} ` : '- ';
      this.hanging(indent, marker, item.lines);
      if (item.children) this.list(item.children, indent + marker.length);
    });
  }

  /** A first line after a marker, and continuation lines lined up under its text. */
  private hanging(indent: number, marker: string, lines: readonly string[]): void {
    // The lexer has already cut each line's indentation and trailing space; what is left (a no-break
    // space, a stray byte-order mark) is the author's text.
    lines.forEach((l, k) => this.line(k === 0 ? indent : indent + marker.length, k === 0 ? `${marker}${l}`.trimEnd() : l));
  }
}

// ---- structured values ------------------------------------------------------------------------

const DEPUTY_TEXT: Record<A.DeputyRuleKind, string> = {
  'same authority': 'must have the same decision-making authority',
  'one grade lower': 'at most one grade lower',
  'by exception': 'only by exception',
  'count towards quorum': 'count towards the quorum',
  'count only with full authority': 'count towards the quorum only with full delegated authority',
  'do not count': 'do not count towards the quorum',
};

/** "a", "a and b", "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function ordinal(marker: string, index: number): string {
  const close = marker.endsWith(')') ? ')' : '.';
  return `${index + 1}${close}`;
}

export function date(d: A.DateValue): string {
  if (d.month === undefined) return String(d.year);
  const month = MONTHS[d.month - 1]!;
  const name = month[0]!.toUpperCase() + month.slice(1);
  return d.day === undefined ? `${name} ${d.year}` : `${d.day} ${name} ${d.year}`;
}

function interval(i: A.Interval): string {
  if (i.every === 1 && i.unit === 'year') return 'annually';
  return i.every === 1 ? `every ${i.unit}` : `every ${i.every} ${i.unit}s`;
}

export function review(s: A.ReviewSchedule): string {
  if (s.kind === 'interval') return interval(s.interval);
  const dates = s.dates.map((d, k) => (k === 0 ? `in ${date(d)}` : `then in ${date(d)}`)).join(', ');
  if (!s.thenEvery) return dates;
  const every = s.thenEvery.every === 1 ? `every ${s.thenEvery.unit}` : `every ${s.thenEvery.every} ${s.thenEvery.unit}s`;
  return `${dates} and ${every}`;
}

export function frequency(f: A.Frequency): string {
  switch (f.kind) {
    case 'as required':
      return f.atLeast ? `as required but at least ${frequency(f.atLeast)}` : 'as required';
    case 'at least':
      return `at least ${frequency(f.frequency)}`;
    case 'every': {
      const named = NAMED_FREQUENCIES.get(`${f.count} ${f.unit}`);
      if (named) return named;
      return f.count === 1 ? `every ${f.unit}` : `every ${f.count} ${f.unit}s`;
    }
  }
}

const NAMED_FREQUENCIES: ReadonlyMap<string, string> = new Map([
  ['1 week', 'weekly'],
  ['1 month', 'monthly'],
  ['3 month', 'quarterly'],
  ['6 month', 'twice a year'],
  ['1 year', 'annually'],
]);

export function who(w: A.Who): string {
  return w.kind === 'id' ? w.id.name : `the ${w.role}`;
}

export function chair(c: A.ChairSpec): string {
  switch (c.kind) {
    case 'who':
      return who(c.who);
    case 'nominated':
      return `a member nominated by ${c.by.name}`;
    case 'independent':
      return `an independent chair appointed by the ${c.appointedBy}`;
  }
}

export function member(m: A.MemberItem): string {
  switch (m.kind) {
    case 'id':
      return m.id.name;
    case 'representative':
      return `a representative of ${m.organisation.name}`;
    case 'role':
      return `the ${m.role}`;
    case 'chairs':
      return m.groups.length === 1 ? `the chair of ${m.groups[0]!.name}` : `the chairs of ${list(m.groups.map((g) => g.name))}`;
  }
}

function decision(d: A.DecidesStmt): string {
  const vote = d.majorityOf ? `by a majority vote of ${who(d.majorityOf)}` : '';
  if (d.consensus) return vote ? `by consensus, otherwise ${vote}` : 'by consensus';
  return vote;
}

/** The canonical text of a quorum, ending `are present`. */
export function quorum(e: A.QuorumExpr): string {
  if (e.kind === 'and' && e.including) {
    const [first, ...rest] = e.terms;
    // "are present" ends the first term, so nothing after it can be read into it.
    return `${term(first!, undefined)} are present, including ${andList(rest)}`;
  }
  const text = expression(e);
  // "two thirds of the members, rounded up, are present": the rounding is an aside.
  return /rounded (up|down)$/.test(text) ? `${text}, are present` : `${text} are present`;
}

/** The canonical words of a quorum or one of its terms, without `are present`. */
export function quorumWords(e: A.QuorumExpr): string {
  return expression(e);
}

function expression(e: A.QuorumExpr): string {
  if (e.kind === 'and') return e.including ? `${term(e.terms[0]!, e.terms[1])}, including ${andList(e.terms.slice(1))}` : andList(e.terms);
  if (e.kind === 'or') return e.terms.map((t) => expression(t)).join(' or ');
  return term(e, undefined);
}

function andList(terms: readonly A.QuorumExpr[]): string {
  return list(terms.map((t, k) => term(t, terms[k + 1])));
}

/** One term; `next` is the term after it in an `and` list, if any. */
function term(e: A.QuorumExpr, next: A.QuorumExpr | undefined): string {
  switch (e.kind) {
    case 'and':
    case 'or':
      return expression(e);
    case 'brackets':
      return `(${expression(e.expr)})`;
    case 'count':
      return `${e.atLeast ? 'at least ' : ''}${e.count} members`;
    case 'fraction':
      return `${e.fraction.name} of the members${e.rounding ? `, rounded ${e.rounding}` : ''}`;
    case 'all':
      return e.count === undefined ? 'all members' : `all ${e.count} members`;
    case 'organisations':
      return `representatives of ${e.count} separate organisations`;
    case 'sectors':
      return `representatives of ${e.count} sectors`;
    case 'some of':
      return `${e.atLeast ? 'at least ' : ''}${e.count} of the ${e.role}`;
    case 'representative':
      return `a representative of ${e.organisation.name}`;
    case 'present':
      return who(e.who);
    case 'each of': {
      const items = e.organisations.map(who);
      const text = `one member from each of ${list(items)}`;
      // A one-name list would take a name after it as its own ("each of council, dcs"): keep it in
      // brackets then, and only then, so the tree reads back as it was.
      const swallows = items.length === 1 && e.organisations[0]!.kind === 'id' && next?.kind === 'present' && next.who.kind === 'id';
      return swallows ? `(${text})` : text;
    }
  }
}
