import rule from '../../src/rules/partnership-chair-appointed.js';
import { testRule } from './tester.js';

testRule(rule, {
  valid: [{ name: 'the test partnership names its chair', source: '' }],
  invalid: [
    {
      name: 'no partnership chair ("whoever attends")',
      source: 'partnership p: P\n  independent scrutineer: scrutineer\n\npost scrutineer: Independent Scrutineer\n',
      findings: ['1: The partnership does not name its partnership chair.'],
    },
  ],
});
