import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { brief, errors, modelOf, PARTNERSHIP, withPartnership } from '../helpers.js';

describe('the resolved model', () => {
  it('expands role sets into seats, one per post, each person once', () => {
    const model = modelOf(
      withPartnership(`group exec: Executive
  chaired by the partnership chair
  members:
    - the partnership chair
    - the independent scrutineer
    - the delegated safeguarding partners
    - the chairs of sub
  quorate when one member from each of the safeguarding partners and the independent scrutineer are present

group sub: Subgroup
  chaired by a member nominated by exec
`, false),
    );
    const exec = model.groups.find((g) => g.id === 'exec')!;
    expect(exec.seats.map((s) => [s.id, s.organisation, s.roles])).toEqual([
      ['dcs', 'council', ['partnership chair', 'delegated safeguarding partners']],
      ['scrutineer', undefined, ['independent scrutineer']],
      ['nurse', 'icb', ['delegated safeguarding partners']],
      ['superintendent', 'police', ['delegated safeguarding partners']],
      ['chair-of-sub', undefined, ['chair of sub']],
    ]);
    expect(exec.seats[0]!.person).toBe('Ada Lovelace');
    expect(exec.chair).toMatchObject({ kind: 'seat', seat: 'dcs', role: 'partnership chair' });
  });

  it('reads duties and their deadlines from the support sentences', () => {
    const model = modelOf(
      withPartnership(`group g: G
  support from the Partnership Team:
    - Agree the agenda with the chair at least three weeks before the meeting
    - Send the agenda and supporting papers to members one week in advance of the meeting
    - Draft minutes will be circulated no more than 10 working days after the meeting, and signed by the Chair.
    - Maintain an up-to-date list of members
`),
    );
    const support = model.groups[0]!.support!;
    expect(support.by).toBe('the Partnership Team');
    expect(support.duties.map((d) => [d.kind, d.deadline && `${d.deadline.amount} ${d.deadline.unit} ${d.deadline.relation}`])).toEqual([
      ['agenda', '3 week before'],
      ['papers', '1 week before'],
      ['minutes', '10 working day after'],
      ['other', undefined],
    ]);
  });

  it('extracts relevant agencies with their footnote markers', () => {
    const model = modelOf(
      withPartnership(''.concat(
        'section s: S\n  Text.\n',
      )),
    );
    expect(model.sections.map((s) => s.id)).toEqual(['s']);
    const withAgencies = modelOf(compile([{ path: 'a.tor', text: PARTNERSHIP.replace('  independent scrutineer: scrutineer\n', '  independent scrutineer: scrutineer\n  relevant agencies:\n    - Cafcass\n    - Education providers*\n\n    * Schools and colleges.\n') }]));
    expect(withAgencies.partnership.relevantAgencies.map((a) => [a.name, a.notes])).toEqual([
      ['Cafcass', []],
      ['Education providers', ['*']],
    ]);
  });
});

describe('resolution errors', () => {
  it('reports a misspelt declaration once, not again at every use of the names under it', () => {
    const result = withPartnership(`orgnisation schools: Schools
  kind: education
  post headteacher: Headteacher
    held by Ada
group g: G
  chaired by headteacher
  members:
    - schools
    - nobody
`, false);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['syntax/unknown-statement', 'resolve/unknown-name']);
    expect(result.diagnostics.find((d) => d.code === 'resolve/unknown-name')?.message).toMatch(/^`nobody` is not/);
  });

  it('reports a duplicate id where it is declared the second time', () => {
    const result = withPartnership('group dcs: A Group Named Like A Post\n', false);
    expect(errors(result).map((d) => d.code)).toEqual(['resolve/duplicate-id']);
    expect(errors(result)[0]!.message).toContain('already declared, as a post');
  });

  it('reports a cycle of accountability once, naming the groups', () => {
    const result = withPartnership('group a: A\n  accountable to b\n\ngroup b: B\n  accountable to c\n\ngroup c: C\n  accountable to a\n', false);
    const cycle = errors(result).filter((d) => d.code === 'resolve/accountability-cycle');
    expect(cycle).toHaveLength(1);
    expect(cycle[0]!.message).toMatch(/`a` → `b` → `c` → `a`|`b` → `c` → `a` → `b`|`c` → `a` → `b` → `c`/);
  });

  it('says when a name is of the wrong kind', () => {
    const result = withPartnership('group g: G\n  chaired by council\n', false);
    expect(errors(result).map(brief)[0]).toMatch(/`council` is an organisation, but a chair must be a post\./);
  });

  it('wants exactly one partnership', () => {
    expect(errors(compile([{ path: 'a.tor', text: 'group g: G\n' }], { validate: false })).map((d) => d.code)).toEqual(['resolve/no-partnership']);
    const two = compile([{ path: 'a.tor', text: `${PARTNERSHIP}\npartnership q: Q\n` }], { validate: false });
    expect(errors(two).map((d) => d.code)).toEqual(['resolve/two-partnerships']);
  });

  it('checks placeholders and suggests the right one', () => {
    const result = withPartnership('section s: S\n  {relevant agency}\n  {group nope}\n', false);
    expect(errors(result).map((d) => d.message)).toEqual([
      '`{relevant agency}` is not something tor can fill in — did you mean `{relevant agencies}`?',
      '`nope` is not a group declared in this project.',
    ]);
  });

  it('resolves references across files', () => {
    const result = compile([
      { path: 'partnership.tor', text: PARTNERSHIP },
      { path: 'groups.tor', text: 'group g: G\n  chaired by dcs\n  members:\n    - dcs\n    - education\n' },
    ], { validate: false });
    expect(errors(result)).toEqual([]);
    expect(modelOf(result).groups[0]!.seats.map((s) => [s.id, s.kind, s.organisation])).toEqual([
      ['dcs', 'post', 'council'],
      ['education', 'unit', 'council'],
    ]);
  });
});
