import { createToken, Lexer, type TokenType } from 'chevrotain';

/**
 * Token types. Structured lines are split into words by `words.ts`;
 * runs of words that spell a keyword phrase ("chaired by", "quorate when") are then
 * merged into one keyword token (see `keywords.ts`). Layout tokens (Indent, Dedent,
 * Newline) and whole prose lines are made by the layout pass in `lexer.ts`.
 */

/** Every token that can appear inside free text (a title, a `key: value`). */
export const TextToken = createToken({ name: 'TextToken', pattern: Lexer.NA });
/** A single word that may name a declaration: any word, including one-word keywords (`section chair: …`). */
export const DeclarableWord = createToken({ name: 'DeclarableWord', pattern: Lexer.NA });

/** The words of a structured line; words.ts says which run of characters is which. */
export const IsoDate = createToken({ name: 'IsoDate', pattern: Lexer.NA, categories: [TextToken] });
export const Word = createToken({ name: 'Word', pattern: Lexer.NA, categories: [TextToken, DeclarableWord] });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: Lexer.NA, categories: [TextToken] });
export const Colon = createToken({ name: 'Colon', pattern: Lexer.NA, categories: [TextToken] });
export const Comma = createToken({ name: 'Comma', pattern: Lexer.NA, categories: [TextToken] });
export const LParen = createToken({ name: 'LParen', pattern: Lexer.NA, categories: [TextToken] });
export const RParen = createToken({ name: 'RParen', pattern: Lexer.NA, categories: [TextToken] });

export const Indent = createToken({ name: 'Indent', pattern: Lexer.NA });
export const Dedent = createToken({ name: 'Dedent', pattern: Lexer.NA });
export const Newline = createToken({ name: 'Newline', pattern: Lexer.NA });
/** One line of prose; its image is the line without indentation, its column keeps the indentation. */
export const ProseLine = createToken({ name: 'ProseLine', pattern: Lexer.NA });
/** A blank line inside a prose block (it separates paragraphs). */
export const ProseBlank = createToken({ name: 'ProseBlank', pattern: Lexer.NA });

/** The free text that ends a header or field line (a title, a name), lexed as one token. */
export const FreeText = createToken({ name: 'FreeText', pattern: Lexer.NA, categories: [TextToken] });

/** A bullet dash at the start of a structured line: `- item`. */
export const Dash = createToken({ name: 'Dash', pattern: Lexer.NA, categories: [TextToken] });
/** A number written in words ("three") or digits, recognised in structured positions. */
export const NumberWord = createToken({ name: 'NumberWord', pattern: Lexer.NA, categories: [TextToken] });
export const Month = createToken({ name: 'Month', pattern: Lexer.NA, categories: [TextToken] });

interface KeywordSpec {
  readonly name: string;
  readonly phrases: readonly string[];
}

function keyword(name: string, ...phrases: string[]): TokenType & { phrases: readonly string[] } {
  const singleWord = phrases.every((p) => !p.includes(' '));
  const categories = singleWord ? [TextToken, DeclarableWord] : [TextToken];
  const t = createToken({ name: `'${name}'`, pattern: Lexer.NA, categories }) as TokenType & { phrases: readonly string[] };
  t.phrases = phrases;
  return t;
}

// Declarations.
export const KwPartnership = keyword('partnership', 'partnership');
export const KwOrganisation = keyword('organisation', 'organisation', 'organization');
export const KwGroup = keyword('group', 'group');
export const KwSection = keyword('section', 'section');
export const KwPost = keyword('post', 'post');
export const KwUnit = keyword('unit', 'unit');
export const KwCollaboration = keyword('collaboration', 'collaboration');
export const KwInclude = keyword('include', 'include');

// Fields (`key: value`).
export const KwShortName = keyword('short name', 'short name');
export const KwDocumentTitle = keyword('document title', 'document title');
export const KwArea = keyword('area', 'area');
export const KwKind = keyword('kind', 'kind');
export const KwJointWith = keyword('joint with', 'joint with');
export const KwIfInquorate = keyword('if inquorate', 'if inquorate', 'if not quorate');
export const KwSafeguardingPartners = keyword('safeguarding partners', 'safeguarding partners');
export const KwLeadPartners = keyword('lead safeguarding partners', 'lead safeguarding partners');
export const KwDelegatedPartners = keyword('delegated safeguarding partners', 'delegated safeguarding partners');
export const KwPartnershipChair = keyword('partnership chair', 'partnership chair');
export const KwIndependentScrutineer = keyword('independent scrutineer', 'independent scrutineer');

