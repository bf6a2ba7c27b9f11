import { defineRule } from './rule.js';

export default defineRule(
  {
    id: 'partnership-chair-is-dsp',
    editions: ['wt23', 'wt26'],
    severity: 'warning',
    citation: 'Working Together 2023, chapter 2, partnership chair (para not confirmed; practice: Devon, Birmingham, Staffordshire)',
    confirmed: false,
    description: 'The partnership chair is one of the delegated safeguarding partners.',
    rationale:
      'Under Working Together 2023 the partnership chair replaced the independent chair; in practice it is a delegated safeguarding ' +
      'partner (or delegated safeguarding partners as rotating co-chairs). That the guidance requires it was not confirmed, so ' +
      'partnerships may turn this rule off in their configuration. The model checks that the `partnership chair:` post is in ' +
      '`delegated safeguarding partners:`; rotating co-chairs are not modelled.',
  },
  ({ model }) => {
    const p = model.partnership;
    const chair = p.partnershipChair;
    if (chair === undefined || p.delegatedPartners.includes(chair)) return [];
    const post = model.posts.find((x) => x.id === chair);
    return [
      {
        span: p.spans['partnership chair'] ?? p.span,
        message: `The partnership chair, the ${post?.title ?? chair}, is not one of the delegated safeguarding partners.`,
        hint: 'Name one of the delegated safeguarding partners in `partnership chair:`; an independent chair can become the independent scrutineer.',
      },
    ];
  },
);
