import { defineRule, EDITIONS, type EditionCode } from './rule.js';
import { compareDates, endOfDate, formatDate, hasArrangements } from './support.js';

/** When each edition came out (the reference gives the month). */
const RELEASED: Record<EditionCode, { year: number; month: number }> = {
  wt18: { year: 2018, month: 7 },
  wt23: { year: 2023, month: 12 },
  wt26: { year: 2026, month: 3 },
};

export default defineRule(
  {
    id: 'arrangements-published',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'error',
    citation:
      'Children Act 2004, s16E and s16G (subsection not confirmed); Working Together 2018 (publish by 29 June 2019); Working Together 2023 (republish by December 2024)',
    confirmed: false,
    description: 'The arrangements say when they were published, and were published for the edition they are checked against.',
    rationale:
      'The safeguarding partners must publish their arrangements, and republish them when the guidance changes. The model checks ' +
      'that `published` is given and is not before the edition came out (July 2018, December 2023, March 2026). It compares ' +
      'months: a date with only a year counts as its end. It cannot check the web address, nor the deadlines set for ' +
      'republishing. Only checked when the sources hold the published arrangements.',
  },
  ({ model, edition }) => {
    if (!hasArrangements(model)) return [];
    const p = model.partnership;
    const title = EDITIONS[edition].title;
    if (p.published === undefined) {
      return [
        {
          span: p.span,
          message: 'The partnership does not say when the arrangements were published.',
          hint: 'Add `published <month> <year>` to the partnership, e.g. `published September 2024`.',
        },
      ];
    }
    const released = RELEASED[edition];
    const end = endOfDate(p.published);
    if (compareDates({ year: end.year, month: end.month, day: 1 }, { ...released, day: 1 }) >= 0) return [];
    return [
      {
        span: p.spans.published ?? p.span,
        message: `The arrangements were published ${p.published.day === undefined ? 'in' : 'on'} ${formatDate(p.published)}, before ${title} (${formatDate(released)}).`,
        hint: `Review the arrangements against ${title}, republish them, and change \`published\` to the new date.`,
      },
    ];
  },
);
