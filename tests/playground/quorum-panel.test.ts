import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { memberKey, NOBODY, quorumPanel, type Attendance, type DeputyChoice } from '../../playground/src/quorum-panel.js';
import { ROOT } from '../backends/html/html.js';
import { compileText, PARTNERSHIP } from '../helpers.js';

const GROUPS = `
group exec: Executive Group
  chaired by dcs
  members:
    - dcs
    - nurse
    - superintendent
  observers:
    - scrutineer
  deputies:
    - count towards the quorum only with full delegated authority
  quorate when one member from each of the safeguarding partners are present

group forum: Practitioner Forum
  chaired by dcs
  members:
    - dcs
    - nurse
`;

function model() {
  const result = compileText(PARTNERSHIP + GROUPS, 'test.tor', false);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.model!;
}

function attend(present: string[], deputies: Record<string, DeputyChoice> = {}): Attendance {
  return { present: new Set(present), deputies: new Map(Object.entries(deputies)) };
}

describe('the quorum simulator model', () => {
  it('offers only the groups with a quorum and falls back to the first of them', () => {
    const panel = quorumPanel(model(), 'forum', NOBODY);
    expect(panel.groups.map((g) => g.id)).toEqual(['exec']);
    expect(panel.group?.id).toBe('exec');
    expect(panel.rule).toBe('quorate when one member from each of the safeguarding partners are present');
  });

  it('lists the members with their posts and people, and the observers apart', () => {
    const panel = quorumPanel(model(), 'exec', NOBODY);
    expect(panel.members.map((m) => [m.seat, m.observer])).toEqual([
      ['dcs', false],
      ['nurse', false],
      ['superintendent', false],
      ['scrutineer', true],
    ]);
    expect(panel.members[0]!.label).toContain("Director of Children's Services");
    expect(panel.members[0]!.label).toContain('Ada Lovelace');
  });

  it('turns quorate when the last missing partner is ticked, and says who is missing before', () => {
    const before = quorumPanel(model(), 'exec', attend(['dcs', 'nurse']));
    expect(before.verdict?.quorate).toBe(false);
    expect(before.verdict?.headline).toMatch(/^Not quorate: .*superintendent/);
    expect(before.verdict?.clauses.some((c) => !c.passed)).toBe(true);
    const after = quorumPanel(model(), 'exec', attend(['dcs', 'nurse', 'superintendent']));
    expect(after.verdict).toMatchObject({ quorate: true, headline: 'Quorate.' });
    expect(after.verdict?.clauses.every((c) => c.passed)).toBe(true);
  });

  it('never counts an observer', () => {
    expect(quorumPanel(model(), 'exec', attend(['dcs', 'nurse', 'scrutineer'])).verdict?.quorate).toBe(false);
  });

  it('counts a deputy only as the group’s deputy rules allow', () => {
    const panel = quorumPanel(model(), 'exec', NOBODY);
    expect(panel.deputyRule).toBe('Deputies count towards this quorum only with full delegated authority.');
    const plain = quorumPanel(model(), 'exec', attend(['dcs', 'nurse'], { superintendent: 'deputy' }));
    expect(plain.verdict?.quorate).toBe(false);
    expect(plain.verdict?.deputies.join(' ')).toContain('does not count');
    const full = quorumPanel(model(), 'exec', attend(['dcs', 'nurse'], { superintendent: 'authority' }));
    expect(full.verdict?.quorate).toBe(true);
    // A member present in person sends no deputy: the choice is ignored.
    expect(quorumPanel(model(), 'exec', attend(['dcs', 'nurse', 'superintendent'], { dcs: 'authority' })).verdict?.deputies).toEqual([]);
  });

  it('names every member of the Isle of Wight Executive Group apart, chairs of other groups by their group', () => {
    const dir = join(ROOT, 'examples', 'isle-of-wight');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.tor'))
      .map((path) => ({ path, text: readFileSync(join(dir, path), 'utf8') }));
    const panel = quorumPanel(compile(files, { validate: false }).model, 'executive', NOBODY);
    const labels = panel.members.map((m) => m.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.filter((l) => l.startsWith('Chair of the ')).length).toBeGreaterThan(1);
    expect(labels).not.toContain('Chair of the Executive Group');
  });

  it('ignores ids that are not seats of the group, and has nothing to show without a model', () => {
    expect(quorumPanel(model(), 'exec', attend(['dcs', 'nurse', 'nobody'])).verdict?.quorate).toBe(false);
    expect(quorumPanel(undefined, 'exec', NOBODY)).toMatchObject({ groups: [], group: undefined, members: [], verdict: undefined });
  });

  it('keeps the member key while only the attendance changes', () => {
    const m = model();
    expect(memberKey(quorumPanel(m, 'exec', NOBODY))).toBe(memberKey(quorumPanel(m, 'exec', attend(['dcs']))));
    const other = compileText(PARTNERSHIP + GROUPS.replace('    - superintendent\n', ''), 'test.tor', false).model;
    expect(memberKey(quorumPanel(other, 'exec', NOBODY))).not.toBe(memberKey(quorumPanel(m, 'exec', NOBODY)));
  });
});
