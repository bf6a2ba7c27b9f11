import { defineRule } from './rule.js';
import { partnerKinds } from './support.js';

export default defineRule(
  {
    id: 'three-safeguarding-partners',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'error',
    citation: 'Children Act 2004, s16E(1) and (3)',
    confirmed: true,
    description: 'The safeguarding partners are a local authority, an integrated care board (a CCG before July 2022) and the police.',
    rationale:
      'The Act names the three safeguarding partners for a local authority area, with a joint and equal duty. ' +
      'The model checks that `safeguarding partners:` names an organisation of each kind; it cannot check that ' +
      'their areas overlap the local authority area, which the Act also requires.',
  },
  ({ model }) => {
    const p = model.partnership;
    const span = p.spans['safeguarding partners'] ?? p.span;
    const kinds = partnerKinds(model);
    const missing: string[] = [];
    if (!kinds.has('local authority')) missing.push('a local authority');
    if (!kinds.has('integrated care board') && !kinds.has('clinical commissioning group')) missing.push('an integrated care board');
    if (!kinds.has('police')) missing.push('the police');
    if (missing.length === 0) return [];
    const named = p.safeguardingPartners.length === 0 ? 'The partnership names no safeguarding partners' : 'The safeguarding partners do not include';
    return [
      {
        span,
        message: `${named}${p.safeguardingPartners.length === 0 ? '' : ` ${listOr(missing)}`}.`,
        hint: 'Write `safeguarding partners: <council>, <icb> and <police>` with organisations whose `kind:` is local authority, integrated care board and police.',
      },
    ];
  },
);

function listOr(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
