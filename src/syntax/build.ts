import type { CstNode, IToken, TokenType } from 'chevrotain';
import { diagnostic, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/suggest.js';
import type * as A from './ast.js';
import { type Comment, declarationPieces, lexLines, splitLines } from './lexer.js';
import { parseLine, type LineRule } from './parser.js';
import { MAX_LIST_DEPTH, readProse, type ProsePiece } from './prose.js';
import { explainSyntaxError } from './syntax-errors.js';
import * as T from './tokens.js';

/** A structured line and the block indented under it. */
interface LineNode {
  kind: 'line';
  tokens: IToken[];
  newline: IToken;
  children: BlockPiece[] | undefined;
}

type BlockPiece = LineNode | { kind: 'prose-line'; token: IToken } | { kind: 'prose-blank'; token: IToken };

export interface BuildResult {
  ast: A.SourceFileNode;
  diagnostics: Diagnostic[];
}

/** Lexes, parses and builds the typed tree of one file. Never throws on bad input. */
export function buildFile(path: string, text: string): BuildResult {
  const lines = splitLines(text);
  const builder = new AstBuilder(path, text);
  const declarations: A.Declaration[] = [];
  const comments: Comment[] = [];
  for (const [from, to] of declarationPieces(text, lines)) {
    const lexed = lexLines(text, path, lines, from, to);
    builder.diagnostics.push(...lexed.diagnostics);
    for (const declaration of builder.file(layoutTree(lexed.tokens))) declarations.push(declaration);
    for (const comment of lexed.comments) comments.push(comment);
  }
  const ast: A.SourceFileNode = { path, declarations, comments };
  if (builder.unread.length > 0) ast.unread = builder.unread;
  return { ast, diagnostics: builder.diagnostics };
}

/**
 * Groups lines into blocks by their Indent/Dedent tokens. Iterative, with the open blocks on
 * a stack of its own: a file indented ten thousand levels deep must not exhaust the call stack.
 */
function layoutTree(tokens: readonly IToken[]): BlockPiece[] {
  const root: BlockPiece[] = [];
  const open: BlockPiece[][] = [root];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const out = open[open.length - 1]!;
    if (t.tokenType === T.Dedent) {
      i++;
      if (open.length > 1) open.pop();
      continue;
    }
    if (t.tokenType === T.ProseLine || t.tokenType === T.ProseBlank) {
      out.push(t.tokenType === T.ProseLine ? { kind: 'prose-line', token: t } : { kind: 'prose-blank', token: t });
      i++;
      continue;
    }
    const lineTokens: IToken[] = [];
    while (i < tokens.length && tokens[i]!.tokenType !== T.Newline) lineTokens.push(tokens[i++]!);
    const newline = tokens[i++]!;
    const indented = tokens[i]?.tokenType === T.Indent;
    const children: BlockPiece[] | undefined = indented ? [] : undefined;
    out.push({ kind: 'line', tokens: lineTokens, newline, children });
    if (children) {
      i++;
      open.push(children);
    }
  }
  return root;
}

const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export const ORGANISATION_KINDS: readonly string[] = [
  'local authority', 'integrated care board', 'clinical commissioning group', 'police',
  'police and crime commissioner', 'education', 'early years', 'health provider', 'public health',
  'voluntary sector', 'probation', 'youth justice', 'prison', 'fire and rescue', 'faith', 'housing',
  'sport', 'partnership', 'other',
];
export const GROUP_KINDS: readonly string[] = ['executive', 'board', 'subgroup', 'task and finish group', 'multi-agency child protection team'];
const FIELD_KEYS: Record<'partnership' | 'organisation' | 'group' | 'collaboration', readonly A.FieldKey[]> = {
  partnership: ['short name', 'document title', 'area'],
  organisation: ['kind', 'short name'],
  group: ['kind', 'short name', 'joint with', 'if inquorate'],
  collaboration: ['short name', 'area'],
};

const ROLE_TOKENS: ReadonlyArray<[TokenType, A.RoleName]> = [
  [T.KwPartnershipChair, 'partnership chair'],
  [T.KwIndependentScrutineer, 'independent scrutineer'],
  [T.KwChair, 'chair'],
  [T.KwLeadPartners, 'lead safeguarding partners'],
  [T.KwDelegatedPartners, 'delegated safeguarding partners'],
  [T.KwSafeguardingPartners, 'safeguarding partners'],
  [T.KwMembers, 'members'],
];

const FRACTIONS: ReadonlyArray<[TokenType, A.Fraction]> = [
  [T.KwHalf, { numerator: 1, denominator: 2, name: 'half' }],
  [T.KwAMajority, { numerator: 1, denominator: 2, name: 'a majority' }],
  [T.KwAThird, { numerator: 1, denominator: 3, name: 'a third' }],
  [T.KwTwoThirds, { numerator: 2, denominator: 3, name: 'two thirds' }],
  [T.KwThreeQuarters, { numerator: 3, denominator: 4, name: 'three quarters' }],
];

