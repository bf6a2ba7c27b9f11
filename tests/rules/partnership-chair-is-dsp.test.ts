import rule from '../../src/rules/partnership-chair-is-dsp.js';
import { testRule } from './tester.js';

const partnership = (chair: string) => `partnership p: P
  safeguarding partners: council
  delegated safeguarding partners: dcs
  partnership chair: ${chair}

organisation council: Test Council
  kind: local authority
  post dcs: Director of Children's Services

post independent-chair: Independent Chair
`;

testRule(rule, {
  valid: [
    { name: 'a DSP chairs', source: partnership('dcs') },
    { name: 'no chair (another rule reports it)', source: 'partnership p: P\n' },
  ],
  invalid: [
    {
      name: 'an external independent chair (the pre-2023 model)',
      source: partnership('independent-chair'),
      findings: ['4: The partnership chair, the Independent Chair, is not one of the delegated safeguarding partners.'],
    },
  ],
});
