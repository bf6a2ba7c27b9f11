import { EOF, type IRecognitionException, type IToken } from 'chevrotain';
import { diagnostic, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { closest, closestLeadingPhrase } from '../diagnostics/suggest.js';
import type { LineRule } from './parser.js';
import { MONTHS } from './tokens.js';

/**
 * Turns chevrotain's exceptions into messages in the author's words: what was found,
 * what kind of thing was expected there, and the nearest correct spelling.
 */

interface Expectation {
  /** "a meeting frequency" */
  what: string;
  /** Words or phrases that may stand here, for "did you mean". */
  candidates: readonly string[];
  /** A correct example of the construct. */
  example: string;
}

// The units after `every 2` are here too, so `every 2 mnths` is told `months`.
const FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'annually', 'yearly', 'twice a year', 'every', 'as required', 'at least', 'in the first year', 'then', 'weeks', 'months', 'years'];
/** Words for how often a group meets that tor does not read, and what to write instead. */
const FREQUENCY_SYNONYMS: Readonly<Record<string, string>> = {
  fortnightly: 'every 2 weeks',
  'bi-monthly': 'every 2 months',
  bimonthly: 'every 2 months',
  'bi-annually': 'twice a year',
  biannually: 'twice a year',
  'half-yearly': 'twice a year',
  'six-monthly': 'twice a year',
};
const QUORUM_WORDS = [
  'one member from each of', 'half of the members', 'a majority of the members', 'a third of the members',
  'two thirds of the members', 'three quarters of the members', 'all members', 'representatives of',
  'a representative of', 'the partnership chair', 'the independent scrutineer', 'the chair',
  'the lead safeguarding partners', 'the delegated safeguarding partners', 'the safeguarding partners',
  'and', 'or', 'including', 'are present', 'at least', 'rounded up', 'rounded down', 'of the members', 'members',
  'separate organisations', 'sectors',
];
const ROLES = ['the partnership chair', 'the independent scrutineer', 'the lead safeguarding partners', 'the delegated safeguarding partners', 'the safeguarding partners', 'the chair'];

const BY_RULE: Record<string, Expectation> = {
  frequency: { what: 'a meeting frequency', candidates: FREQUENCIES, example: 'meets quarterly' },
  meets: { what: 'a meeting frequency', candidates: FREQUENCIES, example: 'meets every 2 months in the first year, then at least quarterly' },
  date: { what: 'a date', candidates: [], example: '1 September 2019' },
  number: { what: 'a number', candidates: [], example: '3' },
  name: { what: 'a name (an id such as `council`)', candidates: [], example: 'council' },
  nameList: { what: 'a list of names', candidates: ['and'], example: 'council, icb and police' },
  quorum: { what: 'a quorum', candidates: QUORUM_WORDS, example: 'quorate when half of the members are present, including the partnership chair' },
  orExpression: { what: 'a quorum', candidates: QUORUM_WORDS, example: 'quorate when half of the members are present' },
  andExpression: { what: 'a quorum', candidates: QUORUM_WORDS, example: 'quorate when half of the members are present' },
  quorumTerm: { what: 'a quorum', candidates: QUORUM_WORDS, example: 'quorate when all members are present' },
  quorumPrimary: { what: 'a quorum', candidates: QUORUM_WORDS, example: 'quorate when one member from each of the safeguarding partners are present' },
  eachList: { what: 'a list of organisations', candidates: ['the safeguarding partners', 'and'], example: 'one member from each of council, icb and police' },
  fractionTerm: { what: 'a share of the members', candidates: ['of the members', 'rounded up', 'rounded down'], example: 'two thirds of the members, rounded up' },
  countTerm: { what: 'a number of members', candidates: ['members', 'of the members', 'of the delegated safeguarding partners'], example: '8 members' },
  memberItem: { what: 'a member', candidates: [...ROLES, 'the chairs of', 'the chair of', 'a representative of'], example: '- the partnership chair' },
  deputyItem: {
    what: 'a rule for deputies',
    candidates: ['must have the same decision-making authority', 'at most one grade lower', 'only by exception', 'count towards the quorum', 'count towards the quorum only with full delegated authority', 'do not count towards the quorum'],
    example: '- must have the same decision-making authority',
  },
  chairedBy: { what: 'who chairs the group', candidates: [...ROLES, 'a member nominated by', 'an independent chair appointed by'], example: 'chaired by the partnership chair' },
  chairRotation: { what: 'the organisations that take turns to chair', candidates: ['and'], example: 'chaired in yearly rotation by police, council and icb' },
  role: { what: 'a person or role', candidates: ROLES, example: 'the partnership chair' },
  roleSet: { what: 'a set of partners', candidates: ['lead safeguarding partners', 'delegated safeguarding partners', 'safeguarding partners'], example: 'the safeguarding partners' },
  decides: { what: 'a decision rule', candidates: ['by consensus', 'otherwise', 'by a majority vote of'], example: 'decides by consensus, otherwise by a majority vote of the delegated safeguarding partners' },
  majorityVote: { what: 'who votes', candidates: [...ROLES, 'the members'], example: 'by a majority vote of the members' },
  reviewed: { what: 'a review schedule', candidates: ['annually', 'every', 'in', 'then in', 'and every'], example: 'reviewed in December 2025, then in 2028 and every 3 years' },
  reviewInterval: { what: 'a review interval', candidates: ['years', 'months'], example: 'reviewed every 2 years' },
  edition: { what: 'an edition of Working Together', candidates: ['working together'], example: 'follows Working Together 2023' },
  published: { what: 'a publication date', candidates: [], example: 'published September 2024' },
  meetingsStart: { what: 'the date of the first meeting', candidates: [], example: 'meetings start 1 September 2019' },
  accountableTo: { what: 'who the group is accountable to', candidates: ['the lead safeguarding partners', 'the safeguarding partners'], example: 'accountable to executive' },
};

