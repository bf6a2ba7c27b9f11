import rule from '../../src/rules/relevant-agencies-listed.js';
import { testRule } from './tester.js';

const SECTION = '\nsection relevant-agencies: Relevant Agencies\n  {relevant agencies}\n';

testRule(rule, {
  valid: [
    { name: 'agencies as bullets', source: `partnership p: P\n  relevant agencies:\n    - Cafcass\n    - Education providers*\n\n    * Schools and colleges.\n${SECTION}` },
    { name: 'terms of reference only (no sections)', source: 'partnership p: P\n' },
  ],
  invalid: [
    { name: 'no list', source: `partnership p: P\n${SECTION}`, findings: ['1: The partnership does not list its relevant agencies.'] },
    {
      name: '"all partner agencies"',
      source: `partnership p: P\n  relevant agencies:\n    All partner agencies.\n${SECTION}`,
      findings: ['2: The relevant agencies are described, but not listed one by one.'],
    },
  ],
});
