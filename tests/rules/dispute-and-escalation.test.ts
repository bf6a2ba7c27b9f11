import rule from '../../src/rules/dispute-and-escalation.js';
import { testRule } from './tester.js';

const arrangements = (text: string, extra = '') => `partnership p: P

section governance: Governance & Accountability
  ${text}
${extra}`;

testRule(rule, {
  valid: [
    { name: 'escalation in a section', source: arrangements('Concerns are escalated to the lead safeguarding partners.') },
    { name: 'disagreements', source: arrangements('The scrutineer provides mediation when there are disagreements between partners.') },
    {
      name: 'in a group’s terms of reference',
      source: arrangements('The partners meet.', '\ngroup executive: Executive\n  kind: executive\n  responsibilities:\n    - Resolve disputes between the safeguarding partners.\n'),
    },
    { name: 'terms of reference only', source: 'partnership p: P\n' },
  ],
  invalid: [
    {
      name: 'no route for one partner to challenge the others',
      source: arrangements('The partners meet quarterly.'),
      findings: ['1: Neither the arrangements nor any group says how disputes between partners are resolved or concerns escalated.'],
    },
  ],
});
