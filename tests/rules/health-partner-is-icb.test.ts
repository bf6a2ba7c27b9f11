import rule from '../../src/rules/health-partner-is-icb.js';
import { testRule } from './tester.js';

const partnership = (healthKind: string) => `partnership p: P
  safeguarding partners: council, health and police

organisation council: Council
  kind: local authority

organisation health: West Kent Clinical Commissioning Group
  kind: ${healthKind}

organisation police: Police
  kind: police
`;

testRule(rule, {
  valid: [
    { name: 'an integrated care board', source: partnership('integrated care board') },
    { name: 'the test partnership', source: '' },
  ],
  invalid: [
    {
      name: 'a CCG in 2023 arrangements',
      source: partnership('clinical commissioning group'),
      edition: 'wt23',
      findings: ['2: The safeguarding partner West Kent Clinical Commissioning Group is a clinical commissioning group; since July 2022 the health safeguarding partner is the integrated care board.'],
    },
  ],
});
