import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** End-to-end: `node bin/tor.js quorum …`, the bundle the global setup built. */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'tor.js');

function tor(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const { status, stdout, stderr } = spawnSync(process.execPath, [BIN, 'quorum', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '' }, encoding: 'utf8' });
  return { status, stdout, stderr };
}

const IOW = 'examples/isle-of-wight';
const KENT = 'examples/kent';
const GLOS = 'examples/gloucestershire';

describe('tor quorum', () => {
  it('exits 0 and ticks every clause when quorate', () => {
    const run = tor(IOW, '--group', 'executive', '--present', 'dcs,icb-safeguarding-director,area-commander,independent-scrutineer');
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toBe(
      [
        'Executive Group (executive): quorate',
        '  quorate when one member from each of the safeguarding partners and the independent scrutineer are present',
        '  ✓ one member from each of the safeguarding partners — council: dcs; icb: icb-safeguarding-director; police: area-commander',
        '  ✓ the independent scrutineer — independent-scrutineer is present',
        '',
      ].join('\n'),
    );
  });

  it('exits 1 with the failing clause and the smallest addition', () => {
    const run = tor(GLOS, '--group', 'executive', '--present', 'acc, dcs');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        'Gloucestershire Safeguarding Children’s Executive (executive): not quorate',
        '  quorate when one member from each of the safeguarding partners are present',
        '  ✗ one member from each of the safeguarding partners — icb: nobody; county-council: dcs; constabulary: acc',
        '      needs a member from icb (chief-nurse or assistant-director)',
        'Would be quorate if chief-nurse or assistant-director also attended.',
        '',
      ].join('\n'),
    );
  });

  it('says when the scrutineer is missing at the IOW Executive', () => {
    const run = tor(IOW, '--group', 'executive', '--present', 'dcs,icb-safeguarding-director,head-of-crime');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('  ✗ the independent scrutineer — absent: independent-scrutineer\n');
    expect(run.stdout).toContain('Would be quorate if independent-scrutineer also attended.\n');
  });

  it('notes observers, who never count', () => {
    const run = tor(IOW, '--group', 'board', '--present', 'dcs,independent-scrutineer,police,icb,cabinet-member');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('  ✗ half of the members — 4 present (dcs, independent-scrutineer, police and icb); 12 needed (half of 24)\n');
    expect(run.stdout).toContain('  cabinet-member is an observer and does not count\n');
  });

  it('counts a Kent deputy only with full delegated authority', () => {
    const without = tor(KENT, '--group', 'executive-board', '--present', 'chief-superintendent,corporate-director', '--deputy', 'chief-nurse=Jo Bloggs');
    expect(without.status).toBe(1);
    expect(without.stdout).toContain(
      "  deputy Jo Bloggs for chief-nurse: does not count — the group's deputies count towards the quorum only with full delegated authority, and this deputy was not given it\n",
    );
    const withAuthority = tor(KENT, '--group', 'executive-board', '--present', 'chief-superintendent,corporate-director', '--deputy', 'chief-nurse=Jo Bloggs:authority');
    expect(withAuthority.status).toBe(0);
    expect(withAuthority.stdout).toContain('  deputy Jo Bloggs for chief-nurse: counts — stands in for chief-nurse with full delegated authority\n');
  });

  it('prints JSON with --json', () => {
    const run = tor(KENT, '--group', 'executive-board', '--present', 'chief-superintendent', '--json');
    expect(run.status).toBe(1);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      group: 'executive-board',
      quorate: false,
      clauses: [
        {
          kind: 'all',
          text: 'all 3 members',
          passed: false,
          needs: 'corporate-director and chief-nurse',
          at: { file: 'examples/kent/executive-board.tor', line: 103, column: 16 },
        },
      ],
      missing: ['corporate-director', 'chief-nurse'],
      addition: { size: 2, exact: true },
      reachable: true,
      deputies: [],
      summary: 'would be quorate if corporate-director and chief-nurse also attended',
    });
  });

  it('analyses: smallest quorate attendance and single points of failure', () => {
    const run = tor(IOW, '--group', 'executive', '--analyse');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'Executive Group (executive)',
        '  quorate when one member from each of the safeguarding partners and the independent scrutineer are present',
        '  10 members (people, observers excluded)',
        '  Smallest quorate attendance: 4 — dcs, independent-scrutineer, icb-safeguarding-director and one of head-of-crime or area-commander',
        '  Single points of failure (their absence alone makes any meeting inquorate):',
        '    dcs — one member from each of the safeguarding partners: a member from council (dcs)',
        '    independent-scrutineer — the independent scrutineer',
        '    icb-safeguarding-director — one member from each of the safeguarding partners: a member from icb (icb-safeguarding-director)',
        '  Deputies count towards this quorum, so a deputy can stand in for any of them.',
        '',
      ].join('\n'),
    );
  });

  it('analyses as JSON', () => {
    const run = tor(KENT, '--group', 'executive-board', '--analyse', '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      group: 'executive-board',
      members: 3,
      achievable: true,
      smallest: { size: 3, seats: ['chief-superintendent', 'corporate-director', 'chief-nurse'], exact: true },
      singlePointsOfFailure: [{ seat: 'chief-superintendent' }, { seat: 'corporate-director' }, { seat: 'chief-nurse' }],
      deputies: 'with authority',
    });
  });

  describe('refuses what it cannot answer, exit 2', () => {
    it('an unknown group, with a suggestion', () => {
      expect(tor(KENT, '--group', 'executive-bored', '--present', 'chief-nurse')).toEqual({
        status: 2,
        stdout: '',
        stderr: 'tor: no group `executive-bored` in examples/kent — did you mean `executive-board`?\n',
      });
    });

    it('an unknown member, with a suggestion', () => {
      const run = tor(KENT, '--group', 'executive-board', '--present', 'chief-nurs,corporate-director');
      expect(run).toMatchObject({ status: 2, stdout: '' });
      expect(run.stderr).toBe('tor: `chief-nurs` is not a member of executive-board — did you mean `chief-nurse`?\n');
    });

    it('an unknown member with nothing close: lists the members', () => {
      const run = tor(KENT, '--group', 'executive-board', '--present', 'someone');
      expect(run.stderr).toBe('tor: `someone` is not a member of executive-board; its members are chief-superintendent, corporate-director, chief-nurse\n');
      expect(run.status).toBe(2);
    });

    it('a deputy for an unknown member, or written wrongly', () => {
      expect(tor(KENT, '--group', 'executive-board', '--present', 'chief-nurse', '--deputy', 'corporate-directr=Jo')).toMatchObject({
        status: 2,
        stderr: 'tor: `corporate-directr` is not a member of executive-board — did you mean `corporate-director`?\n',
      });
      expect(tor(KENT, '--group', 'executive-board', '--present', 'chief-nurse', '--deputy', 'Jo Bloggs').status).toBe(2);
    });

    it('no --present and no --analyse', () => {
      const run = tor(KENT, '--group', 'executive-board');
      expect(run).toMatchObject({ status: 2, stderr: 'tor: say who attended with --present <member ids, comma-separated>, or ask for --analyse\n' });
    });

    it('a group with no quorum', () => {
      const run = tor(IOW, '--group', 'performance-quality', '--present', '');
      expect(run).toMatchObject({ status: 2, stderr: 'tor: performance-quality has no quorum (no `quorate when …` line)\n' });
    });

    it('a missing --group', () => {
      const run = tor(KENT, '--present', 'chief-nurse');
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/required option '--group <id>' not specified/);
    });
  });

  it('has help', () => {
    const run = tor('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: tor quorum \[options\] <path>/);
  });
});
