import rule from '../../src/rules/youth-custody-residential-included.js';
import { testRule } from './tester.js';

const arrangements = (text: string) => `partnership p: P

section area: Geographical Area
  ${text}
`;

testRule(rule, {
  valid: [
    { name: 'none in the area (IOW)', source: arrangements('There are no youth custody facilities within the geographical boundaries of the partnership.') },
    { name: 'the secure estate', source: arrangements('The partners work with the secure estate for children.') },
    { name: "children's homes, curly apostrophe", source: arrangements('Registered children’s homes are relevant agencies.') },
    { name: 'a youth-custody section title', source: 'partnership p: P\n\nsection youth-custody: Youth Custody and Residential Settings\n  {relevant agencies}\n' },
    { name: 'terms of reference only', source: 'partnership p: P\n' },
  ],
  invalid: [
    {
      name: 'a secure children’s home goes unmentioned',
      source: arrangements('The area is the Northshire Council boundary.'),
      findings: ['1: The published arrangements do not mention youth custody, secure settings or children’s homes.'],
    },
    {
      name: 'checked against 2018 too',
      source: arrangements('The area is the Northshire Council boundary.'),
      edition: 'wt18',
      findings: ['1: The published arrangements do not mention youth custody, secure settings or children’s homes.'],
    },
  ],
});
