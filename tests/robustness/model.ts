import fc from 'fast-check';
import type { Span } from '../../src/diagnostics/diagnostic.js';
import type * as A from '../../src/syntax/ast.js';
import { GROUP_KINDS, ORGANISATION_KINDS } from '../../src/syntax/build.js';

/**
 * Random syntax trees of valid `.tor` files: every declaration, statement, quorum term,
 * frequency, date form and prose construct of the language. Spans are placeholders; the
 * properties compare trees with spans removed. Where the language reads one tree from
 * several spellings, the tree here is the one the parser builds, and the renderer
 * (render.ts) chooses among the spellings.
 */

const NO_SPAN: Span = { file: '', start: { line: 0, column: 0, offset: 0 }, end: { line: 0, column: 0, offset: 0 } };
const span = { span: NO_SPAN };

// ---- names and words ------------------------------------------------------------------------

const SYLLABLES = ['ka', 'lo', 'mi', 'nu', 'pe', 'ri', 'so', 'tu', 'va', 'ze', 'bra', 'dun'];
/** Real-looking ids and ids built around words of the language, which must still read as names. */
const KNOWN_IDS = ['council', 'icb', 'police', 'dcs', 'schools', 'chair-x', 'the-board', 'and-or', 'members2', 'x1', 'a-1', 'monthly-review'];

const idWord = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 3 }).map((s) => s.join(''));
export const idName: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(idWord, { minLength: 1, maxLength: 2 }).chain((w) => fc.constantFrom('', '-2', '-b7').map((tail) => w.join('-') + tail)) },
  { weight: 1, arbitrary: fc.constantFrom(...KNOWN_IDS) },
);
const id: fc.Arbitrary<A.Id> = idName.map((name) => ({ name, ...span }));
/** Sections are never referred to, so a word of the language may name one. */
const sectionId: fc.Arbitrary<A.Id> = fc.oneof({ weight: 4, arbitrary: idName }, { weight: 1, arbitrary: fc.constantFrom('chair', 'summary', 'area', 'members', 'annually') }).map((name) => ({ name, ...span }));

/** Words for titles, values and prose: apostrophes, colons, brackets, dashes, digits, non-ASCII, keywords. */
const WORDS = [
  'Isle', 'of', 'Wight', 'Children’s', 'children', 'Board', '&', '(HIPS)', 'St.', '—', "O'Neil", 'café', 'naïve', '2024',
  'Section', 'and', 'the', 'chair', 'members', 'quorate', 'when', 'meets', 'x:y', 'a,b', 'Team:', '#1', '50%', '[draft]',
  '{note}', '**bold**', 'Education*', 'Together[1]', '-', '1.', '*', 'review', 'safeguarding', 'partners', 'e.g.', '“quoted”',
];
const CAPITALISED = ['The', 'To', 'Our', 'Each', 'Partners', 'Members', 'Section', 'IOWSCP', 'Children’s', 'All', 'Local', '“Working', 'Meets'];

const words = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max });
/** Free text after a `:`: starts with a word, one space between words. */
export const freeText: fc.Arbitrary<string> = fc.tuple(fc.constantFrom(...CAPITALISED, ...WORDS.filter((w) => w !== '-')), words(0, 5)).map(([first, rest]) => [first, ...rest].join(' '));
const text: fc.Arbitrary<A.Text> = freeText.map((t) => ({ text: t, ...span }));

/** A line of prose that reads as plain text: not a bullet, footnote, placeholder, comment or sub-section. */
const plainLine: fc.Arbitrary<string> = fc.tuple(fc.constantFrom(...CAPITALISED), words(0, 8)).map(([first, rest]) => [first, ...rest].join(' '));

// ---- prose ------------------------------------------------------------------------------------

const PLACEHOLDER_NAMES = [
  'lead safeguarding partners', 'delegated safeguarding partners', 'partnership chair', 'independent scrutineer',
  'relevant agencies', 'functional links', 'structure diagram', 'groups', 'review schedule',
];

const paragraph: fc.Arbitrary<A.Paragraph> = fc.array(plainLine, { minLength: 1, maxLength: 3 }).map((lines) => ({ kind: 'paragraph', lines, ...span }));

const placeholder: fc.Arbitrary<A.Placeholder> = fc.oneof(
  fc.constantFrom(...PLACEHOLDER_NAMES).map((name): A.Placeholder => ({ kind: 'placeholder', name, argument: undefined, ...span })),
  id.map((argument): A.Placeholder => ({ kind: 'placeholder', name: 'group', argument: { ...argument }, ...span })),
);

