import { defineRule } from './rule.js';
import { isStrategic, members, organisation } from './support.js';

export default defineRule(
  {
    id: 'education-included',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'error',
    commencement: { flag: 'cwsa26.s2', before: 'warning' },
    citation:
      'Working Together 2018, chapter 3; Working Together 2023, chapter 2 (education at strategic and operational level); Children’s Wellbeing and Schools Act 2026, s.2, inserting s16E(1)(aa) and (2A) into the Children Act 2004',
    confirmed: true,
    description: 'Education sits at the strategic table: an executive group or board has an education or early years member.',
    rationale:
      'Working Together asks the arrangements to include schools, colleges and early years settings at strategic and ' +
      'operational level; once s.2 of the 2026 Act is in force, designated education and childcare agencies must be included, ' +
      'so the rule is an error from then on. The model checks that a group of kind executive or board has a member from an ' +
      'organisation of kind education or early years, a post or unit whose title names education, schools or early years (a ' +
      'Director of Education), or the chair of a group whose title mentions education. It cannot check ' +
      'the operational route (e.g. a DSL network) nor that every designated type of setting is present.',
  },
  ({ model }) => {
    const strategic = model.groups.filter(isStrategic);
    const educationKinds = new Set(['education', 'early years']);
    const chairsEducation = (role: string): boolean => {
      const id = /^chair of (.+)$/.exec(role)?.[1];
      const group = id === undefined ? undefined : model.groups.find((g) => g.id === id);
      return group !== undefined && /\beducation/i.test(group.title);
    };
    // A post or unit of another organisation that is about education (a Director of Education) also counts.
    const titled = (id: string): boolean => {
      const title = model.posts.find((x) => x.id === id)?.title ?? model.units.find((x) => x.id === id)?.name;
      return title !== undefined && /\beducation\b|\bschools?\b|\bearly years\b/i.test(title);
    };
    const included = strategic.some((g) =>
      members(g).some((s) => educationKinds.has(organisation(model, s.organisation)?.kind ?? '') || s.roles.some(chairsEducation) || titled(s.id)),
    );
    if (included) return [];
    const names = strategic.map((g) => `the ${g.title}`);
    const message =
      names.length === 0
        ? 'The partnership has no executive group or board, so education has no seat at the strategic table.'
        : names.length === 1
          ? `${capitalise(names[0]!)} has no member from education or early years.`
          : `Neither ${names.slice(0, -1).join(', ')} nor ${names[names.length - 1]} has a member from education or early years.`;
    return [
      {
        span: strategic.length === 1 ? strategic[0]!.span : model.partnership.span,
        message,
        hint: 'Give education a seat on the executive group or board: a member from an organisation of `kind: education` or `kind: early years`, or `the chair of <education subgroup>`.',
      },
    ];
  },
);

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