/**
 * The parser, the printer and the quorum evaluator all recurse into brackets, so a line nested
 * thousands deep would exhaust the stack; no real rule needs more than a few levels.
 */
export const MAX_BRACKET_DEPTH = 32;

function bracketDepth(lineTokens: readonly IToken[]): number {
  let depth = 0;
  let deepest = 0;
  for (const t of lineTokens) {
    if (t.tokenType === T.LParen) deepest = Math.max(deepest, ++depth);
    else if (t.tokenType === T.RParen) depth--;
  }
  return deepest;
}

function tokens(cst: CstNode, type: TokenType): IToken[] {
  return (cst.children[type.name] as IToken[] | undefined) ?? [];
}
function token(cst: CstNode, type: TokenType): IToken | undefined {
  return tokens(cst, type)[0];
}
function nodes(cst: CstNode, rule: string): CstNode[] {
  return (cst.children[rule] as CstNode[] | undefined) ?? [];
}
function child(cst: CstNode, rule: string): CstNode | undefined {
  return nodes(cst, rule)[0];
}
/**
 * The first and last token under a CST node, without building a list. It runs for every title,
 * name and span the builder reads, so it walks with an explicit stack rather than a closure
 * made on each call.
 */
function tokenRange(cst: CstNode): [IToken, IToken] {
  let first: IToken | undefined;
  let last: IToken | undefined;
  const pending: CstNode[] = [cst];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const children = node.children;
    for (const key in children) {
      const elements = children[key]!;
      for (let k = 0; k < elements.length; k++) {
        const element = elements[k]!;
        if ('tokenType' in element) {
          if (first === undefined || element.startOffset < first.startOffset) first = element;
          if (last === undefined || element.startOffset > last.startOffset) last = element;
        } else pending.push(element);
      }
    }
  }
  return [first!, last!];
}

/** The keyword token a rule starts with (its first token). */
function firstToken(cst: CstNode): IToken {
  return tokenRange(cst)[0];
}

