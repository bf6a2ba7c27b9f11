import fc from 'fast-check';
import type * as A from '../../src/syntax/ast.js';
import { MONTHS, NUMBER_WORDS } from '../../src/syntax/tokens.js';
import { Random } from './random.js';

/**
 * Writes a syntax tree as `.tor` source, the way an author might: keywords in any case,
 * any of a phrase's spellings, extra spaces, any indentation step, comments anywhere,
 * blank lines, trailing spaces, CRLF or CR line ends, a byte-order mark. It shares no
 * code with the formatter's printer, so it can disagree with it.
 */
export interface Style {
  seed: number;
  /** Spaces per indentation level. */
  step: number;
  keywordCase: 'lower' | 'title' | 'upper' | 'mixed';
  /** Spaces between the words of a structured line. */
  gap: string;
  eol: '\n' | '\r\n' | '\r';
  bom: boolean;
  /** Chance of a comment line before any line. */
  comments: number;
  /** Chance of an extra blank line where blank lines mean nothing. */
  blanks: number;
  trailingSpaces: boolean;
  /** Choose among spellings (`yearly` for `annually`, digits or words, ISO dates). */
  variants: boolean;
}

/** The canonical style: what `tor fmt` would write, give or take spelling. */
export const PLAIN: Style = { seed: 1, step: 2, keywordCase: 'lower', gap: ' ', eol: '\n', bom: false, comments: 0, blanks: 0, trailingSpaces: false, variants: false };

export const style: fc.Arbitrary<Style> = fc.record({
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
  step: fc.integer({ min: 1, max: 4 }),
  keywordCase: fc.constantFrom('lower', 'title', 'upper', 'mixed'),
  gap: fc.constantFrom(' ', '  '),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  bom: fc.boolean(),
  comments: fc.constantFrom(0, 0.05, 0.2),
  blanks: fc.constantFrom(0, 0.2),
  trailingSpaces: fc.boolean(),
  variants: fc.boolean(),
});

type Blank = 'never' | 'may' | 'must';

interface Line {
  indent: number;
  text: string;
  /** Whether a blank line may, must or must not come before this one. */
  blank: Blank;
}

const COMMENT_TEXTS = [' keep me', ' TODO: check with the chair', '', ' # twice', ' note —  spacing   kept', 'no space', ' members: not a statement', ' - not a bullet'];

export function render(declarations: readonly A.Declaration[], s: Style): string {
  return new Renderer(s).file(declarations);
}

class Renderer {
  private readonly lines: Line[] = [];
  private readonly random: Random;

  constructor(private readonly s: Style) {
    this.random = new Random(s.seed);
  }

  file(declarations: readonly A.Declaration[]): string {
    declarations.forEach((d) => this.declaration(d));
    const out: string[] = [];
    for (const line of this.lines) {
      if (line.blank === 'must' || (line.blank === 'may' && this.random.chance(this.s.blanks))) out.push('');
      if (this.random.chance(this.s.comments)) out.push(' '.repeat(this.random.int(0, 6)) + '#' + this.random.pick(COMMENT_TEXTS));
      const trailing = this.s.trailingSpaces && this.random.chance(0.3) ? ' '.repeat(this.random.int(1, 3)) : '';
      out.push(' '.repeat(line.indent) + line.text + trailing);
    }
    if (this.random.chance(this.s.comments)) out.push('#' + this.random.pick(COMMENT_TEXTS));
    return (this.s.bom ? '\ufeff' : '') + out.join(this.s.eol) + (this.random.chance(0.8) ? this.s.eol : '');
  }

  // ---- words ---------------------------------------------------------------------------------

  private emit(indent: number, text: string, blank: Blank = 'may'): void {
    this.lines.push({ indent, text, blank });
  }

  private choose<T>(canonical: T, ...others: T[]): T {
    return this.s.variants && others.length > 0 && this.random.chance(0.5) ? this.random.pick(others) : canonical;
  }

  /** A keyword phrase in the style's case, its words joined by the style's gap. */
  private kw(phrase: string): string {
    return phrase
      .split(' ')
      .map((w) => this.cased(w))
      .join(this.s.gap);
  }