// Prose blocks.
export const KwPurpose = keyword('purpose', 'purpose');
export const KwObjectives = keyword('objectives', 'objectives');
export const KwKeyObjectives = keyword('key objectives', 'key objectives');
export const KwResponsibilities = keyword('responsibilities', 'responsibilities');
export const KwAccountability = keyword('accountability', 'accountability');
export const KwMembership = keyword('membership', 'membership');
export const KwSummary = keyword('summary', 'summary');
export const KwSupportFrom = keyword('support from', 'support from');
export const KwRelevantAgencies = keyword('relevant agencies', 'relevant agencies');
export const KwFunctionalLinks = keyword('functional links', 'functional links');

// Structured blocks.
export const KwMembers = keyword('members', 'members');
export const KwExecutiveMembers = keyword('executive members', 'executive members');
export const KwNonExecutiveMembers = keyword('non-executive members', 'non-executive members');
export const KwObservers = keyword('observers', 'observers');
export const KwDeputies = keyword('deputies', 'deputies');

// Sentences.
export const KwFollows = keyword('follows', 'follows');
export const KwWorkingTogether = keyword('working together', 'working together');
export const KwPublished = keyword('published', 'published');
export const KwReviewed = keyword('reviewed', 'reviewed');
export const KwHeldBy = keyword('held by', 'held by');
export const KwPartOf = keyword('part of', 'part of');
export const KwAccountableTo = keyword('accountable to', 'accountable to');
export const KwChairedBy = keyword('chaired by', 'chaired by');
export const KwChairedInRotation = keyword('chaired in yearly rotation by', 'chaired in yearly rotation by');
export const KwViceChairedBy = keyword('vice-chaired by', 'vice-chaired by');
export const KwMeets = keyword('meets', 'meets');
export const KwMeetingsStart = keyword('meetings start', 'meetings start');
export const KwMeetingsArranged = keyword('meetings are arranged a year in advance from', 'meetings are arranged a year in advance from');
export const KwQuorateWhen = keyword('quorate when', 'quorate when');
export const KwDecides = keyword('decides', 'decides');

// Chair values.
export const KwMemberNominatedBy = keyword('a member nominated by', 'a member nominated by');
export const KwIndependentChairAppointedBy = keyword('an independent chair appointed by', 'an independent chair appointed by');

// Members and roles.
export const KwThe = keyword('the', 'the');
export const KwRepresentativeOf = keyword('a representative of', 'a representative of');
export const KwChairsOf = keyword('chairs of', 'chairs of');
export const KwChairOf = keyword('chair of', 'chair of');
export const KwChair = keyword('chair', 'chair');

// Deputies.
export const KwSameAuthority = keyword('must have the same decision-making authority', 'must have the same decision-making authority');
export const KwOneGradeLower = keyword('at most one grade lower', 'at most one grade lower');
export const KwByException = keyword('only by exception', 'only by exception');
export const KwCountTowardsQuorum = keyword('count towards the quorum', 'count towards the quorum');
export const KwDoNotCount = keyword('do not count towards the quorum', 'do not count towards the quorum');
export const KwOnlyWithFullAuthority = keyword('only with full delegated authority', 'only with full delegated authority');

// Cadence.
export const KwWeekly = keyword('weekly', 'weekly');
export const KwMonthly = keyword('monthly', 'monthly');
export const KwQuarterly = keyword('quarterly', 'quarterly');
export const KwAnnually = keyword('annually', 'annually', 'yearly');
export const KwTwiceAYear = keyword('twice a year', 'twice a year');
export const KwEvery = keyword('every', 'every');
export const KwWeek = keyword('week', 'week');
export const KwWeeks = keyword('weeks', 'weeks');
export const KwMonth = keyword('month', 'month');
export const KwMonths = keyword('months', 'months');
export const KwYear = keyword('year', 'year');
export const KwYears = keyword('years', 'years');
export const KwAsRequired = keyword('as required', 'as required');
export const KwButAtLeast = keyword('but at least', 'but at least');
export const KwInTheFirstYear = keyword('in the first year', 'in the first year');
export const KwThen = keyword('then', 'then');
export const KwAtLeast = keyword('at least', 'at least');

