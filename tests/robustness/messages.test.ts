import { describe, expect, it } from 'vitest';
import type { Diagnostic, Severity } from '../../src/diagnostics/diagnostic.js';
import { compileText, PARTNERSHIP } from '../helpers.js';

/**
 * The thirty mistakes an author is most likely to make in a `.tor` file, each made once in an
 * otherwise correct partnership, and exactly what tor must say about it: the code, the place,
 * the problem in the author's words and the fix.
 */

/** A group and an education organisation that, added to the partnership, compile without a finding of their own. */
const SOURCE = `${PARTNERSHIP}
group executive: Executive Group
  kind: executive
  accountable to the lead safeguarding partners
  chaired by dcs
  members:
    - nurse
    - superintendent
    - headteacher
  meets quarterly
  quorate when all members are present

organisation schools: Schools
  kind: education
  post headteacher: Headteacher Representative

section structure: Structure
  {structure diagram}
`;

/** The line of SOURCE that starts with `text` (after indentation), counted from 1. */
function lineOf(text: string): number {
  const index = SOURCE.split('\n').findIndex((line) => line.trimStart().startsWith(text));
  if (index < 0) throw new Error(`no line starts with ${text}`);
  return index + 1;
}

interface Mistake {
  mistake: string;
  /** Text of SOURCE that the mistake replaces; it occurs exactly once. */
  from: string;
  to: string;
  code: string;
  severity: Severity;
  /** line:column, the line given by the text it starts with in SOURCE. */
  line: number;
  column: number;
  message: string;
  hint: string;
}

const EXECUTIVE = lineOf('group executive');
const MEMBERS = lineOf('members:');
const MEETS = lineOf('meets quarterly');
const QUORUM = lineOf('quorate when');
const SCHOOLS = lineOf('organisation schools');

