import { defineRule } from './rule.js';
import { compareDates, endOfDate, formatDate, hasArrangements } from './support.js';

export default defineRule(
  {
    id: 'arrangements-kept-under-review',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'warning',
    citation: 'Working Together 2023, chapter 2, functions of the lead safeguarding partners (agree and review priorities); no review interval is set',
    confirmed: true,
    description: 'The arrangements state when they will be reviewed, and the next review is not overdue.',
    rationale:
      'The lead safeguarding partners keep the arrangements and their priorities under review; the guidance sets no interval. ' +
      'The model checks that `reviewed …` is given and, when a date for today is given, that a schedule of dates only has one ' +
      'still to come (a date with only a month means the end of that month, only a year the end of that year). A schedule that ' +
      'repeats (`annually`, `then every 3 years`) never runs out. It cannot check that a review took place. Only checked when ' +
      'the sources hold the published arrangements.',
  },
  ({ model, today }) => {
    if (!hasArrangements(model)) return [];
    const p = model.partnership;
    const review = p.review;
    if (review === undefined) {
      return [
        {
          span: p.span,
          message: 'The partnership does not say when the arrangements will be reviewed.',
          hint: 'Add e.g. `reviewed in December 2026, then every 3 years` to the partnership, and `{review schedule}` in `section review`.',
        },
      ];
    }
    if (today === undefined || review.kind !== 'dates' || review.thenEvery !== undefined || review.dates.length === 0) return [];
    if (review.dates.some((d) => compareDates(endOfDate(d), today) >= 0)) return [];
    const last = review.dates.reduce((a, b) => (compareDates(endOfDate(a), endOfDate(b)) >= 0 ? a : b));
    return [
      {
        span: p.spans.review ?? p.span,
        message: `The last review of the arrangements was due by ${formatDate(last)}, and no later review is planned.`,
        hint: `Review the arrangements and add the next date, e.g. \`reviewed in ${formatDate(last)}, then in ${today.year + 1} and every 3 years\`.`,
      },
    ];
  },
);
