import rule from '../../src/rules/gp-papers-and-minutes.js';
import { testRule } from './tester.js';

const group = (...duties: string[]) => `group g: Executive Group\n  support from the Partnership Team:\n${duties.map((d) => `    - ${d}\n`).join('')}`;

testRule(rule, {
  valid: [
    {
      name: 'Kent: 5 working days before, 10 working days after',
      source: group('Draft minutes will be circulated no more than 10 working days after the meeting', 'Agendas and papers will be circulated not less than 5 working days before the meeting'),
    },
    {
      name: 'IOW Executive: papers one week before, minutes one week after',
      source: group('Agree the agenda with the chair at least three weeks before the meeting', 'Send the agenda and supporting papers to members one week in advance of the meeting', 'Produce and send to members the meeting minutes and an action tracker one week after the meeting'),
    },
    { name: 'calendar days: 7 before is 5, 14 after is 10', source: group('Send papers 7 days before the meeting', 'Send minutes within 14 days of the meeting') },
    { name: 'a group with no support duties', source: 'group g: Executive Group\n  kind: executive\n' },
  ],
  invalid: [
    {
      name: 'papers too late',
      source: group('Send papers 3 working days before the meeting', 'Send minutes within 10 working days of the meeting'),
      findings: ['3: The Executive Group sends its papers 3 working days before the meeting (3 working days); good practice is at least 5 working days.'],
    },
    {
      name: 'calendar days before round down',
      source: group('Send papers 6 days before the meeting', 'Send minutes within 10 working days of the meeting'),
      findings: ['3: The Executive Group sends its papers 6 days before the meeting (4 working days); good practice is at least 5 working days.'],
    },
    {
      name: 'minutes too late',
      source: group('Send papers one week before the meeting', 'Send the minutes no later than three weeks after the meeting'),
      findings: ['4: The Executive Group sends its minutes no later than three weeks after the meeting (15 working days); good practice is within 10 working days.'],
    },
    {
      name: 'calendar days after round up',
      source: group('Send papers one week before the meeting', 'Send the minutes within 15 days of the meeting'),
      findings: ['4: The Executive Group sends its minutes within 15 days of the meeting (11 working days); good practice is within 10 working days.'],
    },
    {
      name: 'no papers deadline and no minutes deadline',
      source: group('Maintain an up-to-date list of members', 'Send the papers to members in good time'),
      findings: [
        '2: The Executive Group does not say how long before a meeting its papers are sent.',
        '2: The Executive Group does not say how soon after a meeting its minutes are sent.',
      ],
    },
    {
      name: 'an agenda deadline is not a papers deadline',
      source: group('Send the agenda two weeks before the meeting', 'Send minutes within 10 working days of the meeting'),
      findings: ['2: The Executive Group does not say how long before a meeting its papers are sent.'],
    },
  ],
});
