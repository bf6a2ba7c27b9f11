import rule from '../../src/rules/three-safeguarding-partners.js';
import { testRule } from './tester.js';

const partnership = (partners: string, healthKind = 'integrated care board') => `partnership p: P
  safeguarding partners: ${partners}

organisation council: Council
  kind: local authority

organisation health: Health
  kind: ${healthKind}

organisation police: Police
  kind: police

organisation trust: Hospital Trust
  kind: health provider
`;

testRule(rule, {
  valid: [
    { name: 'a council, an ICB and the police', source: partnership('council, health and police') },
    { name: 'a CCG before 2022 (another rule checks the name)', source: partnership('council, health and police', 'clinical commissioning group'), edition: 'wt18' },
  ],
  invalid: [
    { name: 'a hospital trust is not an ICB', source: partnership('council, trust and police'), findings: ['2: The safeguarding partners do not include an integrated care board.'] },
    { name: 'two missing', source: partnership('council'), findings: ['2: The safeguarding partners do not include an integrated care board or the police.'] },
    { name: 'none named', source: 'partnership p: P\n', findings: ['1: The partnership names no safeguarding partners.'] },
  ],
});
