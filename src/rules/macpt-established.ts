import { defineRule, type Finding } from './rule.js';
import { members, organisation } from './support.js';

const CORE: ReadonlyArray<[kind: string, words: string]> = [
  ['local authority', 'the local authority'],
  ['integrated care board', 'the integrated care board'],
  ['police', 'the police'],
];

export default defineRule(
  {
    id: 'macpt-established',
    editions: ['wt26'],
    severity: 'error',
    commencement: { flag: 'cwsa26.s3', before: 'info' },
    citation: 'Children’s Wellbeing and Schools Act 2026, s.3, inserting s16EA into the Children Act 2004 (commencement date not confirmed)',
    confirmed: false,
    description: 'The safeguarding partners have established at least one multi-agency child protection team with members from the local authority, the ICB and the police.',
    rationale:
      'Section 3 of the 2026 Act requires the safeguarding partners to establish at least one multi-agency child protection team ' +
      'with fixed core members: a person with education experience and a social worker (nominated by the local authority), a ' +
      'health professional (ICB) and a police officer or employee with child protection experience. It starts on a date set by ' +
      'regulations (reportedly 2027, not confirmed); until the `cwsa26.s3` flag is given the finding is only information. The ' +
      'model checks for a group of kind `multi-agency child protection team` with a member from an organisation of each of the ' +
      'three kinds; it cannot check the members’ professions or experience, so the education member is not checked.',
  },
  ({ model }) => {
    const teams = model.groups.filter((g) => g.kind === 'multi-agency child protection team');
    if (teams.length === 0) {
      return [
        {
          span: model.partnership.span,
          message: 'The partnership has no multi-agency child protection team.',
          hint: 'Add `group macpt: Multi-Agency Child Protection Team` with `kind: multi-agency child protection team` and members from the local authority, the integrated care board and the police.',
        },
      ];
    }
    const findings: Finding[] = [];
    for (const team of teams) {
      const kinds = new Set(members(team).map((s) => organisation(model, s.organisation)?.kind));
      const missing = CORE.filter(([kind]) => !kinds.has(kind)).map(([, words]) => words);
      if (missing.length === 0) return [];
      findings.push({
        span: team.span,
        message: `The ${team.title} has no member from ${list(missing, 'or')}.`,
        hint: `Add to the members of \`${team.id}\` a post of ${list(missing, 'and')} (the core members are a social worker and a person with education experience from the local authority, a health professional from the ICB and a police officer).`,
      });
    }
    return findings;
  },
);

function list(items: readonly string[], conjunction: 'and' | 'or'): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
