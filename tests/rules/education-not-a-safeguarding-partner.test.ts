import rule from '../../src/rules/education-not-a-safeguarding-partner.js';
import { testRule } from './tester.js';

const partnership = (partners: string) => `partnership p: P
  safeguarding partners: ${partners}

organisation council: Council
  kind: local authority

organisation icb: ICB
  kind: integrated care board

organisation police: Police
  kind: police

organisation schools: Northshire Schools
  kind: education

organisation nurseries: Northshire Nurseries
  kind: early years
`;

testRule(rule, {
  valid: [{ name: 'the three partners', source: partnership('council, icb and police') }],
  invalid: [
    {
      name: 'an "education partner"',
      source: partnership('council, icb, police and schools'),
      findings: ['2: Northshire Schools is named as a safeguarding partner, but education is not one of the safeguarding partners.'],
    },
    {
      name: 'early years too',
      source: partnership('council, icb, police and nurseries'),
      findings: ['2: Northshire Nurseries is named as a safeguarding partner, but education is not one of the safeguarding partners.'],
    },
  ],
});