/** The statements each kind of block may hold: the phrases a line may start with. */
const STARTERS: Record<LineRule, { where: string; phrases: readonly string[] }> = {
  topLine: { where: 'at the left margin', phrases: ['partnership', 'organisation', 'group', 'section', 'post', 'collaboration', 'include'] },
  partnershipLine: {
    where: 'in a partnership',
    phrases: ['short name', 'document title', 'area', 'follows working together', 'published', 'reviewed', 'safeguarding partners', 'lead safeguarding partners', 'delegated safeguarding partners', 'partnership chair', 'independent scrutineer', 'relevant agencies', 'functional links'],
  },
  organisationLine: { where: 'in an organisation', phrases: ['kind', 'short name', 'unit', 'post'] },
  postLine: { where: 'under a post', phrases: ['held by'] },
  collaborationLine: { where: 'in a collaboration', phrases: ['short name', 'area'] },
  groupLine: {
    where: 'in a group',
    phrases: [
      'kind', 'short name', 'joint with', 'if inquorate', 'purpose', 'objectives', 'key objectives', 'responsibilities',
      'accountability', 'membership', 'summary', 'support from', 'members', 'executive members', 'non-executive members',
      'observers', 'deputies', 'part of', 'accountable to', 'chaired by', 'chaired in yearly rotation by', 'vice-chaired by',
      'meets', 'meetings start', 'meetings are arranged a year in advance from', 'quorate when', 'decides', 'reviewed', 'section',
    ],
  },
  memberItem: { where: 'in a member list', phrases: BY_RULE.memberItem!.candidates },
  deputyItem: { where: 'in a deputies list', phrases: BY_RULE.deputyItem!.candidates },
  sectionHeader: { where: 'inside a section', phrases: ['section'] },
};

const LINE_RULES = new Set<string>(Object.keys(STARTERS));

