import rule from '../../src/rules/education-included.js';
import { testRule } from './tester.js';

const ORGS = `
organisation schools: Primary Schools
  kind: education
  post head: Primary Head Teacher

organisation nurseries: Early Years Settings
  kind: early years
`;

testRule(rule, {
  valid: [
    { name: 'a head teacher on the executive', source: `${ORGS}\ngroup executive: Executive Group\n  kind: executive\n  members:\n    - dcs\n    - head\n` },
    { name: 'early years on the board', source: `${ORGS}\ngroup board: Partnership Board\n  kind: board\n  members:\n    - nurseries\n` },
    {
      name: 'the chair of the education subgroup (IOW)',
      source: 'group education-subgroup: Education Subgroup\n  kind: subgroup\n  chaired by dcs\n\ngroup executive: Executive Group\n  kind: executive\n  members:\n    - the chairs of education-subgroup\n',
    },
    { name: 'a Director of Education of the council', source: 'organisation la: Council\n  kind: local authority\n  post director-education: Director of Education\n\ngroup executive: Executive Group\n  kind: executive\n  members:\n    - director-education\n' },
    { name: 'the council’s education unit (test partnership)', source: 'group board: Board\n  kind: board\n  members:\n    - education\n' },
    {
      name: 'a chair with no post',
      source: 'group executive: Executive Group\n  kind: executive\n  members:\n    - the chair of edu-group\n\ngroup edu-group: Education Safeguarding Group\n  kind: subgroup\n  chaired by a member nominated by executive\n',
    },
  ],
  invalid: [
    {
      name: 'schools only "invited when required"',
      source: `${ORGS}\ngroup executive: Executive Group\n  kind: executive\n  members:\n    - the delegated safeguarding partners\n  membership:\n    Schools may be invited when required.\n`,
      findings: ['9: The Executive Group has no member from education or early years.'],
    },
    {
      name: 'in a subgroup only',
      source: `partnership p: P\n\norganisation council: Council\n  kind: local authority\n  post dcs: Director of Children's Services\n${ORGS}\ngroup executive: Executive Group\n  kind: executive\n  members:\n    - dcs\n\ngroup board: Partnership Board\n  kind: board\n  members:\n    - council\n\ngroup sub: Learning Group\n  kind: subgroup\n  members:\n    - head\n`,
      flags: ['cwsa26.s2'],
      findings: ['1: Neither the Executive Group nor the Partnership Board has a member from education or early years.'],
    },
  ],
});
