import { compile } from '../../src/compile.js';
import type { Model } from '../../src/model/model.js';
import { EXAMPLES, exampleFiles, modelOf, PARTNERSHIP } from '../helpers.js';

/**
 * One group per quorum shape the language has, all with the same awkward membership: a
 * person holding two posts (Ada Lovelace is dcs and deputy-dcs), a unit, two organisations
 * of one sector, an organisation seat, the chair of another group, and observers — one of
 * whom a rule names, so it can never be met.
 */
export const QUORUMS = [
  'at least 4 members',
  '8 members',
  'half of the members',
  'half of the members, rounded down',
  'two thirds of the members, rounded down',
  'two thirds of the members, rounded up',
  'a third of the members',
  'three quarters of the members',
  'a majority of the members',
  'all members',
  'all 13 members',
  'representatives of 4 separate organisations',
  'representatives of 3 sectors',
  '2 of the delegated safeguarding partners',
  '2 of the safeguarding partners',
  '2 of the lead safeguarding partners',
  'one member from each of the safeguarding partners and the independent scrutineer',
  'one member from each of council, hospital and education',
  '(dcs or the partnership chair) and 3 of the delegated safeguarding partners',
  'the lead safeguarding partners',
  'the safeguarding partners',
  'the chair and a representative of hospital',
  'hospital or school or (at least 10 members and the independent scrutineer)',
  'half of the members are present, including the partnership chair, the independent scrutineer and one member from each of the safeguarding partners',
  'cabinet-member and 2 members',
];

const GROUPS = QUORUMS.map(
  (quorum, i) => `group q${i + 1}: Quorum ${i + 1}
  chaired by dcs
  members:
    - deputy-dcs
    - the delegated safeguarding partners
    - the lead safeguarding partners
    - the independent scrutineer
    - education
    - hospital
    - trust-nurse
    - a representative of school
    - the chair of other
  observers:
    - cabinet-member
    - head
  quorate when ${quorum.includes(' are present') ? quorum : `${quorum} are present`}
`,
);

export const FIXTURE = `${PARTNERSHIP}
organisation council-extra: Extra
  kind: local authority
  post deputy-dcs: Deputy Director
    held by Ada Lovelace
  post cabinet-member: Cabinet Member

organisation hospital: City Hospital
  kind: health provider

organisation trust: Community Trust
  kind: health provider
  post trust-nurse: Named Nurse

organisation school: City School
  kind: education
  post head: Head Teacher

group other: Other Group
  chaired by a member nominated by q1

${GROUPS.join('\n')}`;

/** The fixture's model; rules are not run (some shapes are deliberately impossible). */
export function fixtureModel(): Model {
  const result = compile([{ path: 'fixture.tor', text: FIXTURE }], { validate: false });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the fixture does not compile:\n${errors.map((d) => `${d.start.line}:${d.start.column} ${d.message}`).join('\n')}`);
  return modelOf(result);
}

export interface Project {
  name: string;
  model: Model;
  edition: ReturnType<typeof compile>['edition'];
}

/** The three examples, compiled with their rules, and the fixture. */
export function projects(): Project[] {
  const examples = EXAMPLES.map((name) => {
    const result = compile(exampleFiles(name));
    return { name, model: modelOf(result), edition: result.edition };
  });
  return [...examples, { name: 'fixture', model: fixtureModel(), edition: undefined }];
}
