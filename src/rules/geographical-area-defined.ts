import { defineRule } from './rule.js';
import { hasArrangements, hasSection } from './support.js';

export default defineRule(
  {
    id: 'geographical-area-defined',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'error',
    citation: 'Children Act 2004, s16E; Working Together 2018, chapter 3 (one set of arrangements may cover several local authority areas)',
    confirmed: true,
    description: 'The partnership says which geographical area it covers.',
    rationale:
      'The safeguarding partners make arrangements for a local authority area, so the arrangements must say which. The model ' +
      'checks for `area:` on the partnership or a section `area` in the arrangements; the area is free text, so it cannot check ' +
      'that it names local authority boundaries, nor that each local authority in it has its three partners.',
  },
  ({ model }) => {
    const p = model.partnership;
    if (p.area !== undefined || (hasArrangements(model) && hasSection(model, 'area'))) return [];
    return [
      {
        span: p.span,
        message: 'The partnership does not say which area it covers.',
        hint: hasArrangements(model)
          ? 'Add `area: <local authority area>` to the partnership, or `section area: Geographical Area` naming the local authority boundaries.'
          : 'Add `area: <local authority area>` to the partnership.',
      },
    ];
  },
);