const MISTAKES: readonly Mistake[] = [
  {
    mistake: 'misspelt declaration keyword',
    from: 'group executive:',
    to: 'gruop executive:',
    code: 'syntax/unknown-statement',
    severity: 'error',
    line: EXECUTIVE,
    column: 1,
    message: '`gruop` is not something tor understands at the left margin — did you mean `group`?',
    hint: 'Write `group executive: Executive Group`.',
  },
  {
    mistake: 'misspelt statement',
    from: 'chaired by dcs',
    to: 'chared by dcs',
    code: 'syntax/unknown-statement',
    severity: 'error',
    line: lineOf('chaired by'),
    column: 3,
    message: '`chared by` is not something tor understands in a group — did you mean `chaired by`?',
    hint: 'Write `chaired by dcs`.',
  },
  {
    mistake: 'misspelt list header',
    from: '  members:',
    to: '  memebers:',
    code: 'syntax/unknown-statement',
    severity: 'error',
    line: MEMBERS,
    column: 3,
    message: '`memebers` is not something tor understands in a group — did you mean `members`?',
    hint: 'Write `members:`.',
  },
  {
    mistake: 'misspelt frequency',
    from: 'meets quarterly',
    to: 'meets quartely',
    code: 'syntax/unexpected',
    severity: 'error',
    line: MEETS,
    column: 9,
    message: '`quartely` is not a meeting frequency — did you mean `quarterly`?',
    hint: 'Write `meets quarterly`.',
  },
  {
    mistake: 'a frequency tor does not read',
    from: 'meets quarterly',
    to: 'meets fortnightly',
    code: 'syntax/unexpected',
    severity: 'error',
    line: MEETS,
    column: 9,
    message: '`fortnightly` is not a meeting frequency tor reads — did you mean `every 2 weeks`?',
    hint: 'Write `meets every 2 weeks`.',
  },
  {
    mistake: 'singular after a number',
    from: 'meets quarterly',
    to: 'meets every 2 month',
    code: 'syntax/plural',
    severity: 'error',
    line: MEETS,
    column: 17,
    message: '`every 2 month` needs the plural — did you mean `every 2 months`?',
    hint: 'Write `every 2 months`.',
  },
  {
    mistake: 'colon missing after the name',
    from: 'group executive: Executive Group',
    to: 'group executive Executive Group',
    code: 'syntax/missing-colon',
    severity: 'error',
    line: EXECUTIVE,
    column: 17,
    message: 'A `:` is missing before `Executive`.',
    hint: 'Write `group executive: Executive Group`.',
  },
  {
    mistake: 'colon missing after a list header',
    from: '  members:\n',
    to: '  members\n',
    code: 'syntax/missing-colon',
    severity: 'error',
    line: MEMBERS,
    column: 10,
    message: '`members` needs a `:` at the end: what belongs to it is indented under it.',
    hint: 'Write `members:`.',
  },
  {
    mistake: 'declaration without a title',
    from: 'group executive: Executive Group',
    to: 'group executive:',
    code: 'syntax/incomplete',
    severity: 'error',
    line: EXECUTIVE,
    column: 17,
    message: '`group executive:` needs a title after the `:`.',
    hint: 'Write the title as it should appear in the documents, e.g. `group executive: Executive`.',
  },
  {
    mistake: 'a name written with a space',
    from: 'section structure: Structure',
    to: 'section our structure: Structure',
    code: 'syntax/bad-name',
    severity: 'error',
    line: lineOf('section structure'),
    column: 9,
    message: '`our structure` is not a valid name: a name cannot contain spaces.',
    hint: 'Join the words with hyphens: `our-structure`. The title after the `:` may have spaces.',
  },
  {
    mistake: 'a member listed twice',
    from: '    - headteacher\n',
    to: '    - headteacher\n    - nurse\n',
    code: 'resolve/duplicate-member',
    severity: 'error',
    line: MEMBERS + 4,
    column: 5,
    message: `\`nurse\` is already listed as a member (line ${MEMBERS + 1}).`,
    hint: 'Remove the second mention.',
  },
  {
    mistake: 'misspelt member',
    from: '    - nurse',
    to: '    - nurce',
    code: 'resolve/unknown-name',
    severity: 'error',
    line: MEMBERS + 1,
    column: 7,
    message: '`nurce` is not a post, a unit or an organisation declared in this project — did you mean `nurse`?',
    hint: 'Correct the spelling to `nurse`, or declare `nurce` if it is new.',
  },
  {
    mistake: 'a member named in two words',
    from: '    - nurse',
    to: '    - chief nurse',
    code: 'syntax/bad-name',
    severity: 'error',
    line: MEMBERS + 1,
    column: 7,
    message: '`chief nurse` is not a name: a name cannot contain spaces.',
    hint: 'Join the words with hyphens, `chief-nurse`, and declare the post with that name.',
  },
  {
    mistake: 'members written after the colon',
    from: '  members:\n    - nurse\n    - superintendent\n    - headteacher\n',
    to: '  members: nurse, superintendent and headteacher\n',
    code: 'syntax/unexpected',
    severity: 'error',
    line: MEMBERS,
    column: 12,
    message: 'The members are listed under `members:`, one on each line, not after the `:`.',
    hint: 'Write `members:` on its own line, and each item under it on a line of its own starting with `- `.',
  },
  {
    mistake: 'a list item not indented under its list',
    from: '    - headteacher',
    to: '  - headteacher',
    code: 'syntax/unknown-statement',
    severity: 'error',
    line: MEMBERS + 3,
    column: 3,
    message: '`- headteacher` is a list item, but it is not indented under a list.',
    hint: 'Indent it like the items above it, under `members:` or the other line ending in `:` that starts its list.',
  },
  {
    mistake: 'a list item without its hyphen',
    from: '    - headteacher',
    to: '    headteacher',
    code: 'syntax/unknown-statement',
    severity: 'error',
    line: MEMBERS + 3,
    column: 5,
    message: '`headteacher` is in a list, but has no `- ` before it.',
    hint: 'Write `- headteacher`.',
  },
  {
    mistake: 'a bullet pasted from a word processor',
    from: '    - headteacher',
    to: '    • headteacher',
    code: 'syntax/unknown-statement',
    severity: 'error',
    line: MEMBERS + 3,
    column: 5,
    message: '`•` does not start a list item in tor.',
    hint: 'Start the item with a hyphen and a space: `- headteacher`.',
  },
  {
    mistake: 'a tab for indentation',
    from: '  meets quarterly',
    to: '\tmeets quarterly',
    code: 'syntax/tab-indent',
    severity: 'error',
    line: MEETS,
    column: 1,
    message: 'This line is indented with a tab.',
    hint: 'Indent with spaces: two for each level. `tor fmt --write` does it for you.',
  },
  {
    mistake: 'indentation that matches no block',
    from: '  meets quarterly',
    to: '   meets quarterly',
    code: 'syntax/indentation',
    severity: 'error',
    line: MEETS,
    column: 1,
    message: 'This line is indented 3 spaces, which lines up with no block above it (2 or 4 spaces).',
    hint: 'Indent it like the statements it belongs with.',
  },
  {
    mistake: 'a statement not indented under its declaration',
    from: '  kind: executive',
    to: 'kind: executive',
    code: 'syntax/unknown-statement',
    severity: 'error',
    line: EXECUTIVE + 1,
    column: 1,
    message: '`kind` is written in an organisation or in a group, not at the left margin.',
    hint: 'Indent it under the line it belongs to, like the statements around it.',
  },
  {
    mistake: '`held by` not indented under its post',
    from: '    held by Ada Lovelace',
    to: '  held by Ada Lovelace',
    code: 'syntax/unknown-statement',
    severity: 'error',
    line: lineOf('held by Ada'),
    column: 3,
    message: '`held by` is written under a post, not in an organisation.',
    hint: 'Indent it under the line it belongs to, like the statements around it.',
  },
  {
    mistake: 'a date that does not exist, with slashes',
    from: '  meets quarterly\n',
    to: '  meets quarterly\n  meetings start 31/02/2025\n',
    code: 'syntax/bad-date',
    severity: 'error',
    line: MEETS + 1,
    column: 18,
    message: '`31/02/2025` is not a date: February 2025 has 28 days.',
    hint: 'Check the day, and write the month in words, e.g. `28 February 2025`.',
  },
  {
    mistake: 'an ordinal in a date',
    from: '  meets quarterly\n',
    to: '  meets quarterly\n  meetings start 1st September 2025\n',
    code: 'syntax/bad-date',
    severity: 'error',
    line: MEETS + 1,
    column: 18,
    message: '`1st` is not a day tor reads: write the day as a plain number, without `st`.',
    hint: 'Write `1 September 2025`.',
  },
  {
    mistake: 'misspelt month',
    from: '  meets quarterly\n',
    to: '  meets quarterly\n  meetings start 1 Septmber 2025\n',
    code: 'syntax/bad-date',
    severity: 'error',
    line: MEETS + 1,
    column: 20,
    message: '`Septmber` is not a month — did you mean `September`?',
    hint: 'Write the month in full, e.g. `1 September 2019` or `September 2019`.',
  },
  {
    mistake: 'unknown kind of organisation',
    from: '  kind: education',
    to: '  kind: school',
    code: 'syntax/unknown-value',
    severity: 'error',
    line: SCHOOLS + 1,
    column: 9,
    message: '`school` is not a kind of organisation.',
    hint:
      'Use one of: `local authority`, `integrated care board`, `clinical commissioning group`, `police`, `police and crime commissioner`, ' +
      '`education`, `early years`, `health provider`, `public health`, `voluntary sector`, `probation`, `youth justice`, `prison`, ' +
      '`fire and rescue`, `faith`, `housing`, `sport`, `partnership`, `other`.',
  },
  {
    mistake: 'the same name declared twice',
    from: 'post headteacher: Headteacher Representative',
    to: 'post headteacher: Headteacher Representative\n  post dcs: Head of Inclusion',
    code: 'resolve/duplicate-id',
    severity: 'error',
    line: SCHOOLS + 3,
    column: 8,
    message: `\`dcs\` is already declared, as a post at test.tor:${lineOf('post dcs')}.`,
    hint: 'Every organisation, unit, post, group and collaboration needs a different name.',
  },
  {
    mistake: 'a group accountable to itself',
    from: 'accountable to the lead safeguarding partners',
    to: 'accountable to executive',
    code: 'resolve/accountability-cycle',
    severity: 'error',
    line: EXECUTIVE + 2,
    column: 3,
    message: 'The group `executive` is accountable to itself.',
    hint: 'Make it accountable to the group above it, or to the lead safeguarding partners.',
  },
  {
    mistake: 'a quorum naming someone who is not a member',
    from: 'quorate when all members are present',
    to: 'quorate when dcs and chief-constable are present',
    code: 'quorum-members-only',
    severity: 'error',
    line: QUORUM,
    column: 24,
    message: 'The quorum of Executive Group needs `chief-constable`, who is not a member of it.',
    hint: 'Add `chief-constable` to the members, or change the quorum.',
  },
  {
    mistake: 'a quorum count without its plural',
    from: 'quorate when all members are present',
    to: 'quorate when 3 member are present',
    code: 'syntax/unexpected',
    severity: 'error',
    line: QUORUM,
    column: 18,
    message: '`member` is not a number of members — did you mean `members`?',
    hint: 'Write `quorate when 3 members are present`.',
  },
  {
    mistake: 'a statement ending with a full stop',
    from: 'quorate when all members are present',
    to: 'quorate when all members are present.',
    code: 'syntax/unexpected',
    severity: 'error',
    line: QUORUM,
    column: 39,
    message: 'This statement ends with a full stop, which tor does not expect.',
    hint: 'Remove the full stop at the end of the line.',
  },
];

