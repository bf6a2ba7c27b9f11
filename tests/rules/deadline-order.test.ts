import rule from '../../src/rules/deadline-order.js';
import { testRule } from './tester.js';

const group = (...duties: string[]) => `group g: Executive Group\n  support from the Partnership Team:\n${duties.map((d) => `    - ${d}\n`).join('')}`;

testRule(rule, {
  valid: [
    {
      name: 'IOW Executive: agenda three weeks, papers one week before, minutes after',
      source: group('Agree the agenda with the chair at least three weeks before the meeting', 'Send the agenda and supporting papers to members one week in advance of the meeting', 'Produce and send to members the meeting minutes and an action tracker one week after the meeting'),
    },
    { name: 'agenda and papers on the same day', source: group('Agree the agenda 5 working days before the meeting', 'Send the papers one week before the meeting') },
    { name: 'duties without deadlines', source: group('Maintain an up-to-date list of members') },
  ],
  invalid: [
    {
      name: 'papers after the meeting',
      source: group('Send the papers 2 days after the meeting'),
      findings: ['3: The papers of the Executive Group are due 2 days after the meeting, but they go out before the meeting.'],
    },
    {
      name: 'an agenda after the meeting',
      source: group('Circulate the agenda one week following the meeting'),
      findings: ['3: The agenda of the Executive Group is due one week following the meeting, but it goes out before the meeting.'],
    },
    {
      name: 'minutes before the meeting',
      source: group('Send the minutes 3 days before the meeting'),
      findings: ['3: The minutes of the Executive Group are due 3 days before the meeting, but they can only be written after the meeting.'],
    },
    {
      name: 'the agenda later than the papers',
      source: group('Send the papers two weeks before the meeting', 'Agree the agenda with the chair 5 working days before the meeting'),
      findings: ['4: The agenda of the Executive Group is due 5 working days before the meeting, later than the papers (two weeks before the meeting).'],
    },
  ],
});
