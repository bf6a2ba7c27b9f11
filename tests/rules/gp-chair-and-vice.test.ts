import rule from '../../src/rules/gp-chair-and-vice.js';
import { testRule } from './tester.js';

testRule(rule, {
  valid: [
    { name: 'chaired by a post', source: 'group g: G\n  chaired by dcs\n' },
    { name: 'chaired by the partnership chair', source: 'group g: G\n  chaired by the partnership chair\n' },
    { name: 'a yearly rotation (Kent)', source: 'group g: G\n  chaired in yearly rotation by police, council and icb\n' },
    { name: 'an independent chair (HIPS)', source: 'group g: G\n  chaired by an independent chair appointed by the safeguarding partners\n' },
    { name: 'a nominated chair', source: 'group e: E\n  chaired by dcs\n\ngroup g: G\n  chaired by a member nominated by e\n' },
  ],
  invalid: [
    { name: 'no chair (Gloucestershire Executive)', source: 'group g: Safeguarding Executive\n  kind: executive\n  meets quarterly\n', findings: ['1: The Safeguarding Executive does not say who chairs it.'] },
  ],
});
