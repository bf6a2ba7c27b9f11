import rule from '../../src/rules/scrutineer-independence.js';
import { testRule } from './tester.js';

const partnership = (scrutineer: string, extra = '') => `partnership p: P
  safeguarding partners: council, icb and police
  delegated safeguarding partners: dcs, nurse and superintendent
  independent scrutineer: ${scrutineer}

organisation council: Test Council
  kind: local authority
  post dcs: Director of Children's Services

organisation icb: Test ICB
  kind: integrated care board
  post nurse: Chief Nurse
  post designated-nurse: Designated Nurse for Safeguarding

organisation police: Test Police
  kind: police
  post superintendent: Detective Superintendent

organisation university: Northshire University
  kind: other
  post professor: Professor of Social Work

post scrutineer: Independent Scrutineer
${extra}`;

testRule(rule, {
  valid: [
    { name: 'a top-level post', source: partnership('scrutineer') },
    { name: 'employed outside the partners', source: partnership('professor') },
    {
      name: 'a member of the executive, not its chair',
      source: partnership('scrutineer', '\ngroup executive: Executive\n  kind: executive\n  chaired by dcs\n  members:\n    - the independent scrutineer\n'),
    },
  ],
  invalid: [
    {
      name: "the ICB's designated nurse",
      source: partnership('designated-nurse'),
      findings: ['13: The independent scrutineer, the Designated Nurse for Safeguarding, is a post of Test ICB, one of the safeguarding partners.'],
    },
    {
      name: 'a DSP',
      source: partnership('superintendent'),
      findings: [
        '17: The independent scrutineer, the Detective Superintendent, is a post of Test Police, one of the safeguarding partners.',
        '4: The independent scrutineer, the Detective Superintendent, is also a delegated safeguarding partner.',
      ],
    },
    {
      name: 'chairs the executive',
      source: partnership('scrutineer', '\ngroup executive: Executive\n  kind: executive\n  chaired by the independent scrutineer\n'),
      findings: ['27: The independent scrutineer chairs the Executive, which takes the decisions they scrutinise.'],
    },
  ],
});
