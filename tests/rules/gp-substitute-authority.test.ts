import rule from '../../src/rules/gp-substitute-authority.js';
import { testRule } from './tester.js';

testRule(rule, {
  valid: [
    { name: 'the same decision-making authority (IOW)', source: 'group g: Executive Group\n  kind: executive\n  deputies:\n    - must have the same decision-making authority\n    - at most one grade lower\n' },
    { name: 'count only with full delegated authority', source: 'group g: Executive Group\n  kind: executive\n  deputies:\n    - only by exception\n    - count towards the quorum only with full delegated authority\n' },
    { name: 'a subgroup need not say', source: 'group g: Subgroup\n  kind: subgroup\n' },
  ],
  invalid: [
    {
      name: 'no deputies rules',
      source: 'group g: Executive Group\n  kind: executive\n',
      findings: ['1: The Executive Group does not say what authority deputies must have.'],
    },
    {
      name: 'deputies without authority',
      source: 'group g: Executive Group\n  kind: executive\n  deputies:\n    - at most one grade lower\n    - count towards the quorum\n',
      findings: ['3: The deputies of the Executive Group need not have the decision-making authority of the members they stand in for.'],
    },
  ],
});