class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];
  /** See SourceFileNode.unread. */
  readonly unread: string[] = [];

  constructor(
    private readonly path: string,
    private readonly source: string,
  ) {}

  // ---- spans and messages ------------------------------------------------------------

  span(first: IToken, last: IToken = first): Span {
    const endOffset = (last.endOffset ?? last.startOffset) + 1;
    return {
      file: this.path,
      start: { line: first.startLine ?? 1, column: first.startColumn ?? 1, offset: first.startOffset },
      end: { line: last.endLine ?? first.startLine ?? 1, column: (last.endColumn ?? 0) + 1, offset: endOffset },
    };
  }

  cstSpan(cst: CstNode): Span {
    const [first, last] = tokenRange(cst);
    return this.span(first, last);
  }

  lineSpan(line: LineNode): Span {
    return this.span(line.tokens[0] ?? line.newline, line.tokens[line.tokens.length - 1] ?? line.newline);
  }

  /** The span of a line and everything indented under it. */
  blockSpan(line: LineNode): Span {
    const head = this.lineSpan(line);
    const last = lastToken(line);
    return last ? { ...head, end: this.span(last).end } : head;
  }

  error(code: string, span: Span, message: string, hint?: string): void {
    this.diagnostics.push(diagnostic(code, 'error', span, message, hint));
  }

  lineText(line: LineNode): string {
    const first = line.tokens[0];
    if (!first) return '';
    return this.source.slice(first.startOffset, line.newline.startOffset).trim();
  }

  /** Parses one line with the rule for its context; reports and returns undefined on error. */
  parse(line: LineNode, rule: LineRule): CstNode | undefined {
    const depth = bracketDepth(line.tokens);
    if (depth > MAX_BRACKET_DEPTH) {
      this.error(
        'syntax/too-deep',
        this.lineSpan(line),
        `Brackets are nested ${depth} deep here; tor reads at most ${MAX_BRACKET_DEPTH} levels.`,
        'Write the rule with fewer brackets: `and` binds tighter than `or`, so `a and b or c` needs none.',
      );
      return undefined;
    }
    const { cst, errors } = parseLine(line.tokens, rule);
    if (errors.length === 0) return cst;
    const first = errors[0]!;
    this.diagnostics.push(explainSyntaxError(first, rule, this.lineText(line), this.lineSpan(line), (t) => this.span(t)));
    return undefined;
  }

  text(cst: CstNode | undefined): A.Text {
    const [first, last] = tokenRange(cst!);
    return { text: this.source.slice(first.startOffset, (last.endOffset ?? first.startOffset) + 1), span: this.span(first, last) };
  }

  id(cst: CstNode | undefined, declaring?: string): A.Id {
    const t = firstToken(cst!);
    const id = { name: t.image, span: this.span(t) };
    // Sections are never referred to, so their names may be words of the language; other names may not.
    if (declaring !== undefined && declaring !== 'section' && t.tokenType !== T.Word) {
      this.error('syntax/reserved-name', id.span, `\`${t.image}\` is a word of the tor language, so it cannot name ${declaring === 'organisation' ? 'an' : 'a'} ${declaring}.`, `Choose another name, e.g. \`${t.image.toLowerCase()}-${declaring}\`.`);
    }
    if (!ID_PATTERN.test(t.image)) {
      const suggestion = t.image.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
      this.error(
        'syntax/bad-name',
        id.span,
        `\`${t.image}\` is not a valid name: names are lower-case letters, digits and hyphens.`,
        ID_PATTERN.test(suggestion) ? `Write \`${suggestion}\`.` : 'Start with a letter, e.g. `council`.',
      );
    }
    return id;
  }

  ids(cst: CstNode | undefined): A.Id[] {
    return cst ? nodes(cst, 'name').map((n) => this.id(n)) : [];
  }

  number(cst: CstNode): number {
    const t = token(cst, T.NumberLiteral) ?? token(cst, T.NumberWord)!;
    return /^\d+$/.test(t.image) ? Number(t.image) : T.NUMBER_WORDS.get(t.image.toLowerCase())!;
  }

  noChildren(line: LineNode, what: string): void {
    const first = line.children?.find((p) => p.kind === 'line' || p.kind === 'prose-line');
    if (!first) return;
    const t = first.kind === 'line' ? (first.tokens[0] ?? first.newline) : first.token;
    this.error('syntax/unexpected-block', this.span(t), `Lines are indented under \`${what}\`, which does not open a block.`, 'Line them up with the statement above, or remove the extra indentation.');
  }

  needsChildren(line: LineNode, what: string, example: string): boolean {
    if (line.children && line.children.some((p) => p.kind !== 'prose-blank')) return true;
    this.error('syntax/empty-block', this.lineSpan(line), `\`${what}\` opens a block, but nothing is indented under it.`, `Indent its contents under it, e.g.\n    ${what}\n      ${example}`);
    return false;
  }

  // ---- files and declarations ------------------------------------------------------------

  file(pieces: BlockPiece[]): A.Declaration[] {
    const out: A.Declaration[] = [];
    for (const piece of pieces) {
      if (piece.kind !== 'line') continue;
      const decl = this.declaration(piece);
      if (decl) out.push(decl);
    }
    return out;
  }

  declaration(line: LineNode): A.Declaration | undefined {
    const cst = this.parse(line, 'topLine');
    if (!cst) {
      this.noteUnread(line);
      return undefined;
    }
    const include = token(cst, T.KwInclude);
    if (include) {
      this.noChildren(line, this.lineText(line));
      return { kind: 'include', path: this.text(child(cst, 'text')), span: this.lineSpan(line) };
    }
    const header = child(cst, 'declarationHeader')!;
    const id = this.id(child(header, 'declaredName'), firstToken(header).tokenType.name.slice(1, -1));
    const title = this.text(child(header, 'text'));
    const span = this.blockSpan(line);
    const children = line.children ?? [];
    if (token(header, T.KwPartnership)) return { kind: 'partnership', id, name: title, body: this.partnershipBody(children), span };
    if (token(header, T.KwOrganisation)) return { kind: 'organisation', id, name: title, body: this.organisationBody(children), span };
    if (token(header, T.KwGroup)) return { kind: 'group', id, title, body: this.groupBody(children), span };
    if (token(header, T.KwSection)) return { kind: 'section', id, title, body: this.prose(line), span };
    if (token(header, T.KwPost)) return this.post(line, id, title);
    return { kind: 'collaboration', id, name: title, body: this.collaborationBody(children), span };
  }

  /**
   * The names a declaration that could not be read would have declared: its own (`<word> <name>:`)
   * and those of the `post` and `unit` lines under it, so that one misspelt keyword gives one error
   * rather than one more for every use of those names.
   */
  noteUnread(line: LineNode): void {
    const [, name, colon] = line.tokens;
    if (name && colon?.tokenType === T.Colon) this.unread.push(name.image);
    const pending: BlockPiece[] = [...(line.children ?? [])];
    for (let piece = pending.pop(); piece !== undefined; piece = pending.pop()) {
      if (piece.kind !== 'line') continue;
      const [keyword, declared] = piece.tokens;
      if (declared && (keyword?.tokenType === T.KwPost || keyword?.tokenType === T.KwUnit)) this.unread.push(declared.image);
      pending.push(...(piece.children ?? []));
    }
  }

  post(line: LineNode, id: A.Id, title: A.Text): A.PostDecl {
    let heldBy: A.Text | undefined;
    for (const piece of line.children ?? []) {
      if (piece.kind !== 'line') continue;
      const cst = this.parse(piece, 'postLine');
      if (!cst) continue;
      this.noChildren(piece, this.lineText(piece));
      if (heldBy) this.error('syntax/duplicate', this.lineSpan(piece), `The post \`${id.name}\` already says who holds it.`, 'Keep one `held by` line.');
      heldBy = this.text(child(cst, 'text'));
    }
    return { kind: 'post', id, title, heldBy, span: this.blockSpan(line) };
  }

  lines(pieces: BlockPiece[]): LineNode[] {
    const out: LineNode[] = [];
    for (const p of pieces) {
      if (p.kind === 'line') out.push(p);
      else if (p.kind === 'prose-line') {
        this.error('syntax/stray-text', this.span(p.token), 'This text is not part of any statement.', 'Put prose under a header such as `purpose:`, or in a `section`.');
      }
    }
    return out;
  }

  field(cst: CstNode, context: keyof typeof FIELD_KEYS, line: LineNode): A.Field | undefined {
    const keyToken = firstToken(cst);
    const key = keyToken.tokenType.name.slice(1, -1) as A.FieldKey;
    const span = this.lineSpan(line);
    if (!FIELD_KEYS[context].includes(key)) {
      this.error('syntax/misplaced', span, `\`${key}:\` does not belong in ${article(context)} ${context}.`, `${article(context, true)} ${context} can have: ${FIELD_KEYS[context].map((k) => `\`${k}:\``).join(', ')}.`);
      return undefined;
    }
    const value = this.text(child(cst, 'text'));
    if (key === 'kind') this.checkEnum(value, context === 'group' ? GROUP_KINDS : ORGANISATION_KINDS, context === 'group' ? 'kind of group' : 'kind of organisation');
    this.noChildren(line, this.lineText(line));
    return { kind: 'field', key, value, span };
  }

  checkEnum(value: A.Text, allowed: readonly string[], what: string): void {
    const normal = value.text.toLowerCase().replace(/\s+/g, ' ').trim();
    if (allowed.includes(normal)) return;
    const best = closest(normal, allowed);
    this.error(
      'syntax/unknown-value',
      value.span,
      `\`${value.text}\` is not a ${what}${best ? ` — did you mean \`${best}\`?` : '.'}`,
      `Use one of: ${allowed.map((k) => `\`${k}\``).join(', ')}.`,
    );
  }

  proseField(cst: CstNode, line: LineNode): A.ProseField | undefined {
    const keyToken = firstToken(cst);
    const key = keyToken.tokenType.name.slice(1, -1) as A.ProseKey;
    const what = this.lineText(line);
    if (!this.needsChildren(line, what, 'The text, as it should read.')) return undefined;
    return { kind: 'prose', key, label: undefined, prose: this.prose(line), span: this.blockSpan(line) };
  }

  /** The prose block under a line, with nested `section` lines read as sub-sections. */
  prose(line: LineNode): A.Prose {
    const pieces: ProsePiece[] = [];
    for (const p of line.children ?? []) {
      if (p.kind === 'prose-line') pieces.push({ kind: 'line', token: p.token });
      else if (p.kind === 'prose-blank') pieces.push({ kind: 'blank', token: p.token });
      else {
        const cst = this.parse(p, 'sectionHeader');
        if (!cst) continue;
        pieces.push({ kind: 'section', decl: { kind: 'section', id: this.id(child(cst, 'declaredName')), title: this.text(child(cst, 'text')), body: this.prose(p), span: this.blockSpan(p) } });
      }
    }
    let reported = false;
    const tooDeep = (item: Span): void => {
      if (reported) return;
      reported = true;
      this.error('syntax/too-deep', item, `This list item is nested more than ${MAX_LIST_DEPTH} lists deep; tor reads at most ${MAX_LIST_DEPTH}.`, 'Indent it less, or make the deepest items sentences of the item above.');
    };
    return readProse(pieces, this.blockSpan(line), (t) => this.span(t), tooDeep);
  }

  // ---- partnership ----------------------------------------------------------------------

  partnershipBody(pieces: BlockPiece[]): A.PartnershipStmt[] {
    const out: A.PartnershipStmt[] = [];
    for (const line of this.lines(pieces)) {
      const cst = this.parse(line, 'partnershipLine');
      if (!cst) continue;
      const stmt = this.partnershipStmt(cst, line);
      if (stmt) out.push(stmt);
    }
    return out;
  }

  partnershipStmt(cst: CstNode, line: LineNode): A.PartnershipStmt | undefined {
    const span = this.lineSpan(line);
    const f = child(cst, 'field');
    if (f) return this.field(f, 'partnership', line);
    const prose = child(cst, 'proseHeader');
    if (prose) {
      const key = firstToken(prose).tokenType;
      if (key !== T.KwRelevantAgencies && key !== T.KwFunctionalLinks) {
        this.error('syntax/misplaced', span, `\`${this.lineText(line)}\` belongs in a group.`, 'A partnership can have `relevant agencies:` and `functional links:` blocks; other prose goes in a `section`.');
        return undefined;
      }
      return this.proseField(prose, line);
    }
    this.noChildren(line, this.lineText(line));
    const edition = child(cst, 'edition');
    if (edition) {
      const t = token(edition, T.NumberLiteral)!;
      const year = Number(t.image);
      if (year !== 2018 && year !== 2023 && year !== 2026) {
        this.error('syntax/unknown-edition', this.span(t), `There is no Working Together ${t.image} edition that tor knows.`, 'Write `follows Working Together 2018`, `2023` or `2026`.');
        return undefined;
      }
      return { kind: 'edition', year, span };
    }
    const published = child(cst, 'published');
    if (published) {
      const date = this.date(child(published, 'date')!);
      return date ? { kind: 'published', date, span } : undefined;
    }
    const reviewed = child(cst, 'reviewed');
    if (reviewed) return this.review(reviewed, span);
    const roles = child(cst, 'roleAssignment')!;
    const role = firstToken(roles).tokenType.name.slice(1, -1) as A.PartnershipRole;
    const ids = this.ids(child(roles, 'nameList'));
    if ((role === 'partnership chair' || role === 'independent scrutineer') && ids.length > 1) {
      this.error('syntax/one-only', span, `Name one post as the ${role}.`, 'If the role is shared, name the post that holds it now.');
    }
    return { kind: 'roles', role, ids, span };
  }

  review(cst: CstNode, span: Span): A.ReviewStmt | undefined {
    if (token(cst, T.KwAnnually)) return { kind: 'review', schedule: { kind: 'interval', interval: { every: 1, unit: 'year' } }, span };
    const intervals = nodes(cst, 'reviewInterval').map((n) => this.interval(n));
    const dateNodes = nodes(cst, 'date');
    if (dateNodes.length === 0) {
      const interval = intervals[0];
      return interval ? { kind: 'review', schedule: { kind: 'interval', interval }, span } : undefined;
    }
    const dates: A.DateValue[] = [];
    for (const n of dateNodes) {
      const d = this.date(n);
      if (!d) return undefined;
      dates.push(d);
    }
    return { kind: 'review', schedule: { kind: 'dates', dates, thenEvery: intervals[0] }, span };
  }

  interval(cst: CstNode): A.Interval | undefined {
    const n = child(cst, 'number');
    const every = n ? this.number(n) : 1;
    const plural = token(cst, T.KwYears) ?? token(cst, T.KwMonths);
    const unitToken = plural ?? token(cst, T.KwYear) ?? token(cst, T.KwMonth)!;
    const unit: A.PeriodUnit = unitToken.tokenType === T.KwYear || unitToken.tokenType === T.KwYears ? 'year' : 'month';
    if (!this.agrees(every, !!plural, unitToken, unit)) return undefined;
    return { every, unit };
  }

  /** "every 2 month" and "every 1 months" are both mistakes worth a message. */
  agrees(count: number, plural: boolean, unitToken: IToken, unit: string): boolean {
    if (count === 1 || plural) return true;
    this.error('syntax/plural', this.span(unitToken), `\`every ${count} ${unitToken.image}\` needs the plural — did you mean \`every ${count} ${unit}s\`?`, `Write \`every ${count} ${unit}s\`.`);
    return false;
  }

  date(cst: CstNode): A.DateValue | undefined {
    const span = this.cstSpan(cst);
    const iso = token(cst, T.IsoDate);
    let year: number;
    let month: number | undefined;
    let day: number | undefined;
    if (iso) {
      [year, month, day] = iso.image.split('-').map(Number) as [number, number, number];
    } else {
      const labelled = (label: string) => (cst.children[label] as IToken[] | undefined)?.[0];
      const monthToken = token(cst, T.Month);
      const dayToken = labelled('day');
      year = Number(labelled('year')!.image);
      if (monthToken) month = T.MONTHS.indexOf(monthToken.image.toLowerCase()) + 1;
      if (dayToken) day = Number(dayToken.image);
    }
    if (year < 1900 || year > 2200) {
      this.error('syntax/bad-date', span, `${year} is not a year tor can use.`, 'Write a four-digit year, e.g. `2025`.');
      return undefined;
    }
    if (month !== undefined && (month < 1 || month > 12)) {
      this.error('syntax/bad-date', span, `\`${this.source.slice(span.start.offset, span.end.offset)}\` has no month ${month}.`, 'Months run from 01 to 12.');
      return undefined;
    }
    if (day !== undefined && month !== undefined) {
      const days = daysInMonth(year, month);
      if (day < 1 || day > days) {
        this.error('syntax/bad-date', span, `${T.MONTHS[month - 1]![0]!.toUpperCase()}${T.MONTHS[month - 1]!.slice(1)} ${year} has ${days} days, so day ${day} is not a date.`, 'Check the day of the month.');
        return undefined;
      }
    }
    const value: A.DateValue = { year, span };
    if (month !== undefined) value.month = month;
    if (day !== undefined) value.day = day;
    return value;
  }

  // ---- organisations, collaborations ------------------------------------------------------

  organisationBody(pieces: BlockPiece[]): Array<A.Field | A.UnitDecl | A.PostDecl> {
    const out: Array<A.Field | A.UnitDecl | A.PostDecl> = [];
    for (const line of this.lines(pieces)) {
      const cst = this.parse(line, 'organisationLine');
      if (!cst) continue;
      const f = child(cst, 'field');
      if (f) {
        const field = this.field(f, 'organisation', line);
        if (field) out.push(field);
        continue;
      }
      const decl = child(cst, 'memberDeclaration')!;
      const id = this.id(child(decl, 'declaredName'), token(decl, T.KwUnit) ? 'unit' : 'post');
      const name = this.text(child(decl, 'text'));
      if (token(decl, T.KwUnit)) {
        this.noChildren(line, this.lineText(line));
        out.push({ kind: 'unit', id, name, span: this.lineSpan(line) });
      } else {
        out.push(this.post(line, id, name));
      }
    }
    return out;
  }

  collaborationBody(pieces: BlockPiece[]): A.Field[] {
    const out: A.Field[] = [];
    for (const line of this.lines(pieces)) {
      const cst = this.parse(line, 'collaborationLine');
      const f = cst && this.field(child(cst, 'field')!, 'collaboration', line);
      if (f) out.push(f);
    }
    return out;
  }

  // ---- groups --------------------------------------------------------------------------

  groupBody(pieces: BlockPiece[]): A.GroupStmt[] {
    const out: A.GroupStmt[] = [];
    for (const line of this.lines(pieces)) {
      const cst = this.parse(line, 'groupLine');
      if (!cst) continue;
      const stmt = this.groupStmt(cst, line);
      if (stmt) out.push(stmt);
    }
    return out;
  }

  groupStmt(cst: CstNode, line: LineNode): A.GroupStmt | undefined {
    const span = this.lineSpan(line);
    const f = child(cst, 'field');
    if (f) return this.field(f, 'group', line);
    const prose = child(cst, 'proseHeader');
    if (prose) {
      const key = firstToken(prose).tokenType;
      if (key === T.KwRelevantAgencies || key === T.KwFunctionalLinks) {
        this.error('syntax/misplaced', span, `\`${this.lineText(line)}\` belongs in the partnership, not in a group.`, 'Move it under `partnership …`.');
        return undefined;
      }
      return this.proseField(prose, line);
    }
    const support = child(cst, 'supportHeader');
    if (support) return this.supportField(support, line);
    const section = child(cst, 'sectionHeader');
    if (section) return { kind: 'section', id: this.id(child(section, 'declaredName')), title: this.text(child(section, 'text')), body: this.prose(line), span: this.blockSpan(line) };
    const list = child(cst, 'listHeader');
    if (list) return this.listBlock(list, line);
    this.noChildren(line, this.lineText(line));

    const partOf = child(cst, 'partOf');
    if (partOf) return { kind: 'part of', collaboration: this.id(child(partOf, 'name')), span };
    const accountable = child(cst, 'accountableTo');
    if (accountable) return { kind: 'accountable to', target: this.whoOf(accountable), span };
    const chaired = child(cst, 'chairedBy');
    if (chaired) return { kind: 'chair', chair: this.chairSpec(chaired), span };
    const rotation = child(cst, 'chairRotation');
    if (rotation) return { kind: 'rotation', organisations: this.ids(child(rotation, 'nameList')), span };
    const vice = child(cst, 'viceChairedBy');
    if (vice) return { kind: 'vice chair', who: this.who(child(vice, 'role')!), span };
    const meets = child(cst, 'meets');
    if (meets) return this.meets(meets, span);
    const start = child(cst, 'meetingsStart');
    if (start) {
      const date = this.date(child(start, 'date')!);
      return date ? { kind: 'meetings start', date, arrangedYearAhead: !!token(start, T.KwMeetingsArranged), span } : undefined;
    }
    const quorum = child(cst, 'quorum');
    if (quorum) {
      const expr = this.orExpression(child(quorum, 'orExpression')!);
      return expr ? { kind: 'quorum', expr, span } : undefined;
    }
    const decides = child(cst, 'decides');
    if (decides) {
      const vote = child(decides, 'majorityVote');
      return { kind: 'decides', consensus: !!token(decides, T.KwByConsensus), majorityOf: vote ? this.who(child(vote, 'role')!) : undefined, span };
    }
    return this.review(child(cst, 'reviewed')!, span);
  }

  supportField(cst: CstNode, line: LineNode): A.ProseField | undefined {
    const raw = this.text(child(cst, 'text'));
    const colon = raw.text.lastIndexOf(':');
    if (colon < 0 || raw.text.slice(colon + 1).trim() !== '') {
      this.error('syntax/missing-colon', raw.span, 'A `support from …` line ends with `:` and has its duties indented under it.', 'Write e.g. `support from the Partnership Team:`.');
      return undefined;
    }
    const labelText = raw.text.slice(0, colon).trimEnd();
    const label: A.Text = { text: labelText, span: { ...raw.span, end: { ...raw.span.start, column: raw.span.start.column + labelText.length, offset: raw.span.start.offset + labelText.length } } };
    if (!this.needsChildren(line, this.lineText(line), '- Send the papers to members one week before the meeting')) return undefined;
    return { kind: 'prose', key: 'support', label, prose: this.prose(line), span: this.blockSpan(line) };
  }

  listBlock(cst: CstNode, line: LineNode): A.MemberList | A.DeputiesStmt | undefined {
    const keyToken = firstToken(cst);
    const what = this.lineText(line);
    const isDeputies = keyToken.tokenType === T.KwDeputies;
    if (!this.needsChildren(line, what, isDeputies ? '- must have the same decision-making authority' : '- the partnership chair')) return undefined;
    const span = this.blockSpan(line);
    if (isDeputies) {
      const rules: A.DeputyRule[] = [];
      for (const item of this.lines(line.children ?? [])) {
        const c = this.parse(item, 'deputyItem');
        if (!c) continue;
        this.noChildren(item, this.lineText(item));
        rules.push({ rule: deputyRule(c), span: this.lineSpan(item) });
      }
      return { kind: 'deputies', rules, span };
    }
    const items: A.MemberItem[] = [];
    for (const item of this.lines(line.children ?? [])) {
      const c = this.parse(item, 'memberItem');
      if (!c) continue;
      this.noChildren(item, this.lineText(item));
      items.push(this.memberItem(c, this.lineSpan(item)));
    }
    return { kind: 'member list', list: keyToken.tokenType.name.slice(1, -1) as A.MemberListKind, items, span };
  }

  memberItem(cst: CstNode, span: Span): A.MemberItem {
    const chairsOf = child(cst, 'nameList');
    if (chairsOf) return { kind: 'chairs', groups: this.ids(chairsOf), span };
    const names = nodes(cst, 'name');
    if (token(cst, T.KwChairOf)) return { kind: 'chairs', groups: [this.id(names[0])], span };
    if (token(cst, T.KwRepresentativeOf)) return { kind: 'representative', organisation: this.id(names[0]), span };
    if (names.length > 0) return { kind: 'id', id: this.id(names[0]), span };
    return { kind: 'role', role: roleOf(cst)!, span };
  }

  chairSpec(cst: CstNode): A.ChairSpec {
    const span = this.cstSpan(cst);
    if (token(cst, T.KwMemberNominatedBy)) return { kind: 'nominated', by: this.id(child(cst, 'name')), span };
    if (token(cst, T.KwIndependentChairAppointedBy)) return { kind: 'independent', appointedBy: roleOf(child(cst, 'roleSet')!)!, span };
    return { kind: 'who', who: this.who(child(cst, 'role')!), span };
  }

  /** A `role` CST node: `the partnership chair`, or an id. */
  who(cst: CstNode): A.Who {
    const span = this.cstSpan(cst);
    const name = child(cst, 'name');
    if (name) return { kind: 'id', id: this.id(name), span };
    return { kind: 'role', role: roleOf(cst)!, span };
  }

  /** A node with either a `roleSet` or a `name` child. */
  whoOf(cst: CstNode): A.Who {
    const set = child(cst, 'roleSet');
    if (set) return { kind: 'role', role: roleOf(set)!, span: this.cstSpan(set) };
    const name = child(cst, 'name')!;
    return { kind: 'id', id: this.id(name), span: this.cstSpan(name) };
  }

  // ---- cadence -------------------------------------------------------------------------

  meets(cst: CstNode, span: Span): A.MeetsStmt | undefined {
    const [first, then] = nodes(cst, 'frequency').map((n) => this.frequency(n));
    if (!first || (nodes(cst, 'frequency').length > 1 && !then)) return undefined;
    return { kind: 'meets', first, thereafter: then, span };
  }

  frequency(cst: CstNode): A.Frequency | undefined {
    const span = this.cstSpan(cst);
    const simple: ReadonlyArray<[TokenType, number, 'week' | 'month' | 'year']> = [
      [T.KwWeekly, 1, 'week'],
      [T.KwMonthly, 1, 'month'],
      [T.KwQuarterly, 3, 'month'],
      [T.KwTwiceAYear, 6, 'month'],
      [T.KwAnnually, 1, 'year'],
    ];
    for (const [type, count, unit] of simple) if (token(cst, type)) return { kind: 'every', count, unit, span };
    const inner = child(cst, 'atLeast') ?? child(cst, 'frequency');
    if (token(cst, T.KwAsRequired)) {
      const atLeast = inner ? this.frequency(inner) : undefined;
      if (inner && !atLeast) return undefined;
      return { kind: 'as required', atLeast, span };
    }
    if (token(cst, T.KwAtLeast)) {
      const frequency = inner && this.frequency(inner);
      return frequency ? { kind: 'at least', frequency, span } : undefined;
    }
    const n = child(cst, 'number');
    const count = n ? this.number(n) : 1;
    const plural = token(cst, T.KwWeeks) ?? token(cst, T.KwMonths) ?? token(cst, T.KwYears);
    const unitToken = plural ?? token(cst, T.KwWeek) ?? token(cst, T.KwMonth) ?? token(cst, T.KwYear)!;
    const unit = unitToken.image.toLowerCase().replace(/s$/, '') as 'week' | 'month' | 'year';
    if (!this.agrees(count, !!plural, unitToken, unit)) return undefined;
    if (count === 0) {
      this.error('syntax/bad-number', span, 'A group cannot meet every 0 ' + unit + 's.', 'Use a number of at least 1.');
      return undefined;
    }
    return { kind: 'every', count, unit, span };
  }

  // ---- quorum --------------------------------------------------------------------------

  orExpression(cst: CstNode): A.QuorumExpr | undefined {
    const terms = nodes(cst, 'andExpression').map((n) => this.andExpression(n));
    if (terms.some((t) => !t)) return undefined;
    if (terms.length === 1) return terms[0];
    return { kind: 'or', terms: terms as A.QuorumExpr[], span: this.cstSpan(cst) };
  }

  andExpression(cst: CstNode): A.QuorumExpr | undefined {
    const terms = nodes(cst, 'quorumTerm').map((n) => this.quorumPrimary(child(n, 'quorumPrimary')!));
    if (terms.some((t) => !t)) return undefined;
    if (terms.length === 1) return terms[0];
    return { kind: 'and', terms: terms as A.QuorumExpr[], including: tokens(cst, T.KwIncluding).length > 0, span: this.cstSpan(cst) };
  }

  quorumPrimary(cst: CstNode): A.QuorumExpr | undefined {
    const span = this.cstSpan(cst);
    const inner = child(cst, 'orExpression');
    if (inner) {
      const expr = this.orExpression(inner);
      return expr && { kind: 'brackets', expr, span };
    }
    const each = child(cst, 'eachList');
    if (each) {
      const set = child(each, 'roleSet');
      const organisations: A.Who[] = set
        ? [{ kind: 'role', role: roleOf(set)!, span: this.cstSpan(set) }]
        : nodes(each, 'name').map((n) => ({ kind: 'id', id: this.id(n), span: this.cstSpan(n) }));
      return { kind: 'each of', organisations, span };
    }
    const fraction = child(cst, 'fractionTerm');
    if (fraction) {
      const [, value] = FRACTIONS.find(([type]) => token(fraction, type))!;
      const rounding = token(fraction, T.KwRoundedUp) ? 'up' : token(fraction, T.KwRoundedDown) ? 'down' : undefined;
      return { kind: 'fraction', fraction: value, rounding, span };
    }
    const count = child(cst, 'countTerm');
    if (count) {
      const n = this.number(child(count, 'number')!);
      const atLeast = !!token(count, T.KwAtLeast);
      const set = child(count, 'roleSet');
      if (set) return { kind: 'some of', count: n, atLeast, role: roleOf(set)!, span };
      if (n === 0) {
        this.error('syntax/bad-number', span, 'A quorum of 0 members is always met.', 'Give the number of members who must be present.');
        return undefined;
      }
      return { kind: 'count', count: n, atLeast, span };
    }
    if (token(cst, T.KwAll)) {
      const n = child(cst, 'number');
      return { kind: 'all', count: n ? this.number(n) : undefined, span };
    }
    if (token(cst, T.KwRepresentativesOf)) {
      const n = this.number(child(cst, 'number')!);
      return token(cst, T.KwSectors) ? { kind: 'sectors', count: n, span } : { kind: 'organisations', count: n, span };
    }
    if (token(cst, T.KwRepresentativeOf)) return { kind: 'representative', organisation: this.id(child(cst, 'name')), span };
    return { kind: 'present', who: this.who(child(cst, 'role')!), span };
  }
}