const footnote: fc.Arbitrary<A.FootnoteDefinition> = fc
  .tuple(fc.constantFrom('*', '**', '***', '****', '[1]', '[23]'), fc.array(plainLine, { minLength: 1, maxLength: 3 }))
  .map(([marker, lines]) => ({ kind: 'footnote', marker, lines, ...span }));

/** The text of a list item's first line: may be empty (a bare `-`). */
const itemFirstLine = fc.oneof({ weight: 8, arbitrary: words(1, 8).map((w) => w.join(' ')).filter((l) => !/^(-|\d{1,3}[.)])(\s|$)/.test(l)) }, { weight: 1, arbitrary: fc.constant('') });

function list(depth: number): fc.Arbitrary<A.ProseList> {
  const children = depth > 0 ? fc.option(list(depth - 1), { nil: undefined, freq: 3 }) : fc.constant(undefined);
  const item = fc.record({ first: itemFirstLine, more: fc.array(plainLine, { maxLength: 2 }), children, close: fc.constantFrom('.', ')') });
  return fc.tuple(fc.boolean(), fc.array(item, { minLength: 1, maxLength: 4 })).map(([ordered, items]) => ({
    kind: 'list',
    ordered,
    items: items.map((it, k): A.ListItem => ({
      lines: [it.first, ...it.more],
      marker: ordered ? `${k + 1}${it.close}` : '-',
      children: it.children,
      ...span,
    })),
    ...span,
  }));
}

type FlatProseItem = A.Paragraph | A.ProseList | A.Placeholder | A.FootnoteDefinition;
const flatProseItem: fc.Arbitrary<FlatProseItem> = fc.oneof(
  { weight: 4, arbitrary: paragraph },
  { weight: 3, arbitrary: list(2) },
  { weight: 1, arbitrary: placeholder },
  { weight: 1, arbitrary: footnote },
);

/** Two lists in a row are one list unless their kinds differ: the second takes the other kind. */
function separateLists(items: FlatProseItem[]): FlatProseItem[] {
  const out: FlatProseItem[] = [];
  for (const item of items) {
    const before = out[out.length - 1];
    if (item.kind !== 'list' || before?.kind !== 'list' || before.ordered !== item.ordered) {
      out.push(item);
      continue;
    }
    const ordered = !item.ordered;
    out.push({ ...item, ordered, items: item.items.map((it, n) => ({ ...it, marker: ordered ? `${n + 1}.` : '-' })) });
  }
  return out;
}

export const prose: fc.Arbitrary<A.Prose> = fc.array(flatProseItem, { minLength: 1, maxLength: 5 }).map((items) => ({ items: separateLists(items), ...span }));

function sectionBody(depth: number): fc.Arbitrary<A.Prose> {
  const sub = depth > 0 ? [{ weight: 1, arbitrary: section(depth - 1, true) as fc.Arbitrary<A.ProseItem> }] : [];
  return fc.array(fc.oneof({ weight: 5, arbitrary: flatProseItem as fc.Arbitrary<A.ProseItem> }, ...sub), { maxLength: 5 }).map((items) => {
    // Lists either side of a sub-section are apart; only direct neighbours can merge.
    const out: A.ProseItem[] = [];
    let run: FlatProseItem[] = [];
    for (const item of items) {
      if (item.kind === 'section') {
        out.push(...separateLists(run), item);
        run = [];
      } else run.push(item);
    }
    out.push(...separateLists(run));
    return { items: out, ...span };
  });
}

export function section(depth: number, nested: boolean): fc.Arbitrary<A.SectionDecl> {
  return fc.record({ id: nested ? id : sectionId, title: text, body: sectionBody(depth) }).map((s) => ({ kind: 'section', ...s, ...span }));
}

// ---- shared values ------------------------------------------------------------------------------

