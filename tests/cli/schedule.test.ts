import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';

/** `tor schedule` end to end: runs the bundle the global setup built, as a user would. */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'tor.js');

function tor(args: readonly string[], env: Record<string, string> = {}, cwd = ROOT) {
  const { SOURCE_DATE_EPOCH: _, ...rest } = process.env;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...rest, NO_COLOR: '', ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of examples/kent, with extra files; returns its folder. */
function kentWith(extra: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tor-schedule-'));
  temps.push(dir);
  cpSync(join(ROOT, 'examples', 'kent'), dir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

const KENT = ['schedule', 'examples/kent', '--from', '2019-09-01', '--to', '2021-09-01'];

interface Event {
  uid: string;
  kind: string;
  date: string;
  meeting: string;
  meetingNumber: number;
  moved?: { from: string; reason: string };
}

function kentJson(): Event[] {
  const run = tor([...KENT, '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Event[];
}

describe('tor schedule examples/kent --from 2019-09-01 --to 2021-09-01', () => {
  it('meets every two months in the first year, then quarterly', () => {
    const meetings = kentJson().filter((e) => e.kind === 'meeting');
    expect(meetings.map((e) => e.date)).toEqual([
      // Every two months from September 2019, on the first working day of the month.
      '2019-09-02', // 1 September 2019 is a Sunday
      '2019-11-01',
      '2020-01-02', // 1 January is New Year's Day
      '2020-03-02',
      '2020-05-01',
      '2020-07-01',
      // Then quarterly from the first anniversary.
      '2020-09-01',
      '2020-12-01',
      '2021-03-01',
      '2021-06-01',
      '2021-09-01',
    ]);
    expect(meetings.map((e) => e.meetingNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('has papers 5 working days before and minutes 10 working days after, skipping bank holidays', () => {
    const events = kentJson();
    const due = (kind: string, meeting: string) => events.find((e) => e.kind === kind && e.meeting === meeting)?.date;
    expect(events.filter((e) => e.kind === 'papers')).toHaveLength(11);
    expect(events.filter((e) => e.kind === 'minutes')).toHaveLength(11);
    // Summer bank holiday, Monday 26 August 2019.
    expect(due('papers', '2019-09-02')).toBe('2019-08-23');
    expect(due('minutes', '2019-09-02')).toBe('2019-09-16');
    // Christmas Day, Boxing Day and New Year's Day 2019–20.
    expect(due('papers', '2020-01-02')).toBe('2019-12-23');
    expect(due('minutes', '2020-01-02')).toBe('2020-01-16');
    // The VE day bank holiday, Friday 8 May 2020.
    expect(due('papers', '2020-05-01')).toBe('2020-04-24');
    expect(due('minutes', '2020-05-01')).toBe('2020-05-18');
    // Summer bank holiday, Monday 31 August 2020.
    expect(due('papers', '2020-09-01')).toBe('2020-08-24');
    // Spring bank holiday, Monday 31 May 2021, and summer bank holiday, Monday 30 August 2021.
    expect(due('papers', '2021-06-01')).toBe('2021-05-24');
    expect(due('papers', '2021-09-01')).toBe('2021-08-24');
  });

  it('prints a readable table with the RRULE of each phase', () => {
    const run = tor(KENT);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Partnership Executive Board (executive-board)',
      '  meets every 2 months from September 2019 to August 2020, then quarterly from September 2020, on the first working day of the month',
      '  RRULE from 2019-09-02: FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1;UNTIL=20200831',
      '  RRULE from 2020-09-01: FREQ=MONTHLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1',
    ]);
    expect(lines).toContain('  2019-12-23 Mon  papers due    not less than 5 working days before the meeting');
    expect(lines).toContain('  2020-01-02 Thu  meeting 3');
    expect(lines).toContain('  2020-05-18 Mon  minutes due   no more than 10 working days after the meeting');
    expect(lines).toContain('  11 meetings and 22 deadlines from 2019-09-01 to 2021-09-01');
  });

  it('writes an .ics that parses back with ical.js: one event per meeting and per deadline', () => {
    const run = tor([...KENT, '--format', 'ics']);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(run.stdout));
    const vevents = calendar.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(33);
    const events = vevents.map((v) => new ICAL.Event(v));
    const json = kentJson();
    expect(events.map((e) => e.uid)).toEqual(json.map((e) => e.uid));
    expect(new Set(events.map((e) => e.uid)).size).toBe(33);
    expect(events.map((e) => e.startDate.toString())).toEqual(json.map((e) => e.date));
    expect(events.every((e) => e.startDate.isDate && e.endDate.toString() > e.startDate.toString())).toBe(true);
    expect(events.filter((e) => e.summary === 'Partnership Executive Board')).toHaveLength(11);
    expect(events.find((e) => e.startDate.toString() === '2020-05-18')?.summary).toBe('Minutes due: Partnership Executive Board, meeting of Fri 1 May 2020');
    // DTSTAMP is derived from --from, not the clock.
    expect(vevents.map((v) => v.getFirstPropertyValue('dtstamp')?.toString())).toEqual(Array(33).fill('2019-09-01T00:00:00Z'));
  });

  it('is deterministic, and takes DTSTAMP from SOURCE_DATE_EPOCH when set', () => {
    for (const format of ['table', 'json', 'ics']) {
      expect(tor([...KENT, '--format', format]).stdout).toBe(tor([...KENT, '--format', format]).stdout);
    }
    const a = tor([...KENT, '--format', 'ics'], { SOURCE_DATE_EPOCH: '1700000000' });
    const b = tor([...KENT, '--format', 'ics'], { SOURCE_DATE_EPOCH: '1700000000' });
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('DTSTAMP:20231114T221320Z\r\n');
    expect(a.stdout).not.toContain('DTSTAMP:20190901');
  });

  it('keeps to the group asked for', () => {
    const run = tor([...KENT, '--group', 'executive-board', '--format', 'json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(33);
  });
});

describe('tor schedule: groups that cannot be scheduled', () => {
  const extra = {
    'panel.tor': `group panel: Review Panel
  meets quarterly
`,
    'forum.tor': `group forum: Practitioner Forum
  meets as required
  meetings start 1 March 2020
`,
  };

  it('names what to add (exit 1) and still lists the others', () => {
    const dir = kentWith(extra);
    const run = tor(['schedule', dir, '--from', '2020-01-01', '--to', '2020-12-31']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^tor: .*panel\.tor:1: group `panel` has no start date: add `meetings start <date>`/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toContain('Partnership Executive Board (executive-board)');
    expect(run.stdout).toContain('  2020-01-02 Thu  meeting 3');
    expect(run.stdout).toContain('Practitioner Forum (forum)\n  meets as required: there are no dates to schedule');
  });

  it('exits 1 for that group alone when it is the one asked for', () => {
    const dir = kentWith(extra);
    const run = tor(['schedule', dir, '--group', 'panel', '--from', '2020-01-01', '--to', '2020-12-31', '--format', 'json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('exits 0 for a group that meets as required', () => {
    const dir = kentWith(extra);
    const run = tor(['schedule', dir, '--group', 'forum', '--from', '2020-01-01', '--to', '2020-12-31']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});

describe('tor schedule: closure days from tor.config.yaml', () => {
  it('skips them like bank holidays', () => {
    const dir = kentWith({ 'tor.config.yaml': 'closures:\n  - 2019-08-29\n  - date: 2019-08-30\n    reason: Office move\n' });
    const run = tor(['schedule', dir, '--from', '2019-09-01', '--to', '2019-09-30', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const events = JSON.parse(run.stdout) as Event[];
    // 5 working days before Monday 2 September 2019: 28, 27, 23, 22 and 21 August.
    expect(events.find((e) => e.kind === 'papers')?.date).toBe('2019-08-21');
  });

  it('reports a bad entry (exit 1) and still gives the schedule', () => {
    const dir = kentWith({ 'tor.config.yaml': 'closures:\n  - 2019-02-30\n' });
    const run = tor(['schedule', dir, '--from', '2019-09-01', '--to', '2019-09-30']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('`closures[0]` must be a date written YYYY-MM-DD, not `2019-02-30`');
    expect(run.stdout).toContain('meeting 1');
  });
});

describe('tor schedule: usage errors', () => {
  it.each([
    [['--from', '2019-13-01', '--to', '2020-01-01'], /^tor: option '--from <date>' argument '2019-13-01' is invalid\. Write a real date as YYYY-MM-DD/],
    [['--from', '2019-09-01', '--to', '1 Sept 2020'], /^tor: option '--to <date>' argument '1 Sept 2020' is invalid/],
    [['--from', '2021-01-01', '--to', '2020-01-01'], /^tor: --from 2021-01-01 is after --to 2020-01-01$/],
    [['--to', '2020-01-01'], /^tor: required option '--from <date>' not specified/],
    [['--from', '2019-09-01', '--to', '2020-01-01', '--format', 'ical'], /^tor: option '--format <format>' argument 'ical' is invalid/],
    [['--from', '2019-09-01', '--to', '2020-01-01', '--group', 'executive-bord'], /^tor: no group `executive-bord` in examples\/kent — did you mean `executive-board`\?$/],
  ])('%j → one line, exit 2', (args, message) => {
    const run = tor(['schedule', 'examples/kent', ...args]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
  });

  it('refuses a SOURCE_DATE_EPOCH that is not a number', () => {
    const run = tor([...KENT, '--format', 'ics'], { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('tor: SOURCE_DATE_EPOCH must be a whole number of seconds, not `yesterday`\n');
  });

  it('says when a project is missing', () => {
    const run = tor(['schedule', 'examples/nowhere', '--from', '2019-09-01', '--to', '2020-01-01']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('tor: no such file or folder: examples/nowhere\n');
  });
});