// Quorum.
export const KwOneMemberFromEachOf = keyword('one member from each of', 'one member from each of', 'a member from each of', 'a representative of each of');
export const KwOfTheMembers = keyword('of the members', 'of the members');
export const KwHalf = keyword('half', 'half');
export const KwAMajority = keyword('a majority', 'a majority');
export const KwAThird = keyword('a third', 'a third', 'one third');
export const KwTwoThirds = keyword('two thirds', 'two thirds', 'two-thirds');
export const KwThreeQuarters = keyword('three quarters', 'three quarters', 'three-quarters');
export const KwRoundedUp = keyword('rounded up', 'rounded up');
export const KwRoundedDown = keyword('rounded down', 'rounded down');
export const KwAll = keyword('all', 'all');
export const KwRepresentativesOf = keyword('representatives of', 'representatives of');
export const KwSeparateOrganisations = keyword(
  'separate organisations',
  'separate organisations',
  'separate agencies',
  'different organisations',
  'different agencies',
);
export const KwSectors = keyword('sectors', 'sectors');
export const KwAnd = keyword('and', 'and');
export const KwOr = keyword('or', 'or');
export const KwIncluding = keyword('including', 'including');
export const KwPresent = keyword('are present', 'are present', 'is present', 'attend', 'attends', 'are in attendance');
export const KwOf = keyword('of', 'of');
export const KwIn = keyword('in', 'in');

// Decisions.
export const KwByConsensus = keyword('by consensus', 'by consensus');
export const KwOtherwise = keyword('otherwise', 'otherwise');
export const KwByMajorityVoteOf = keyword('by a majority vote of', 'by a majority vote of');

export const keywordTokens: ReadonlyArray<TokenType & { phrases: readonly string[] }> = [
  KwPartnership, KwOrganisation, KwGroup, KwSection, KwPost, KwUnit, KwCollaboration, KwInclude,
  KwShortName, KwDocumentTitle, KwArea, KwKind, KwJointWith, KwIfInquorate, KwSafeguardingPartners,
  KwLeadPartners, KwDelegatedPartners, KwPartnershipChair, KwIndependentScrutineer,
  KwPurpose, KwObjectives, KwKeyObjectives, KwResponsibilities, KwAccountability, KwMembership,
  KwSummary, KwSupportFrom, KwRelevantAgencies, KwFunctionalLinks,
  KwMembers, KwExecutiveMembers, KwNonExecutiveMembers, KwObservers, KwDeputies,
  KwFollows, KwWorkingTogether, KwPublished, KwReviewed, KwHeldBy, KwPartOf, KwAccountableTo,
  KwChairedBy, KwChairedInRotation, KwViceChairedBy, KwMeets, KwMeetingsStart, KwMeetingsArranged,
  KwQuorateWhen, KwDecides, KwMemberNominatedBy, KwIndependentChairAppointedBy,
  KwThe, KwRepresentativeOf, KwChairsOf, KwChairOf, KwChair,
  KwSameAuthority, KwOneGradeLower, KwByException, KwCountTowardsQuorum, KwDoNotCount, KwOnlyWithFullAuthority,
  KwWeekly, KwMonthly, KwQuarterly, KwAnnually, KwTwiceAYear, KwEvery, KwWeek, KwWeeks, KwMonth, KwMonths,
  KwYear, KwYears, KwAsRequired, KwButAtLeast, KwInTheFirstYear, KwThen, KwAtLeast,
  KwOneMemberFromEachOf, KwOfTheMembers, KwHalf, KwAMajority, KwAThird, KwTwoThirds, KwThreeQuarters,
  KwRoundedUp, KwRoundedDown, KwAll, KwRepresentativesOf, KwSeparateOrganisations, KwSectors,
  KwAnd, KwOr, KwIncluding, KwPresent, KwOf, KwIn, KwByConsensus, KwOtherwise, KwByMajorityVoteOf,
];

export const allTokens: TokenType[] = [
  TextToken, DeclarableWord, FreeText, Indent, Dedent, Newline, ProseLine, ProseBlank, Dash, NumberWord, Month,
  IsoDate, NumberLiteral, Colon, Comma, LParen, RParen, Word,
  ...keywordTokens,
];

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12],
]);

export const MONTHS: readonly string[] = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

export type { KeywordSpec };
