import { defineRule, type Finding } from './rule.js';
import { compareDates, endOfDate, formatDate, groupName, isStrategic } from './support.js';

export default defineRule(
  {
    id: 'gp-tor-review-date',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'info',
    citation: 'Local good practice GP5 (not in the guidance)',
    confirmed: true,
    description: 'Executive groups and boards say when their terms of reference are reviewed, and a dated review has not passed.',
    rationale:
      'Terms of reference that are never reviewed drift from practice and from the guidance. The model checks that ' +
      'every executive group and board has `reviewed …`. When a date for today is given, a schedule of dates with no ' +
      'repeat (`reviewed in March 2024`) is overdue once the last date has ended (a month at its last day, a year at ' +
      '31 December). An interval alone (`reviewed annually`) cannot be dated, because the model does not record when ' +
      'the terms of reference were approved or last reviewed, and a schedule that continues `and every 3 years` is ' +
      'never overdue as written, for the same reason. The version and approving body of GP5 are not in the model.',
  },
  ({ model, today }) => {
    const findings: Finding[] = [];
    for (const group of model.groups) {
      if (!isStrategic(group)) continue;
      const name = groupName(group);
      if (!group.review) {
        findings.push({
          span: group.span,
          message: `${capital(name)} does not say when its terms of reference are reviewed.`,
          hint: 'Add e.g. `reviewed annually` or `reviewed in March 2026`.',
        });
        continue;
      }
      const schedule = group.review.schedule;
      if (!today || schedule.kind !== 'dates' || schedule.thenEvery) continue;
      const last = schedule.dates[schedule.dates.length - 1];
      if (!last || compareDates(endOfDate(last), today) >= 0) continue;
      findings.push({
        span: group.review.span,
        message: `The terms of reference of ${name} were due for review in ${formatDate(last)}.`,
        hint: 'Review them and give the date of the next review.',
      });
    }
    return findings;
  },
);

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
