import rule from '../../src/rules/looked-after-children-in-scope.js';
import { testRule } from './tester.js';

const arrangements = (text: string) => `partnership p: P

section area: Geographical Area
  The area is the Northshire Council boundary.

  ${text}
`;

testRule(rule, {
  valid: [
    { name: 'in scope, with those placed from elsewhere', source: arrangements('The arrangements cover looked-after children, including children placed in Northshire by other local authorities.') },
    { name: 'children in care', source: arrangements('Children in care and care leavers are a priority.') },
    { name: 'terms of reference only', source: 'partnership p: P\n' },
  ],
  invalid: [
    {
      name: '"children in care are out of scope"',
      source: arrangements('Safeguarding is everyone’s business. Children in care are out of scope of these arrangements.'),
      findings: ['6: The arrangements put looked-after children out of scope: “Children in care are out of scope of these arrangements.”'],
    },
    {
      name: 'excluded in a bullet',
      source: arrangements('- These arrangements do not cover looked after children placed by other authorities.'),
      findings: ['6: The arrangements put looked-after children out of scope: “These arrangements do not cover looked after children placed by other authorities.”'],
    },
    { name: 'not mentioned', source: arrangements('We keep children safe.'), findings: ['1: The published arrangements do not mention looked-after children.'] },
  ],
});
