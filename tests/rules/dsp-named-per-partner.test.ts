import rule from '../../src/rules/dsp-named-per-partner.js';
import { testRule } from './tester.js';

const partnership = (dsps: string) => `partnership p: P
  safeguarding partners: council, icb and police
  delegated safeguarding partners: ${dsps}

organisation council: Test Council
  kind: local authority
  post dcs: Director of Children's Services
    held by Ada Lovelace

organisation icb: Test ICB
  kind: integrated care board
  post nurse: Chief Nurse
    held by Mary Seacole
  post deputy-nurse: Deputy Chief Nurse

organisation police: Test Police
  kind: police
  post superintendent: Detective Superintendent
    held by Robert Peel
  post inspector: Inspector
`;

testRule(rule, {
  valid: [
    { name: 'one named DSP per partner', source: partnership('dcs, nurse and superintendent') },
    { name: 'two police DSPs, one named', source: partnership('dcs, nurse, superintendent and inspector') },
  ],
  invalid: [
    { name: 'no police DSP', source: partnership('dcs and nurse'), findings: ['3: Test Police has no delegated safeguarding partner.'] },
    {
      name: 'a DSP with no name',
      source: partnership('dcs, deputy-nurse and superintendent'),
      findings: ['14: The delegated safeguarding partner for Test ICB (the Deputy Chief Nurse) is not named.'],
    },
    { name: 'none at all', source: 'partnership p: P\n  safeguarding partners: council\n\norganisation council: C\n  kind: local authority\n', findings: ['1: The partnership does not name its delegated safeguarding partners.'] },
  ],
});