function roleOf(cst: CstNode): A.RoleName | undefined {
  for (const [type, role] of ROLE_TOKENS) if (token(cst, type)) return role;
  return undefined;
}

function deputyRule(cst: CstNode): A.DeputyRuleKind {
  if (token(cst, T.KwSameAuthority)) return 'same authority';
  if (token(cst, T.KwOneGradeLower)) return 'one grade lower';
  if (token(cst, T.KwByException)) return 'by exception';
  if (token(cst, T.KwDoNotCount)) return 'do not count';
  return token(cst, T.KwOnlyWithFullAuthority) ? 'count only with full authority' : 'count towards quorum';
}

/** The last token of a line and everything indented under it. */
function lastToken(line: LineNode): IToken | undefined {
  let current = line;
  descend: for (;;) {
    const children = current.children ?? [];
    for (let k = children.length - 1; k >= 0; k--) {
      const p = children[k]!;
      if (p.kind === 'prose-line') return p.token;
      if (p.kind === 'line') {
        current = p;
        continue descend;
      }
    }
    return current.tokens[current.tokens.length - 1];
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function article(context: string, capital = false): string {
  const a = /^[aeiou]/.test(context) ? 'an' : 'a';
  return capital ? a[0]!.toUpperCase() + a.slice(1) : a;
}
