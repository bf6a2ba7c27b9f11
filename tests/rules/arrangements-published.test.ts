import rule from '../../src/rules/arrangements-published.js';
import { testRule } from './tester.js';

const arrangements = (published: string) => `partnership p: P
  follows Working Together 2023
${published}
section introduction: Introduction
  These are our arrangements.
`;

testRule(rule, {
  valid: [
    { name: 'published after the 2023 edition', source: arrangements('  published September 2024\n'), edition: 'wt23' },
    { name: 'the month the 2026 edition came out', source: arrangements('  published March 2026\n'), edition: 'wt26' },
    { name: 'a 2019 MASA checked against 2018', source: arrangements('  published 29 June 2019\n'), edition: 'wt18' },
    { name: 'terms of reference only', source: 'partnership p: P\n' },
  ],
  invalid: [
    {
      name: 'the IOW arrangements (September 2024) checked against 2026',
      source: arrangements('  published September 2024\n'),
      edition: 'wt26',
      findings: ['3: The arrangements were published in September 2024, before Working Together to Safeguard Children 2026 (March 2026).'],
    },
    {
      name: 'a 2019 MASA checked against 2023',
      source: arrangements('  published 29 June 2019\n'),
      edition: 'wt23',
      findings: ['3: The arrangements were published on 29 June 2019, before Working Together to Safeguard Children 2023 (December 2023).'],
    },
    { name: 'no publication date', source: arrangements(''), findings: ['1: The partnership does not say when the arrangements were published.'] },
  ],
});