const dateValue: fc.Arbitrary<A.DateValue> = fc
  .tuple(fc.integer({ min: 1900, max: 2200 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), fc.integer({ min: 1, max: 28 }), fc.boolean())
  .map(([year, month, day, withDay]) => {
    const d: A.DateValue = { year, ...span };
    if (month !== undefined) d.month = month;
    if (month !== undefined && withDay) d.day = day;
    return d;
  });

const interval: fc.Arbitrary<A.Interval> = fc.record({ every: fc.integer({ min: 1, max: 12 }), unit: fc.constantFrom<A.PeriodUnit>('month', 'year') });

const review: fc.Arbitrary<A.ReviewStmt> = fc
  .oneof(
    interval.map((i): A.ReviewSchedule => ({ kind: 'interval', interval: i })),
    fc.tuple(fc.array(dateValue, { minLength: 1, maxLength: 3 }), fc.option(interval, { nil: undefined })).map(([dates, thenEvery]): A.ReviewSchedule => ({ kind: 'dates', dates, thenEvery })),
  )
  .map((schedule) => ({ kind: 'review', schedule, ...span }));

const ROLE_SETS: readonly A.RoleName[] = ['lead safeguarding partners', 'delegated safeguarding partners', 'safeguarding partners'];
const ALL_ROLES: readonly A.RoleName[] = ['partnership chair', 'independent scrutineer', 'chair', ...ROLE_SETS, 'members'];

const whoOf = (roles: readonly A.RoleName[]): fc.Arbitrary<A.Who> =>
  fc.oneof(fc.constantFrom(...roles).map((role): A.Who => ({ kind: 'role', role, ...span })), id.map((i): A.Who => ({ kind: 'id', id: i, ...span })));

/** A field whose value is free text (`kind:` has its own list of values). */
const field = (keys: readonly A.FieldKey[]): fc.Arbitrary<A.Field> => fc.record({ key: fc.constantFrom(...keys), value: text }).map((f): A.Field => ({ kind: 'field', ...f, ...span }));

const kindField = (kinds: readonly string[]): fc.Arbitrary<A.Field> => fc.constantFrom(...kinds).map((k): A.Field => ({ kind: 'field', key: 'kind', value: { text: k, ...span }, ...span }));

// ---- declarations ---------------------------------------------------------------------------------

const post: fc.Arbitrary<A.PostDecl> = fc.record({ id, title: text, heldBy: fc.option(text, { nil: undefined }) }).map((p) => ({ kind: 'post', ...p, ...span }));

const organisation: fc.Arbitrary<A.OrganisationDecl> = fc
  .record({
    id,
    name: text,
    body: fc.array(
      fc.oneof(
        kindField(ORGANISATION_KINDS),
        field(['short name']),
        fc.record({ id, name: text }).map((u): A.UnitDecl => ({ kind: 'unit', ...u, ...span })),
        post,
      ),
      { maxLength: 5 },
    ),
  })
  .map((o) => ({ kind: 'organisation', ...o, ...span }));

const collaboration: fc.Arbitrary<A.CollaborationDecl> = fc
  .record({ id, name: text, body: fc.array(field(['short name', 'area']), { maxLength: 2 }) })
  .map((c) => ({ kind: 'collaboration', ...c, ...span }));

const include: fc.Arbitrary<A.IncludeDecl> = fc.constantFrom('executive.tor', 'groups/sub group.tor', '../shared.tor').map((path) => ({ kind: 'include', path: { text: path, ...span }, ...span }));

const PARTNERSHIP_ROLES: readonly A.PartnershipRole[] = ['safeguarding partners', 'lead safeguarding partners', 'delegated safeguarding partners', 'partnership chair', 'independent scrutineer'];

const roleAssignment: fc.Arbitrary<A.RoleAssignment> = fc
  .constantFrom(...PARTNERSHIP_ROLES)
  .chain((role) => fc.array(id, { minLength: 1, maxLength: role === 'partnership chair' || role === 'independent scrutineer' ? 1 : 4 }).map((ids): A.RoleAssignment => ({ kind: 'roles', role, ids, ...span })));

const proseField = (keys: readonly A.ProseKey[]): fc.Arbitrary<A.ProseField> =>
  fc.record({ key: fc.constantFrom(...keys), label: text, prose }).map(({ key, label, prose: p }) => ({ kind: 'prose', key, label: key === 'support' ? label : undefined, prose: p, ...span }));

const partnership: fc.Arbitrary<A.PartnershipDecl> = fc
  .record({
    id,
    name: text,
    body: fc.array(
      fc.oneof(
        field(['short name', 'document title', 'area']),
        proseField(['relevant agencies', 'functional links']),
        fc.constantFrom(2018, 2023, 2026).map((year): A.EditionStmt => ({ kind: 'edition', year, ...span })),
        dateValue.map((date): A.PublishedStmt => ({ kind: 'published', date, ...span })),
        review,
        roleAssignment,
      ),
      { maxLength: 8 },
    ),
  })
  .map((p) => ({ kind: 'partnership', ...p, ...span }));

// ---- groups --------------------------------------------------------------------------------------

function frequency(depth: number): fc.Arbitrary<A.Frequency> {
  const every = fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom<'week' | 'month' | 'year'>('week', 'month', 'year'))
    .map(([count, unit]): A.Frequency => ({ kind: 'every', count, unit, ...span }));
  if (depth === 0) return every;
  const inner = frequency(depth - 1);
  return fc.oneof(
    { weight: 4, arbitrary: every },
    { weight: 1, arbitrary: fc.option(inner, { nil: undefined }).map((atLeast): A.Frequency => ({ kind: 'as required', atLeast, ...span })) },
    { weight: 1, arbitrary: inner.map((f): A.Frequency => ({ kind: 'at least', frequency: f, ...span })) },
  );
}

