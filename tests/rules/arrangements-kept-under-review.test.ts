import rule from '../../src/rules/arrangements-kept-under-review.js';
import { testRule } from './tester.js';

const arrangements = (review: string) => `partnership p: P
${review}
section review: Review of the Safeguarding Arrangements
  {review schedule}
`;

const IOW = '  reviewed in December 2025, then in 2028 and every 3 years\n';

testRule(rule, {
  valid: [
    { name: 'the IOW schedule, no date given', source: arrangements(IOW) },
    { name: 'the IOW schedule in 2031: it repeats', source: arrangements(IOW), today: { year: 2031, month: 6, day: 1 } },
    { name: 'annually', source: arrangements('  reviewed annually\n'), today: { year: 2030, month: 1, day: 1 } },
    { name: 'a month means its end', source: arrangements('  reviewed in December 2025\n'), today: { year: 2025, month: 12, day: 31 } },
    { name: 'a year means its end', source: arrangements('  reviewed in December 2025, then in 2028\n'), today: { year: 2028, month: 12, day: 31 } },
    { name: 'terms of reference only', source: 'partnership p: P\n' },
  ],
  invalid: [
    { name: 'no review date', source: arrangements(''), findings: ['1: The partnership does not say when the arrangements will be reviewed.'] },
    {
      name: 'every date has passed',
      source: arrangements('  reviewed in December 2025, then in 2028\n'),
      today: { year: 2029, month: 1, day: 1 },
      findings: ['2: The last review of the arrangements was due by 2028, and no later review is planned.'],
    },
    {
      name: 'a single month, passed',
      source: arrangements('  reviewed in December 2025\n'),
      today: { year: 2026, month: 1, day: 1 },
      findings: ['2: The last review of the arrangements was due by December 2025, and no later review is planned.'],
    },
  ],
});