export function explainSyntaxError(
  error: IRecognitionException,
  lineRule: LineRule,
  lineText: string,
  lineSpan: Span,
  spanOf: (t: IToken) => Span,
): Diagnostic {
  const found = error.token;
  const atEnd = !found || found.tokenType === EOF;
  const stack = error.context?.ruleStack ?? [];
  const innermost = [...stack].reverse().find((r) => !LINE_RULES.has(r) && r !== 'text' && BY_RULE[r]) ?? stack[stack.length - 1] ?? lineRule;
  const span = atEnd ? { ...lineSpan, start: lineSpan.end } : spanOf(found);
  const startOfLine = !atEnd && found.startOffset === lineSpan.start.offset;
  const image = atEnd ? '' : found.image;

  // A line whose first words are no statement of this block.
  if (startOfLine && (error.name === 'NoViableAltException' || LINE_RULES.has(innermost) || innermost === 'declarationHeader' || innermost === 'field')) {
    return unknownStatement(lineRule, lineText, lineSpan, span, image);
  }

  const inLine = atEnd ? lineText.length : found.startOffset - lineSpan.start.offset;
  if (/--> Colon <--/.test(error.message)) {
    return atEnd ? colonMissingAtEnd(lineRule, lineText, span) : colonMissingBefore(lineText, lineSpan, inLine, spanOf(found), image);
  }

  const expected = BY_RULE[innermost];
  if (atEnd) {
    if (!expected && lineText.endsWith(':') && isDeclarationLine(lineRule)) {
      return diagnostic('syntax/incomplete', 'error', span, `\`${lineText}\` needs a title after the \`:\`.`, `Write the title as it should appear in the documents, e.g. \`${lineText} ${titleFor(lineText)}\`.`);
    }
    const what = expected ? expected.what : 'more';
    return diagnostic('syntax/incomplete', 'error', span, `This line stops too soon: it needs ${what}.`, expected ? `For example: \`${expected.example}\`.` : undefined);
  }
  if (/^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(image)) return slashedDate(image, span);
  const ordinal = /^(\d{1,2})(st|nd|rd|th)$/i.exec(image);
  if (ordinal) {
    const fixed = lineText.slice(inLine).replace(image, ordinal[1]!);
    return diagnostic('syntax/bad-date', 'error', span, `\`${image}\` is not a day tor reads: write the day as a plain number, without \`${ordinal[2]}\`.`, `Write \`${fixed}\`.`);
  }
  if (error.name === 'NotAllInputParsedException') {
    return leftOver(lineRule, lineText, lineSpan, inLine, span, image);
  }
  if (stack.includes('accountableTo')) {
    const written = lineText.replace(/^accountable to\s+/i, '');
    const id = written.split(/\s+/).pop()!.toLowerCase();
    return diagnostic('syntax/unexpected', 'error', within(lineSpan, lineText.length - written.length, lineText.length), `\`${written}\` is not something a group can be accountable to.`, `Name the group by its id, e.g. \`accountable to ${id}\`, or write \`accountable to the lead safeguarding partners\`.`);
  }
  if (!expected) {
    return diagnostic('syntax/unexpected', 'error', span, `\`${image}\` is not expected here.`, `Check this line against the examples in the language reference.`);
  }
  const rest = lineText.slice(Math.max(0, inLine)).replace(/^-\s*/, '');
  const synonym = expected.candidates === FREQUENCIES ? FREQUENCY_SYNONYMS[image.toLowerCase()] : undefined;
  if (synonym) {
    return diagnostic('syntax/unexpected', 'error', span, `\`${image}\` is not a meeting frequency tor reads — did you mean \`${synonym}\`?`, `Write \`meets ${synonym}\`.`);
  }
  const suggestion = closestLeadingPhrase(rest, expected.candidates) ?? closest(image, expected.candidates);
  const guess = suggestion ? ` — did you mean \`${suggestion}\`?` : '.';
  const code = innermost === 'date' || innermost === 'published' || innermost === 'meetingsStart' ? 'syntax/bad-date' : 'syntax/unexpected';
  const month = code === 'syntax/bad-date' ? monthMeant(image) : undefined;
  if (month) {
    return diagnostic(code, 'error', span, `\`${image}\` is not a month — did you mean \`${month}\`?`, 'Write the month in full, e.g. `1 September 2019` or `September 2019`.');
  }
  // A one-word slip is best fixed in the author's own line.
  const corrected = suggestion !== undefined && !suggestion.includes(' ') ? `${lineText.slice(0, inLine)}${suggestion}${lineText.slice(inLine + image.length)}` : undefined;
  const hint = code === 'syntax/bad-date'
    ? 'Write dates like `1 September 2019`, `September 2019`, `2019` or `2019-09-01`.'
    : corrected !== undefined
      ? `Write \`${corrected.replace(/^-\s*/, '- ')}\`.`
      : `For example: \`${expected.example}\`.`;
  return diagnostic(code, 'error', span, `\`${image}\` is not ${expected.what}${guess}`, hint);
}

