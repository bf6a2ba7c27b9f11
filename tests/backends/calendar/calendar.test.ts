import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/compile.js';
import { publishedCalendar } from '../../../src/backends/calendar/calendar.js';
import { exampleFiles } from '../../helpers.js';

const modelOf = (name: string) => compile(exampleFiles(name), { validate: false }).model!;

describe('the published calendar', () => {
  it('holds two years of Kent meetings and deadlines from September 2019, and parses back', () => {
    const { ics, notes } = publishedCalendar(modelOf('kent'), [], undefined);
    expect(notes).toEqual([]);
    const events = new ICAL.Component(ICAL.parse(ics!)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const meetings = events.filter((e) => !/due/i.test(e.summary)).map((e) => e.startDate.toString());
    expect(meetings[0]).toBe('2019-09-02');
    // Every two months in the first year (6 meetings), then quarterly: 9 or 10 in two years.
    expect(meetings.length).toBeGreaterThanOrEqual(9);
    expect(events.length).toBe(meetings.length * 3);
  });

  it('says what to add when no group can be dated', () => {
    const { ics, notes } = publishedCalendar(modelOf('isle-of-wight'), [], undefined);
    expect(ics).toBeUndefined();
    expect(notes[0]).toContain('meetings start');
  });

  it('is the same bytes every time', () => {
    const stamp = new Date('2026-01-01T00:00:00Z');
    expect(publishedCalendar(modelOf('kent'), [], stamp).ics).toBe(publishedCalendar(modelOf('kent'), [], stamp).ics);
  });
});
