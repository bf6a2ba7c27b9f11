import type { Deadline, Duty } from '../model/model.js';
import { defineRule, type Finding } from './rule.js';
import { groupName, workingDays } from './support.js';

export default defineRule(
  {
    id: 'deadline-order',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'error',
    citation: 'Consistency of the terms of reference (not a paragraph of the guidance)',
    confirmed: true,
    description: 'Agendas and papers are due before the meeting and minutes after it; the agenda is settled no later than the papers go out.',
    rationale:
      'Papers cannot be read after the meeting they are for, nor minutes written before it, and papers follow the ' +
      'agenda they are for. The model reads the deadlines of the `support from …:` duties (a duty mentioning minutes ' +
      'is a minutes duty, else papers, else agenda) and compares them in working days (a week is 5, a calendar day ' +
      '5/7). It cannot tell a deadline that is not written relative to the meeting, such as "at the Executive Group".',
  },
  ({ model }) => {
    const findings: Finding[] = [];
    for (const group of model.groups) {
      const duties = (group.support?.duties ?? []).filter((d): d is Duty & { deadline: Deadline } => d.deadline !== undefined);
      const name = groupName(group);
      for (const duty of duties) {
        const { relation, phrase } = duty.deadline;
        if ((duty.kind === 'papers' || duty.kind === 'agenda') && relation === 'after') {
          const what = duty.kind === 'papers' ? 'papers' : 'agenda';
          findings.push({
            span: duty.span,
            message: `The ${what} of ${name} ${what === 'papers' ? 'are' : 'is'} due ${phrase}, but ${what === 'papers' ? 'they go' : 'it goes'} out before the meeting.`,
            hint: `Say how long before the meeting the ${what} ${what === 'papers' ? 'are' : 'is'} sent.`,
          });
        }
        if (duty.kind === 'minutes' && relation === 'before') {
          findings.push({
            span: duty.span,
            message: `The minutes of ${name} are due ${phrase}, but they can only be written after the meeting.`,
            hint: 'Say how soon after the meeting the minutes are sent.',
          });
        }
      }
      const before = (kind: Duty['kind']) => duties.filter((d) => d.kind === kind && d.deadline.relation === 'before');
      const papers = before('papers');
      if (papers.length === 0) continue;
      const earliestPapers = Math.max(...papers.map((d) => workingDays(d.deadline)));
      const papersDuty = papers.find((d) => workingDays(d.deadline) === earliestPapers)!;
      for (const agenda of before('agenda')) {
        if (workingDays(agenda.deadline) >= earliestPapers) continue;
        findings.push({
          span: agenda.span,
          message: `The agenda of ${name} is due ${agenda.deadline.phrase}, later than the papers (${papersDuty.deadline.phrase}).`,
          hint: 'Settle the agenda before the papers go out: give it the same or an earlier deadline.',
        });
      }
    }
    return findings;
  },
);