function unknownStatement(rule: LineRule, lineText: string, lineSpan: Span, tokenSpan: Span, image: string): Diagnostic {
  const starters = STARTERS[rule];
  const text = lineText.replace(/^-\s*/, '');
  const suggestion = closestLeadingPhrase(text, starters.phrases);
  const words = text.split(/\s+/);
  const shown = suggestion ? words.slice(0, suggestion.split(' ').length).join(' ').replace(/:$/, '') : image;
  const span = suggestion
    ? { ...tokenSpan, end: { ...tokenSpan.start, column: tokenSpan.start.column + shown.length, offset: tokenSpan.start.offset + shown.length } }
    : tokenSpan;
  if (suggestion) {
    const after = lineText.slice(lineText.indexOf(shown) + shown.length).trimStart();
    // `vice chaired by` matches `vice-chaired by` on two words; keep its `by` once.
    const lastWord = suggestion.split(' ').pop()!;
    const rest = after.toLowerCase().startsWith(`${lastWord} `) ? after.slice(lastWord.length) : ` ${after}`;
    const corrected = `${suggestion}${after.startsWith(':') ? after : rest}`.trimEnd();
    return diagnostic('syntax/unknown-statement', 'error', span, `\`${shown}\` is not something tor understands ${starters.where} — did you mean \`${suggestion}\`?`, `Write \`${corrected}\`.`);
  }
  const misplaced = misplacedStatement(rule, lineText, lineSpan, tokenSpan);
  if (misplaced) return misplaced;
  const list = starters.phrases.slice(0, 12).map((p) => `\`${p}\``).join(', ');
  return diagnostic('syntax/unknown-statement', 'error', lineSpan.start.offset === tokenSpan.start.offset ? lineSpan : tokenSpan, `tor does not understand \`${lineText}\` ${starters.where}.`, `A line here starts with one of: ${list}${starters.phrases.length > 12 ? ', …' : ''}.`);
}

/** Lines that declare something and take an id and a title. */
function isDeclarationLine(rule: LineRule): boolean {
  return rule === 'topLine' || rule === 'sectionHeader';
}

/** A title made from the id in a declaration line, for examples: `group executive` → "Executive". */
function titleFor(declaration: string): string {
  const id = declaration.replace(/:$/, '').split(/\s+/)[1] ?? 'name';
  const words = id.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The part of a line's span from one column offset to another (a line's tokens never span lines). */
function within(lineSpan: Span, from: number, to: number): Span {
  const at = (n: number) => ({ line: lineSpan.start.line, column: lineSpan.start.column + n, offset: lineSpan.start.offset + n });
  return { file: lineSpan.file, start: at(from), end: at(to) };
}

function colonMissingAtEnd(rule: LineRule, lineText: string, span: Span): Diagnostic {
  if (isDeclarationLine(rule)) {
    return diagnostic('syntax/missing-colon', 'error', span, `\`${lineText}\` needs a \`:\` and a title after the name.`, `Write e.g. \`${lineText}: ${titleFor(lineText)}\`.`);
  }
  return diagnostic('syntax/missing-colon', 'error', span, `\`${lineText}\` needs a \`:\` at the end: what belongs to it is indented under it.`, `Write \`${lineText}:\`.`);
}