/** Diagnostics are compared by what the author reads: code, severity, place, message and hint. */
function shown(d: Diagnostic): string {
  return JSON.stringify([d.code, d.severity, d.start.line, d.start.column, d.message, d.hint]);
}

function expected(m: Mistake): string {
  return JSON.stringify([m.code, m.severity, m.line, m.column, m.message, m.hint]);
}

/** The diagnostics the mistake adds to those of the correct source (the rules still report on the bare partnership). */
function introducedBy(m: Mistake): string[] {
  expect(SOURCE.split(m.from).length - 1, `\`${m.from}\` occurs once in the source`).toBe(1);
  const before = new Set(compileText(SOURCE).diagnostics.map(shown));
  return compileText(SOURCE.replace(m.from, m.to)).diagnostics.map(shown).filter((d) => !before.has(d));
}

describe('the thirty most likely mistakes', () => {
  it('start from a source with no syntax or name errors', () => {
    const found = compileText(SOURCE).diagnostics.filter((d) => d.code.startsWith('syntax/') || d.code.startsWith('resolve/'));
    expect(found).toEqual([]);
  });

  it('are thirty different mistakes', () => {
    expect(new Set(MISTAKES.map((m) => m.mistake)).size).toBe(30);
    expect(new Set(MISTAKES.map((m) => m.to)).size).toBe(30);
  });

  it.each(MISTAKES.map((m) => [m.mistake, m] as const))('%s: one diagnostic, at the mistake, saying what to do', (_name, m) => {
    expect(introducedBy(m)).toEqual([expected(m)]);
  });

  it('speak the author’s language, never the parser’s, and always say how to fix it', () => {
    for (const m of MISTAKES) {
      expect(m.message).not.toMatch(/token|exception|\bEOF\b|NoViable|Mismatched|\bexpecting\b/i);
      expect(m.hint.length).toBeGreaterThan(10);
    }
  });
});

describe('what looks like a mistake but is not', () => {
  it.each([
    ['a chair not listed among the members (whoever chairs is a member)', SOURCE.replace('chaired by dcs', 'chaired by council-ceo')],
    ['a post used before it is declared', `${SOURCE.replace('    - headteacher', '    - headteacher\n    - adviser')}\npost adviser: Adviser\n`],
    ['keywords with capitals', SOURCE.replace('meets quarterly', 'Meets Quarterly')],
  ])('%s', (_name, text) => {
    expect(text).not.toBe(SOURCE);
    const errors = compileText(text).diagnostics.filter((d) => d.code.startsWith('syntax/') || d.code.startsWith('resolve/'));
    expect(errors).toEqual([]);
  });
});