const FRACTIONS: readonly A.Fraction[] = [
  { numerator: 1, denominator: 2, name: 'half' },
  { numerator: 1, denominator: 2, name: 'a majority' },
  { numerator: 1, denominator: 3, name: 'a third' },
  { numerator: 2, denominator: 3, name: 'two thirds' },
  { numerator: 3, denominator: 4, name: 'three quarters' },
];

const count = fc.integer({ min: 1, max: 30 });

function quorumPrimary(depth: number): fc.Arbitrary<A.QuorumExpr> {
  const leaves: fc.Arbitrary<A.QuorumExpr>[] = [
    fc.record({ count, atLeast: fc.boolean() }).map((c): A.QuorumExpr => ({ kind: 'count', ...c, ...span })),
    fc.record({ fraction: fc.constantFrom(...FRACTIONS), rounding: fc.constantFrom<'up' | 'down' | undefined>('up', 'down', undefined) }).map((f): A.QuorumExpr => ({ kind: 'fraction', ...f, ...span })),
    fc.option(count, { nil: undefined }).map((c): A.QuorumExpr => ({ kind: 'all', count: c, ...span })),
    count.map((c): A.QuorumExpr => ({ kind: 'organisations', count: c, ...span })),
    count.map((c): A.QuorumExpr => ({ kind: 'sectors', count: c, ...span })),
    fc.record({ count, atLeast: fc.boolean(), role: fc.constantFrom(...ROLE_SETS) }).map((s): A.QuorumExpr => ({ kind: 'some of', ...s, ...span })),
    fc
      .oneof(
        fc.constantFrom(...ROLE_SETS).map((role): A.Who[] => [{ kind: 'role', role, ...span }]),
        fc.array(id, { minLength: 1, maxLength: 4 }).map((ids) => ids.map((i): A.Who => ({ kind: 'id', id: i, ...span }))),
      )
      .map((organisations): A.QuorumExpr => ({ kind: 'each of', organisations, ...span })),
    id.map((organisation): A.QuorumExpr => ({ kind: 'representative', organisation, ...span })),
    whoOf(ALL_ROLES).map((who): A.QuorumExpr => ({ kind: 'present', who, ...span })),
  ];
  if (depth === 0) return fc.oneof(...leaves);
  return fc.oneof({ weight: 9, arbitrary: fc.oneof(...leaves) }, { weight: 1, arbitrary: orExpression(depth - 1).map((expr): A.QuorumExpr => ({ kind: 'brackets', expr, ...span })) });
}

/** An `each of` list of one name would take the name after it: such a list never has a bare name after it. */
function unambiguous(terms: A.QuorumExpr[]): A.QuorumExpr[] {
  return terms.map((t, k) => {
    const next = terms[k + 1];
    const swallows = t.kind === 'each of' && t.organisations.length === 1 && t.organisations[0]!.kind === 'id' && next?.kind === 'present' && next.who.kind === 'id';
    return swallows && t.kind === 'each of' ? { ...t, organisations: [...t.organisations, { kind: 'id', id: { name: 'extra-org', ...span }, ...span }] } : t;
  });
}

function andExpression(depth: number): fc.Arbitrary<A.QuorumExpr> {
  return fc.tuple(fc.array(quorumPrimary(depth), { minLength: 1, maxLength: 4 }), fc.boolean()).map(([terms, including]): A.QuorumExpr => (terms.length === 1 ? terms[0]! : { kind: 'and', terms: unambiguous(terms), including, ...span }));
}

function orExpression(depth: number): fc.Arbitrary<A.QuorumExpr> {
  return fc.array(andExpression(depth), { minLength: 1, maxLength: 3 }).map((terms): A.QuorumExpr => (terms.length === 1 ? terms[0]! : { kind: 'or', terms, ...span }));
}

