import ical, { ICalEventTransparency } from 'ical-generator';
import { addDays, type IsoDate, longDate, parts } from './dates.js';
import type { GroupSchedule, ScheduleEvent } from './schedule.js';

/**
 * The schedule as an iCalendar file (RFC 5545), written by ical-generator: one all-day
 * VEVENT per meeting and one per deadline. Deterministic: UIDs come from the schedule and
 * DTSTAMP from the caller (SOURCE_DATE_EPOCH or a date derived from the window), never
 * from the clock.
 */
export function toIcs(partnership: { id: string; name: string }, schedules: readonly GroupSchedule[], stamp: Date): string {
  const calendar = ical({
    name: partnership.name,
    description: `Meetings and deadlines of the ${partnership.name}, from its terms of reference.`,
    prodId: { company: 'tor', product: 'tor schedule', language: 'EN' },
  });
  for (const schedule of schedules) {
    for (const event of schedule.events) {
      const start = utcDate(event.date);
      calendar.createEvent({
        id: event.uid,
        stamp,
        start,
        end: utcDate(addDays(event.date, 1)),
        allDay: true,
        summary: event.summary,
        description: describe(event, schedule),
        categories: [{ name: event.kind === 'meeting' ? 'Meeting' : 'Deadline' }],
        // Deadlines do not take up the day; meetings do.
        transparency: event.kind === 'meeting' ? ICalEventTransparency.OPAQUE : ICalEventTransparency.TRANSPARENT,
      });
    }
  }
  // RFC 5545 ends every content line, the last one too, with CRLF.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

function describe(event: ScheduleEvent, schedule: GroupSchedule): string {
  const lines: string[] = [];
  if (event.kind === 'meeting') {
    lines.push(`Meeting ${event.meetingNumber} of the ${schedule.title}.`);
    if (schedule.cadence) lines.push(`Meets ${schedule.cadence}.`);
  } else {
    if (event.duty) lines.push(event.duty);
    if (event.rule) lines.push(`Due ${event.rule}, held on ${longDate(event.meeting)}.`);
  }
  if (event.moved) lines.push(`Moved from ${longDate(event.moved.from)} (${event.moved.reason}).`);
  return lines.join('\n');
}

/** Midnight UTC of a civil date: ical-generator writes all-day dates from the UTC fields. */
function utcDate(date: IsoDate): Date {
  const { year, month, day } = parts(date);
  return new Date(Date.UTC(year, month - 1, day));
}
