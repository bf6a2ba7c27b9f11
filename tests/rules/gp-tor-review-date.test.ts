import rule from '../../src/rules/gp-tor-review-date.js';
import { testRule } from './tester.js';

const today = { year: 2025, month: 6, day: 15 };

testRule(rule, {
  valid: [
    { name: 'reviewed annually (Kent); it cannot be dated', source: 'group g: Executive Group\n  kind: executive\n  reviewed annually\n', today },
    { name: 'a review date still to come', source: 'group g: Main Board\n  kind: board\n  reviewed in December 2025\n', today },
    { name: 'the month of the review is not over', source: 'group g: Main Board\n  kind: board\n  reviewed in June 2025\n', today },
    { name: 'a schedule that continues', source: 'group g: Main Board\n  kind: board\n  reviewed in December 2022, then in 2024 and every 3 years\n', today },
    { name: 'a passed date without today', source: 'group g: Main Board\n  kind: board\n  reviewed in March 2024\n' },
    { name: 'a subgroup need not say', source: 'group g: Subgroup\n  kind: subgroup\n' },
  ],
  invalid: [
    {
      name: 'no review stated',
      source: 'group g: Executive Group\n  kind: executive\n',
      findings: ['1: The Executive Group does not say when its terms of reference are reviewed.'],
    },
    {
      name: 'a review date that has passed',
      source: 'group g: Executive Group\n  kind: executive\n  reviewed in March 2024\n',
      today,
      findings: ['3: The terms of reference of the Executive Group were due for review in March 2024.'],
    },
    {
      name: 'the last of several dates has passed',
      source: 'group g: Main Board\n  kind: board\n  reviewed in December 2023, then in 2024\n',
      today,
      findings: ['3: The terms of reference of the Main Board were due for review in 2024.'],
    },
  ],
});
