import { defineRule } from './rule.js';

export default defineRule(
  {
    id: 'independent-scrutiny-required',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'error',
    citation: 'Children Act 2004, s16G (subsection not confirmed); Working Together 2018, chapter 3; Working Together 2023, chapter 2',
    confirmed: false,
    description: 'The partnership names an independent scrutineer.',
    rationale:
      'The arrangements must provide for scrutiny of their effectiveness by an independent person. The model checks that ' +
      '`independent scrutineer:` names a post; it cannot check a scrutiny model described only in prose, nor that the scrutiny ' +
      'is carried out.',
  },
  ({ model }) => {
    const p = model.partnership;
    if (p.independentScrutineer !== undefined) return [];
    return [
      {
        span: p.span,
        message: 'The partnership does not name an independent scrutineer.',
        hint: 'Declare `post scrutineer: Independent Scrutineer` (with `held by <name>`) and add `independent scrutineer: scrutineer` to the partnership.',
      },
    ];
  },
);