  private cased(word: string): string {
    const mode = this.s.keywordCase === 'mixed' ? this.random.pick(['lower', 'title', 'upper'] as const) : this.s.keywordCase;
    if (mode === 'upper') return word.toUpperCase();
    if (mode === 'title') return word.charAt(0).toUpperCase() + word.slice(1);
    return word;
  }

  /** `key: value`, with the colon as the style puts it. */
  private keyed(key: string, value: string): string {
    return `${this.kw(key)}${this.choose('', ' ')}:${this.s.gap}${value}`;
  }

  private number(n: number): string {
    const word = [...NUMBER_WORDS].find(([, v]) => v === n)?.[0];
    return word && this.s.variants && this.random.chance(0.4) ? this.cased(word) : String(n);
  }

  private nameList(names: readonly string[]): string {
    return names.map((n, k) => (k === 0 ? n : `${this.choose(', ', ` ${this.kw('and')} `, `, ${this.kw('and')} `)}${n}`)).join('');
  }

  private date(d: A.DateValue): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    if (d.day !== undefined && d.month !== undefined && this.s.variants && this.random.chance(0.4)) return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
    const month = d.month === undefined ? '' : `${this.cased(MONTHS[d.month - 1]!)}${this.s.gap}`;
    const day = d.day === undefined ? '' : `${d.day}${this.s.gap}`;
    return `${day}${month}${d.year}`;
  }

  // ---- declarations ----------------------------------------------------------------------------

  private declaration(d: A.Declaration): void {
    switch (d.kind) {
      case 'include':
        this.emit(0, `${this.kw('include')}${this.s.gap}${d.path.text}`);
        return;
      case 'partnership':
        this.emit(0, `${this.kw('partnership')} ${d.id.name}: ${d.name.text}`);
        for (const stmt of d.body) this.partnershipStmt(stmt, this.s.step);
        return;
      case 'organisation':
        this.emit(0, `${this.kw(this.choose('organisation', 'organization'))} ${d.id.name}: ${d.name.text}`);
        for (const stmt of d.body) {
          if (stmt.kind === 'field') this.emit(this.s.step, this.keyed(stmt.key, stmt.value.text));
          else if (stmt.kind === 'unit') this.emit(this.s.step, `${this.kw('unit')} ${stmt.id.name}: ${stmt.name.text}`);
          else this.post(stmt, this.s.step);
        }
        return;
      case 'post':
        this.post(d, 0);
        return;
      case 'group':
        this.emit(0, `${this.kw('group')} ${d.id.name}: ${d.title.text}`);
        for (const stmt of d.body) this.groupStmt(stmt, this.s.step);
        return;
      case 'section':
        this.section(d, 0, false);
        return;
      case 'collaboration':
        this.emit(0, `${this.kw('collaboration')} ${d.id.name}: ${d.name.text}`);
        for (const f of d.body) this.emit(this.s.step, this.keyed(f.key, f.value.text));
        return;
    }
  }

  private post(p: A.PostDecl, indent: number): void {
    this.emit(indent, `${this.kw('post')} ${p.id.name}: ${p.title.text}`);
    if (p.heldBy) this.emit(indent + this.s.step, `${this.kw('held by')}${this.s.gap}${p.heldBy.text}`);
  }

  private partnershipStmt(s: A.PartnershipStmt, indent: number): void {
    switch (s.kind) {
      case 'field':
        this.emit(indent, this.keyed(s.key, s.value.text));
        return;
      case 'prose':
        this.emit(indent, `${this.kw(s.key)}:`);
        this.prose(s.prose, indent + this.s.step, false);
        return;
      case 'edition':
        this.emit(indent, `${this.kw('follows working together')}${this.s.gap}${s.year}`);
        return;
      case 'published':
        this.emit(indent, `${this.kw('published')}${this.s.gap}${this.date(s.date)}`);
        return;
      case 'review':
        this.emit(indent, `${this.kw('reviewed')}${this.s.gap}${this.review(s.schedule)}`);
        return;
      case 'roles':
        this.emit(indent, this.keyed(s.role, this.nameList(s.ids.map((i) => i.name))));
        return;
    }
  }

  private interval(i: A.Interval, named: boolean): string {
    if (named && i.every === 1 && i.unit === 'year' && this.random.chance(0.5)) return this.kw(this.choose('annually', 'yearly'));
    const unit = i.every === 1 ? this.choose(i.unit, `${i.unit}s`) : `${i.unit}s`;
    const count = i.every === 1 ? this.choose('', `${this.number(1)}${this.s.gap}`) : `${this.number(i.every)}${this.s.gap}`;
    return `${this.kw('every')}${this.s.gap}${count}${this.kw(unit)}`;
  }

  private review(r: A.ReviewSchedule): string {
    if (r.kind === 'interval') return this.interval(r.interval, true);
    const dates = r.dates.map((d, k) => `${k === 0 ? '' : `${this.choose(',', '')} ${this.kw('then')} `}${this.kw('in')}${this.s.gap}${this.date(d)}`).join('');
    return r.thenEvery ? `${dates} ${this.kw('and')} ${this.interval(r.thenEvery, false)}` : dates;
  }

  // ---- groups ----------------------------------------------------------------------------------

  private groupStmt(s: A.GroupStmt, indent: number): void {
    const line = (text: string) => this.emit(indent, text);
    switch (s.kind) {
      case 'field':
        line(this.keyed(s.key === 'if inquorate' ? this.choose('if inquorate', 'if not quorate') : s.key, s.value.text));
        return;
      case 'prose':
        line(s.key === 'support' ? `${this.kw('support from')}${this.s.gap}${s.label!.text}${this.choose('', ' ')}:` : `${this.kw(s.key)}:`);
        this.prose(s.prose, indent + this.s.step, false);
        return;
      case 'section':
        this.section(s, indent, false);
        return;
      case 'part of':
        line(`${this.kw('part of')} ${s.collaboration.name}`);
        return;
      case 'accountable to':
        line(`${this.kw('accountable to')} ${this.who(s.target)}`);
        return;
      case 'chair':
        line(`${this.kw('chaired by')} ${this.chair(s.chair)}`);
        return;
      case 'rotation':
        line(`${this.kw('chaired in yearly rotation by')} ${this.nameList(s.organisations.map((o) => o.name))}`);
        return;
      case 'vice chair':
        line(`${this.kw('vice-chaired by')} ${this.who(s.who)}`);
        return;
      case 'member list':
        line(`${this.kw(s.list)}:`);
        for (const item of s.items) this.emit(indent + this.s.step, `-${this.s.gap}${this.member(item)}`);
        return;
      case 'deputies':
        line(`${this.kw('deputies')}:`);
        for (const rule of s.rules) this.emit(indent + this.s.step, `-${this.s.gap}${this.kw(DEPUTY_WORDS[rule.rule])}`);
        return;
      case 'meets': {
        const then = s.thereafter ? ` ${this.kw('in the first year')}${this.choose(',', '')} ${this.kw('then')} ${this.frequency(s.thereafter)}` : '';
        line(`${this.kw('meets')} ${this.frequency(s.first)}${then}`);
        return;
      }
      case 'meetings start':
        line(`${this.kw(s.arrangedYearAhead ? 'meetings are arranged a year in advance from' : 'meetings start')} ${this.date(s.date)}`);
        return;
      case 'quorum':
        line(`${this.kw('quorate when')} ${this.quorum(s.expr)}`);
        return;
      case 'decides': {
        const vote = s.majorityOf ? `${this.kw('by a majority vote of')} ${this.who(s.majorityOf)}` : '';
        const words = s.consensus ? (vote ? `${this.kw('by consensus')}${this.choose(',', '')} ${this.kw('otherwise')} ${vote}` : this.kw('by consensus')) : vote;
        line(`${this.kw('decides')} ${words}`);
        return;
      }
      case 'review':
        line(`${this.kw('reviewed')} ${this.review(s.schedule)}`);
        return;
    }
  }

  private who(w: A.Who): string {
    return w.kind === 'id' ? w.id.name : `${this.kw('the')} ${this.kw(w.role)}`;
  }

  private chair(c: A.ChairSpec): string {
    if (c.kind === 'who') return this.who(c.who);
    if (c.kind === 'nominated') return `${this.kw('a member nominated by')} ${c.by.name}`;
    return `${this.kw('an independent chair appointed by')} ${this.kw('the')} ${this.kw(c.appointedBy)}`;
  }

  private member(m: A.MemberItem): string {
    switch (m.kind) {
      case 'id':
        return m.id.name;
      case 'representative':
        return `${this.kw('a representative of')} ${m.organisation.name}`;
      case 'role':
        return `${this.kw('the')} ${this.kw(m.role)}`;
      case 'chairs':
        if (m.groups.length === 1) return `${this.kw('the')} ${this.kw(this.choose('chair of', 'chairs of'))} ${m.groups[0]!.name}`;
        return `${this.kw('the')} ${this.kw('chairs of')} ${this.nameList(m.groups.map((g) => g.name))}`;
    }
  }

  private frequency(f: A.Frequency): string {
    switch (f.kind) {
      case 'as required':
        return f.atLeast ? `${this.kw('as required')} ${this.kw('but at least')} ${this.frequency(f.atLeast)}` : this.kw('as required');
      case 'at least':
        return `${this.kw('at least')} ${this.frequency(f.frequency)}`;
      case 'every': {
        const named = NAMED.get(`${f.count} ${f.unit}`);
        if (named && (!this.s.variants || this.random.chance(0.5))) return this.kw(named === 'annually' ? this.choose('annually', 'yearly') : named);
        const unit = f.count === 1 ? this.choose(f.unit, `${f.unit}s`) : `${f.unit}s`;
        const count = f.count === 1 ? this.choose('', `${this.number(1)} `) : `${this.number(f.count)} `;
        return `${this.kw('every')} ${count}${this.kw(unit)}`;
      }
    }
  }

  // ---- quorum ---------------------------------------------------------------------------------

  private quorum(e: A.QuorumExpr): string {
    const ending = this.choose(' are present', ' is present', ' attend', ' attends', ' are in attendance', ', are present', '');
    if (e.kind === 'and' && e.including && this.random.chance(0.5)) {
      // "… are present, including …": the first term, then the rest.
      const [first, ...rest] = e.terms;
      const tail: A.QuorumExpr = rest.length === 1 ? rest[0]! : { kind: 'and', terms: rest, including: false, span: e.span };
      return `${this.term(first!)} ${this.kw('are present')}, ${this.kw('including')} ${this.andList(tail)}`;
    }
    return `${this.orList(e)}${ending.replace(/[a-z][a-z ]*/, (w) => this.kw(w))}`;
  }

  private orList(e: A.QuorumExpr): string {
    if (e.kind !== 'or') return this.andList(e);
    return e.terms.map((t) => this.andList(t)).join(` ${this.kw('or')} `);
  }

  private andList(e: A.QuorumExpr): string {
    if (e.kind !== 'and') return this.term(e);
    const including = e.including ? this.random.int(0, e.terms.length - 2) : -1;
    return e.terms
      .map((t, k) => {
        if (k === 0) return this.term(t);
        const after = e.terms[k - 1]!;
        // After an `each of` list, a comma would add the next name to the list.
        const commaOk = !(after.kind === 'each of' && t.kind === 'present' && t.who.kind === 'id');
        const separators = k - 1 === including ? [`, ${this.kw('including')} `, ` ${this.kw('including')} `] : [` ${this.kw('and')} `, `, ${this.kw('and')} `, ...(commaOk ? [', '] : [])];
        return `${this.s.variants ? this.random.pick(separators) : separators[0]}${this.term(t)}`;
      })
      .join('');
  }

  private term(e: A.QuorumExpr): string {
    const members = () => this.kw(this.choose('members', 'of the members'));
    switch (e.kind) {
      case 'and':
      case 'or':
        throw new Error(`an ${e.kind} term is always in brackets`);
      case 'brackets':
        return `(${this.orList(e.expr)})`;
      case 'count':
        return `${e.atLeast ? `${this.kw('at least')} ` : ''}${this.number(e.count)} ${members()}`;
      case 'fraction': {
        const name = this.kw(this.choose(e.fraction.name, ...(FRACTION_SPELLINGS[e.fraction.name] ?? [])));
        return `${name} ${this.kw('of the members')}${e.rounding ? `${this.choose(',', '')} ${this.kw(`rounded ${e.rounding}`)}` : ''}`;
      }
      case 'all':
        return `${this.kw('all')} ${e.count === undefined ? '' : `${this.number(e.count)} `}${members()}`;
      case 'organisations':
        return `${this.kw('representatives of')} ${this.number(e.count)} ${this.kw(this.choose('separate organisations', 'separate agencies', 'different organisations', 'different agencies'))}`;
      case 'sectors':
        return `${this.kw('representatives of')} ${this.number(e.count)} ${this.kw('sectors')}`;
      case 'some of':
        return `${e.atLeast ? `${this.kw('at least')} ` : ''}${this.number(e.count)} ${this.kw('of')} ${this.kw('the')} ${this.kw(e.role)}`;
      case 'each of': {
        const head = this.kw(this.choose('one member from each of', 'a member from each of', 'a representative of each of'));
        const only = e.organisations[0]!;
        if (only.kind === 'role') return `${head} ${this.who(only)}`;
        const names = e.organisations.map((o) => (o.kind === 'id' ? o.id.name : ''));
        const last = names.length > 1 ? `${this.choose('', ',')} ${this.kw('and')} ${names[names.length - 1]}` : '';
        return `${head} ${names.slice(0, names.length > 1 ? -1 : 1).join(', ')}${last}`;
      }
      case 'representative':
        return `${this.kw('a representative of')} ${e.organisation.name}`;
      case 'present':
        return this.who(e.who);
    }
  }

  // ---- prose -----------------------------------------------------------------------------------

  private section(s: A.SectionDecl, indent: number, nested: boolean): void {
    // Inside prose only a lower-case `section` starts a sub-section.
    this.emit(indent, `${nested ? 'section' : this.kw('section')} ${s.id.name}: ${s.title.text}`, nested ? 'must' : 'may');
    this.prose(s.body, indent + this.s.step, true);
  }

  private prose(p: A.Prose, indent: number, sections: boolean): void {
    p.items.forEach((item, k) => {
      const before = p.items[k - 1];
      const apart: Blank = k === 0 ? 'never' : (before!.kind === 'paragraph' && item.kind === 'paragraph') || before!.kind === 'footnote' || before!.kind === 'section' || item.kind === 'section' ? 'must' : 'may';
      switch (item.kind) {
        case 'paragraph':
          item.lines.forEach((l, n) => this.emit(n === 0 ? indent : indent + this.jitter(), l, n === 0 ? apart : 'never'));
          return;
        case 'list':
          this.list(item, indent, apart);
          return;
        case 'placeholder': {
          const inner = item.argument ? `${this.cased('group')} ${item.argument.name}` : item.name.split(' ').map((w) => this.cased(w)).join(this.s.gap);
          const pad = this.choose('', ' ');
          this.emit(indent, `{${pad}${inner}${pad}}`, apart);
          return;
        }
        case 'footnote':
          item.lines.forEach((l, n) => this.emit(n === 0 ? indent : indent + item.marker.length + 1 + this.jitter(), n === 0 ? `${item.marker} ${l}` : l, n === 0 ? apart : 'never'));
          return;
        case 'section':
          if (!sections) throw new Error('a sub-section outside a section');
          this.section(item, indent, true);
          return;
      }
    });
  }

  private jitter(): number {
    return this.s.variants ? this.random.int(0, 2) : 0;
  }

  private list(l: A.ProseList, column: number, first: Blank): void {
    l.items.forEach((item, k) => {
      const head = item.lines[0] === '' ? item.marker : `${item.marker}${this.choose(' ', '  ')}${item.lines[0]}`;
      this.emit(column, head, k === 0 ? first : 'may');
      const textColumn = column + item.marker.length + 1;
      for (const more of item.lines.slice(1)) this.emit(textColumn + this.jitter(), more, 'never');
      if (item.children) this.list(item.children, this.s.variants ? column + this.random.int(1, item.marker.length + 2) : textColumn, 'never');
    });
  }
}

const DEPUTY_WORDS: Record<A.DeputyRuleKind, string> = {
  'same authority': 'must have the same decision-making authority',
  'one grade lower': 'at most one grade lower',
  'by exception': 'only by exception',
  'count towards quorum': 'count towards the quorum',
  'count only with full authority': 'count towards the quorum only with full delegated authority',
  'do not count': 'do not count towards the quorum',
};

const NAMED: ReadonlyMap<string, string> = new Map([
  ['1 week', 'weekly'],
  ['1 month', 'monthly'],
  ['3 month', 'quarterly'],
  ['6 month', 'twice a year'],
  ['1 year', 'annually'],
]);

const FRACTION_SPELLINGS: Readonly<Record<string, string[]>> = {
  'a third': ['one third'],
  'two thirds': ['two-thirds'],
  'three quarters': ['three-quarters'],
};
