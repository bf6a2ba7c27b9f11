import { defineRule } from './rule.js';

export default defineRule(
  {
    id: 'partnership-chair-appointed',
    editions: ['wt23', 'wt26'],
    severity: 'warning',
    citation: 'Working Together 2023, chapter 2, partnership chair (a new role in 2023; DfE summary via Local Government Lawyer)',
    confirmed: true,
    description: 'The partnership names its partnership chair.',
    rationale:
      'Working Together 2023 asks the lead safeguarding partners to agree a partnership chair who facilitates the partnership’s ' +
      'business and a clear route for escalation. The model checks that `partnership chair:` names a post; it cannot check how ' +
      'the chair was chosen or for how long, which the terms of reference should also say.',
  },
  ({ model }) => {
    const p = model.partnership;
    if (p.partnershipChair !== undefined) return [];
    return [
      {
        span: p.span,
        message: 'The partnership does not name its partnership chair.',
        hint: 'Add `partnership chair: <post>` to the partnership, naming the post the lead safeguarding partners agreed (usually a delegated safeguarding partner).',
      },
    ];
  },
);
