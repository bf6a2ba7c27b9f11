import rule from '../../src/rules/independent-scrutiny-required.js';
import { testRule } from './tester.js';

testRule(rule, {
  valid: [{ name: 'the test partnership names a scrutineer', source: '' }],
  invalid: [
    {
      name: 'only peer challenge by the DSPs',
      source: 'partnership p: P\n  area: Northshire\n',
      findings: ['1: The partnership does not name an independent scrutineer.'],
    },
  ],
});