function colonMissingBefore(lineText: string, lineSpan: Span, inLine: number, foundSpan: Span, image: string): Diagnostic {
  const before = lineText.slice(0, inLine).trimEnd();
  const after = lineText.slice(inLine);
  // `organisation health visitors: …` — the colon is there, after a name written as two words.
  const spacedName = /^([a-z0-9-]+(?: [a-z0-9-]+)*):/.exec(after);
  const nameStart = before.lastIndexOf(' ') + 1;
  if (spacedName && nameStart > 0) {
    const name = `${before.slice(nameStart)} ${spacedName[1]}`;
    return diagnostic(
      'syntax/bad-name',
      'error',
      within(lineSpan, nameStart, inLine + spacedName[1]!.length),
      `\`${name}\` is not a valid name: a name cannot contain spaces.`,
      `Join the words with hyphens: \`${name.replace(/ /g, '-')}\`. The title after the \`:\` may have spaces.`,
    );
  }
  return diagnostic('syntax/missing-colon', 'error', foundSpan, `A \`:\` is missing before \`${image}\`.`, `Write \`${before}: ${after}\`.`);
}

/** `31/02/2025`, `09/01/2025`: read as day/month/year, as written in England, to say what is wrong. */
function slashedDate(image: string, span: Span): Diagnostic {
  const [day, month, year] = image.split('/').map(Number) as [number, number, number];
  const fullYear = year < 100 ? 2000 + year : year;
  const monthName = MONTHS[month - 1];
  if (!monthName) {
    return diagnostic('syntax/bad-date', 'error', span, `\`${image}\` is not a date: there is no month ${month}.`, 'Write the day, the month in words and the year, e.g. `1 September 2025`.');
  }
  const title = monthName.charAt(0).toUpperCase() + monthName.slice(1);
  const days = new Date(Date.UTC(fullYear, month, 0)).getUTCDate();
  if (day < 1 || day > days) {
    return diagnostic('syntax/bad-date', 'error', span, `\`${image}\` is not a date: ${title} ${fullYear} has ${days} days.`, `Check the day, and write the month in words, e.g. \`${days} ${title} ${fullYear}\`.`);
  }
  return diagnostic('syntax/bad-date', 'error', span, `\`${image}\` is written with slashes, which tor does not read as a date.`, `Write the month in words: \`${day} ${title} ${fullYear}\`.`);
}

/** Words left over after a complete statement: the common ways that happens, then the general message. */
function leftOver(rule: LineRule, lineText: string, lineSpan: Span, inLine: number, span: Span, image: string): Diagnostic {
  const item = lineText.replace(/^-\s*/, '');
  if (lineText.endsWith('.') && rule !== 'memberItem' && rule !== 'deputyItem') {
    return diagnostic('syntax/unexpected', 'error', within(lineSpan, lineText.length - 1, lineText.length), 'This statement ends with a full stop, which tor does not expect.', 'Remove the full stop at the end of the line.');
  }
  if (/^present$/i.test(image) && /^quorate when/i.test(lineText)) {
    return diagnostic('syntax/unexpected', 'error', span, '`present` needs `are` or `is` before it.', `Write \`${lineText.slice(0, inLine)}are present\`.`);
  }
  const inlineList = /^(members|executive members|non-executive members|observers|deputies):\s*\S/i.exec(lineText);
  if (inlineList) {
    return diagnostic('syntax/unexpected', 'error', span, `The ${inlineList[1]!.toLowerCase()} are listed under \`${inlineList[1]}:\`, one on each line, not after the \`:\`.`, `Write \`${inlineList[1]}:\` on its own line, and each item under it on a line of its own starting with \`- \`.`);
  }
  if (rule === 'memberItem' && (image === ',' || image.toLowerCase() === 'and')) {
    const first = item.split(/\s*,\s*|\s+and\s+/i);
    return diagnostic('syntax/unexpected', 'error', span, 'A member list has one member on each line.', `Put each member on its own line: ${first.map((m) => `\`- ${m}\``).join(', then ')}.`);
  }
  if (rule === 'memberItem' && /^[a-z0-9-]+(?: [a-z0-9-]+)+$/.test(item)) {
    return diagnostic('syntax/bad-name', 'error', within(lineSpan, lineText.length - item.length, lineText.length), `\`${item}\` is not a name: a name cannot contain spaces.`, `Join the words with hyphens, \`${item.replace(/ /g, '-')}\`, and declare the post with that name.`);
  }
  const month = monthMeant(image);
  if (month) {
    return diagnostic('syntax/bad-date', 'error', span, `\`${image}\` is not a month — did you mean \`${month}\`?`, 'Write the month in full, e.g. `1 September 2019` or `September 2019`.');
  }
  return diagnostic('syntax/unexpected', 'error', span, `\`${image}\` is not expected here: the statement is already complete.`, 'Remove it, or put what follows on a line of its own.');
}

