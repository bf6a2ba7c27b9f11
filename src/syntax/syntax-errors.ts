import { EOF, type IRecognitionException, type IToken } from 'chevrotain';
import { diagnostic, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { closest, closestLeadingPhrase } from '../diagnostics/suggest.js';
import type { LineRule } from './parser.js';

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

const FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'annually', 'yearly', 'twice a year', 'every', 'as required', 'at least', 'in the first year', 'then'];
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

  if (/--> Colon <--/.test(error.message)) {
    return diagnostic('syntax/missing-colon', 'error', atEnd ? span : spanOf(found), `A \`:\` is missing before \`${image || 'the end of the line'}\`.`, `Write the name, then \`:\`, then the text, e.g. \`group executive: Executive Group\`.`);
  }

  const expected = BY_RULE[innermost];
  if (atEnd) {
    const what = expected ? expected.what : 'more';
    return diagnostic('syntax/incomplete', 'error', span, `This line stops too soon: it needs ${what}.`, expected ? `For example: \`${expected.example}\`.` : undefined);
  }
  if (error.name === 'NotAllInputParsedException') {
    return diagnostic('syntax/unexpected', 'error', span, `\`${image}\` is not expected here: the statement is already complete.`, 'Remove it, or put what follows on a line of its own.');
  }
  if (!expected) {
    return diagnostic('syntax/unexpected', 'error', span, `\`${image}\` is not expected here.`, `Check this line against the examples in the language reference.`);
  }
  const rest = lineText.slice(Math.max(0, found.startOffset - lineSpan.start.offset)).replace(/^-\s*/, '');
  const suggestion = closestLeadingPhrase(rest, expected.candidates) ?? closest(image, expected.candidates);
  const guess = suggestion ? ` — did you mean \`${suggestion}\`?` : '.';
  const code = innermost === 'date' || innermost === 'published' || innermost === 'meetingsStart' ? 'syntax/bad-date' : 'syntax/unexpected';
  const hint = code === 'syntax/bad-date'
    ? 'Write dates like `1 September 2019`, `September 2019`, `2019` or `2019-09-01`.'
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
    return diagnostic('syntax/unknown-statement', 'error', span, `\`${shown}\` is not something tor understands ${starters.where} — did you mean \`${suggestion}\`?`, undefined);
  }
  const list = starters.phrases.slice(0, 12).map((p) => `\`${p}\``).join(', ');
  return diagnostic('syntax/unknown-statement', 'error', lineSpan.start.offset === tokenSpan.start.offset ? lineSpan : tokenSpan, `tor does not understand \`${lineText}\` ${starters.where}.`, `A line here starts with one of: ${list}${starters.phrases.length > 12 ? ', …' : ''}.`);
}
