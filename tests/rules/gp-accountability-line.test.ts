import rule from '../../src/rules/gp-accountability-line.js';
import { testRule } from './tester.js';

const EXEC = 'group executive: Executive Group\n  kind: executive\n  accountable to the lead safeguarding partners\n\n';

testRule(rule, {
  valid: [
    { name: 'a subgroup accountable to the executive (IOW)', source: `${EXEC}group pqa: PQA Group\n  kind: subgroup\n  accountable to executive\n` },
    { name: 'the executive need not say', source: 'group executive: Executive Group\n  kind: executive\n' },
    { name: 'a chain through a board', source: `${EXEC}group board: Main Board\n  kind: board\n  accountable to executive\n\ngroup pqa: PQA Group\n  kind: subgroup\n  accountable to board\n` },
    {
      name: 'a collaboration is judged within itself (HIPS)',
      source: `${EXEC}collaboration hips: HIPS\n\ngroup hips-executive: HIPS Executive Group\n  kind: executive\n  part of hips\n\ngroup hips-health: Health Group\n  kind: subgroup\n  part of hips\n  accountable to hips-executive\n`,
    },
  ],
  invalid: [
    {
      name: 'a subgroup that does not say',
      source: `${EXEC}group pqa: PQA Group\n  kind: subgroup\n`,
      findings: ['5: The PQA Group does not say who it is accountable to.'],
    },
    {
      name: 'a board accountable to the lead safeguarding partners directly',
      source: `${EXEC}group board: Main Board\n  kind: board\n  accountable to the lead safeguarding partners\n`,
      findings: ['7: The Main Board is accountable to the lead safeguarding partners directly, so its line of accountability does not reach the Executive Group.'],
    },
    {
      name: 'a line that stops at a group accountable to nobody',
      source: `${EXEC}group board: Main Board\n  kind: board\n\ngroup pqa: PQA Group\n  kind: subgroup\n  accountable to board\n`,
      findings: ['5: The Main Board does not say who it is accountable to.'],
    },
    {
      name: 'an executive accountable to another group is not the top',
      source: 'group executive: Executive Group\n  kind: executive\n  accountable to board\n\ngroup board: Main Board\n  kind: board\n',
      findings: ['5: The Main Board does not say who it is accountable to.'],
    },
  ],
});
