import type { Deadline, Duty } from '../model/model.js';
import { defineRule, type Finding } from './rule.js';
import { groupName, plural, workingDays } from './support.js';

/** Papers go out at least this many working days before the meeting. */
const PAPERS_BEFORE = 5;
/** Draft minutes follow within this many working days. */
const MINUTES_AFTER = 10;

export default defineRule(
  {
    id: 'gp-papers-and-minutes',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'info',
    citation: 'Local good practice GP4 (not in the guidance)',
    confirmed: true,
    description: `Papers go out at least ${PAPERS_BEFORE} working days before a meeting, and minutes within ${MINUTES_AFTER} working days after it.`,
    rationale:
      'Members need time to read papers and to act on minutes. The model reads the deadlines of the `support from …:` ' +
      'duties of each group that has them: a duty about papers (or agenda and papers) must say at least ' +
      `${PAPERS_BEFORE} working days before, a duty about minutes at most ${MINUTES_AFTER} working days after. A week is 5 working days; ` +
      'calendar days count as days × 5/7 working days, rounded down before the meeting and up after it, so a ' +
      'conversion never flatters the deadline. A missing papers or minutes deadline is reported too. A deadline on the ' +
      'wrong side of the meeting is `deadline-order`\'s finding. Groups with no support duties are not checked.',
  },
  ({ model }) => {
    const findings: Finding[] = [];
    for (const group of model.groups) {
      const support = group.support;
      if (!support || support.duties.length === 0) continue;
      const name = groupName(group);
      const dated = (kind: Duty['kind']) => support.duties.filter((d): d is Duty & { deadline: Deadline } => d.kind === kind && d.deadline !== undefined);
      const papers = dated('papers');
      const minutes = dated('minutes');
      if (papers.length === 0) {
        findings.push({
          span: support.span,
          message: `${capital(name)} does not say how long before a meeting its papers are sent.`,
          hint: `Add a duty such as \`- Send the agenda and papers to members at least ${PAPERS_BEFORE} working days before the meeting\`.`,
        });
      }
      for (const duty of papers) {
        if (duty.deadline.relation !== 'before') continue;
        const days = workingDays(duty.deadline, 'down');
        if (days >= PAPERS_BEFORE) continue;
        findings.push({
          span: duty.span,
          message: `${capital(name)} sends its papers ${duty.deadline.phrase} (${plural(days, 'working day')}); good practice is at least ${PAPERS_BEFORE} working days.`,
          hint: `Send papers at least ${PAPERS_BEFORE} working days before the meeting.`,
        });
      }
      if (minutes.length === 0) {
        findings.push({
          span: support.span,
          message: `${capital(name)} does not say how soon after a meeting its minutes are sent.`,
          hint: `Add a duty such as \`- Send the draft minutes and actions within ${MINUTES_AFTER} working days of the meeting\`.`,
        });
      }
      for (const duty of minutes) {
        if (duty.deadline.relation !== 'after') continue;
        const days = workingDays(duty.deadline, 'up');
        if (days <= MINUTES_AFTER) continue;
        findings.push({
          span: duty.span,
          message: `${capital(name)} sends its minutes ${duty.deadline.phrase} (${plural(days, 'working day')}); good practice is within ${MINUTES_AFTER} working days.`,
          hint: `Send draft minutes within ${MINUTES_AFTER} working days of the meeting.`,
        });
      }
    }
    return findings;
  },
);

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