/** The month a word was meant to be, misspelt or shortened (`Septmber`, `Dec`), capitalised. */
function monthMeant(word: string): string | undefined {
  if (!/^[a-z]{3,}\.?$/i.test(word)) return undefined;
  const bare = word.replace(/\.$/, '').toLowerCase();
  const month = MONTHS.find((m) => m.startsWith(bare)) ?? closest(bare, MONTHS);
  return month && month !== bare ? month.charAt(0).toUpperCase() + month.slice(1) : undefined;
}

/** Blocks a statement can be written in, other than list items and section bodies. */
const STATEMENT_BLOCKS: readonly LineRule[] = ['topLine', 'partnershipLine', 'organisationLine', 'postLine', 'collaborationLine', 'groupLine'];

/** A line tor could read in another place: a list item outside a list, `held by` outside a post, a group indented into another. */
function misplacedStatement(rule: LineRule, lineText: string, lineSpan: Span, tokenSpan: Span): Diagnostic | undefined {
  const marker = /^[•·*–—]\s*/.exec(lineText);
  if (marker) {
    return diagnostic('syntax/unknown-statement', 'error', tokenSpan, `\`${marker[0].trim()}\` does not start a list item in tor.`, `Start the item with a hyphen and a space: \`- ${lineText.slice(marker[0].length)}\`.`);
  }
  if ((rule === 'memberItem' || rule === 'deputyItem') && !lineText.startsWith('-')) {
    return diagnostic('syntax/unknown-statement', 'error', lineSpan, `\`${lineText}\` is in a list, but has no \`- \` before it.`, `Write \`- ${lineText}\`.`);
  }
  if (lineText.startsWith('- ') && STATEMENT_BLOCKS.includes(rule)) {
    return diagnostic('syntax/unknown-statement', 'error', lineSpan, `\`${lineText}\` is a list item, but it is not indented under a list.`, 'Indent it like the items above it, under `members:` or the other line ending in `:` that starts its list.');
  }
  const words = lineText.toLowerCase().replace(/:/, ' ').split(/\s+/);
  const elsewhere = STATEMENT_BLOCKS.filter((other) => other !== rule && STARTERS[other].phrases.some((p) => p.split(' ').every((w, i) => words[i] === w)));
  if (elsewhere.length > 0) {
    const phrase = STARTERS[elsewhere[0]!].phrases.find((p) => p.split(' ').every((w, i) => words[i] === w))!;
    const places = elsewhere.map((other) => STARTERS[other].where).join(' or ');
    const hint = elsewhere.includes('topLine') ? 'Start it at the left margin, with no indentation.' : 'Indent it under the line it belongs to, like the statements around it.';
    return diagnostic('syntax/unknown-statement', 'error', lineSpan, `\`${phrase}\` is written ${places}, not ${STARTERS[rule].where}.`, hint);
  }
  if (rule === 'groupLine' && /^[A-Z]/.test(lineText) && lineText.split(/\s+/).length >= 3) {
    return diagnostic('syntax/unknown-statement', 'error', lineSpan, `\`${lineText}\` reads as text, but text in a group goes under a header such as \`purpose:\`.`, 'Indent it under `purpose:`, `summary:` or another line ending in `:`, or put it in a `section`.');
  }
  return undefined;
}
