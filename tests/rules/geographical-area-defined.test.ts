import rule from '../../src/rules/geographical-area-defined.js';
import { testRule } from './tester.js';

testRule(rule, {
  valid: [
    { name: 'an area field', source: 'partnership p: P\n  area: Isle of Wight\n' },
    { name: 'a section area in the arrangements', source: 'partnership p: P\n\nsection area: Geographical Area\n  The area is the Isle of Wight Council boundary.\n' },
  ],
  invalid: [
    { name: 'no area', source: 'partnership p: P\n  short name: NSCP\n', findings: ['1: The partnership does not say which area it covers.'] },
    {
      name: 'arrangements with no area',
      source: 'partnership p: P\n\nsection introduction: Introduction\n  Northshire and partners.\n',
      findings: ['1: The partnership does not say which area it covers.'],
    },
  ],
});