const MEMBER_ROLES: readonly A.RoleName[] = ['partnership chair', 'independent scrutineer', ...ROLE_SETS];

const memberItem: fc.Arbitrary<A.MemberItem> = fc.oneof(
  fc.constantFrom(...MEMBER_ROLES).map((role): A.MemberItem => ({ kind: 'role', role, ...span })),
  id.map((i): A.MemberItem => ({ kind: 'id', id: i, ...span })),
  id.map((organisation): A.MemberItem => ({ kind: 'representative', organisation, ...span })),
  fc.array(id, { minLength: 1, maxLength: 3 }).map((groups): A.MemberItem => ({ kind: 'chairs', groups, ...span })),
);

const DEPUTY_RULES: readonly A.DeputyRuleKind[] = ['same authority', 'one grade lower', 'by exception', 'count towards quorum', 'count only with full authority', 'do not count'];

const chairSpec: fc.Arbitrary<A.ChairSpec> = fc.oneof(
  whoOf(ALL_ROLES).map((who): A.ChairSpec => ({ kind: 'who', who, ...span })),
  id.map((by): A.ChairSpec => ({ kind: 'nominated', by, ...span })),
  fc.constantFrom(...ROLE_SETS).map((appointedBy): A.ChairSpec => ({ kind: 'independent', appointedBy, ...span })),
);

const groupStmt: fc.Arbitrary<A.GroupStmt> = fc.oneof(
  kindField(GROUP_KINDS),
  field(['short name', 'joint with', 'if inquorate']),
  proseField(['purpose', 'objectives', 'key objectives', 'responsibilities', 'accountability', 'membership', 'summary', 'support']),
  section(1, false),
  id.map((collaboration): A.GroupStmt => ({ kind: 'part of', collaboration, ...span })),
  whoOf(ROLE_SETS).map((target): A.GroupStmt => ({ kind: 'accountable to', target, ...span })),
  chairSpec.map((chair): A.GroupStmt => ({ kind: 'chair', chair, ...span })),
  fc.array(id, { minLength: 1, maxLength: 3 }).map((organisations): A.GroupStmt => ({ kind: 'rotation', organisations, ...span })),
  whoOf(ALL_ROLES).map((who): A.GroupStmt => ({ kind: 'vice chair', who, ...span })),
  fc
    .record({ list: fc.constantFrom<A.MemberListKind>('members', 'executive members', 'non-executive members', 'observers'), items: fc.array(memberItem, { minLength: 1, maxLength: 5 }) })
    .map((m): A.GroupStmt => ({ kind: 'member list', ...m, ...span })),
  fc.array(fc.constantFrom(...DEPUTY_RULES), { minLength: 1, maxLength: 4 }).map((rules): A.GroupStmt => ({ kind: 'deputies', rules: rules.map((rule) => ({ rule, ...span })), ...span })),
  fc.record({ first: frequency(2), thereafter: fc.option(frequency(2), { nil: undefined }) }).map((m): A.GroupStmt => ({ kind: 'meets', ...m, ...span })),
  fc.record({ date: dateValue, arrangedYearAhead: fc.boolean() }).map((m): A.GroupStmt => ({ kind: 'meetings start', ...m, ...span })),
  orExpression(2).map((expr): A.GroupStmt => ({ kind: 'quorum', expr, ...span })),
  fc
    .record({ consensus: fc.boolean(), majorityOf: fc.option(whoOf(ALL_ROLES), { nil: undefined }) })
    .map((d) => (d.consensus || d.majorityOf ? d : { ...d, consensus: true }))
    .map((d): A.GroupStmt => ({ kind: 'decides', ...d, ...span })),
  review,
);

const group: fc.Arbitrary<A.GroupDecl> = fc.record({ id, title: text, body: fc.array(groupStmt, { maxLength: 10 }) }).map((g) => ({ kind: 'group', ...g, ...span }));

export const declaration: fc.Arbitrary<A.Declaration> = fc.oneof(
  { weight: 2, arbitrary: partnership },
  { weight: 2, arbitrary: organisation },
  { weight: 1, arbitrary: post },
  { weight: 4, arbitrary: group },
  { weight: 2, arbitrary: section(2, false) },
  { weight: 1, arbitrary: collaboration },
  { weight: 1, arbitrary: include },
);

/** The declarations of one valid file. */
export const fileModel: fc.Arbitrary<A.Declaration[]> = fc.array(declaration, { minLength: 1, maxLength: 5 });
