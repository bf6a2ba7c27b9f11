import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../src/cadence/calendar.js';
import { toIcs } from '../../src/cadence/ics.js';
import { scheduleModel } from '../../src/cadence/schedule.js';
import { errors, modelOf, PARTNERSHIP, withPartnership } from '../helpers.js';

const calendar = new WorkingCalendar();

function model(groups: string) {
  const result = withPartnership(groups, false);
  expect(errors(result)).toEqual([]);
  return modelOf(result);
}

const IOW_LIKE = `group executive: Executive Group
  chaired by the partnership chair
  members:
    - the delegated safeguarding partners
  meets quarterly
  meetings start 15 January 2020

  support from the Partnership Team:
    - Agree the agenda with the chair at least three weeks before the meeting
    - Send the agenda and supporting papers to members one week in advance of the meeting
    - Send further papers to members 2 working days before the meeting
    - Circulate the minutes no later than one week after the meeting
    - Maintain an up-to-date list of members and their contact details

group board: Board
  chaired by the partnership chair
  members:
    - the delegated safeguarding partners
  meets quarterly

group panel: Panel
  chaired by the partnership chair
  members:
    - the delegated safeguarding partners

group forum: Forum
  chaired by the partnership chair
  members:
    - the delegated safeguarding partners
  meets as required
  meetings start 1 March 2020

group early: Early
  chaired by the partnership chair
  members:
    - the delegated safeguarding partners
  meets monthly
  meetings start 2020
`;

describe('a partnership schedule', () => {
  const schedules = scheduleModel(model(IOW_LIKE), { from: '2020-01-01', to: '2020-12-31', calendar });
  const [executive, board, panel, forum, early] = schedules;

  it('lists every dated duty of each meeting, in date order, with stable ids', () => {
    const april = executive!.events.filter((e) => e.meeting === '2020-04-15');
    expect(april.map((e) => [e.date, e.kind, e.uid])).toEqual([
      ['2020-03-25', 'agenda', 'p.executive.2020-04-15.agenda@tor'],
      ['2020-04-08', 'papers', 'p.executive.2020-04-15.papers@tor'],
      ['2020-04-09', 'papers', 'p.executive.2020-04-15.papers-2@tor'],
      ['2020-04-15', 'meeting', 'p.executive.2020-04-15.meeting@tor'],
      ['2020-04-22', 'minutes', 'p.executive.2020-04-15.minutes@tor'],
    ]);
    // 2 working days before Wednesday 15 April 2020 skips Easter Monday and Good Friday.
    expect(executive!.events.filter((e) => e.kind === 'meeting').map((e) => e.date)).toEqual(['2020-01-15', '2020-04-15', '2020-07-15', '2020-10-15']);
    expect(executive!.rules).toEqual([{ dtstart: '2020-01-15', rrule: 'FREQ=MONTHLY;INTERVAL=3' }]);
    expect(new Set(executive!.events.map((e) => e.uid)).size).toBe(executive!.events.length);
  });

  it('names what a group lacks, with its place', () => {
    const line = `${PARTNERSHIP}\n${IOW_LIKE}`.split('\n').indexOf('group board: Board') + 1;
    expect(board!.problem).toBe(`test.tor:${line}: group \`board\` has no start date: add \`meetings start <date>\` (e.g. \`meetings start 1 September 2025\`)`);
    expect(panel!.problem).toMatch(/^test\.tor:\d+: group `panel` has no cadence and no start date: add `meets <frequency>` \(e\.g\. `meets quarterly`\) and `meetings start <date>`/);
    expect(early!.problem).toMatch(/`meetings start 2020` gives only a year: add the month or the day/);
    expect(board!.events).toEqual([]);
  });

  it('says a group meeting as required has no dates, without calling it a problem', () => {
    expect(forum!.problem).toBeUndefined();
    expect(forum!.events).toEqual([]);
    expect(forum!.notes).toEqual(['meets as required: there are no dates to schedule']);
  });

  it('writes an iCalendar file that parses back, one event per meeting and per deadline', () => {
    const text = toIcs({ id: 'p', name: 'Test Partnership' }, schedules, new Date('2020-01-01T00:00:00Z'));
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const calendarComponent = new ICAL.Component(ICAL.parse(text));
    const events = calendarComponent.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(executive!.events.length);
    expect(events.map((e) => e.uid)).toEqual(executive!.events.map((e) => e.uid));
    expect(events.map((e) => e.startDate.toString())).toEqual(executive!.events.map((e) => e.date));
    expect(events.every((e) => e.startDate.isDate)).toBe(true);
    expect(calendarComponent.getAllSubcomponents('vevent')[0]!.getFirstPropertyValue('dtstamp')?.toString()).toBe('2020-01-01T00:00:00Z');
  });
});
