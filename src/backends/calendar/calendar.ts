import type { Closure } from '../../cadence/calendar.js';
import { WorkingCalendar } from '../../cadence/calendar.js';
import { addMonths, type IsoDate, isoDate } from '../../cadence/dates.js';
import { toIcs } from '../../cadence/ics.js';
import { scheduleModel } from '../../cadence/schedule.js';
import type { Model } from '../../model/model.js';

/** How far a published calendar looks ahead from the first meeting it knows. */
const MONTHS_AHEAD = 24;

export interface PublishedCalendar {
  /** The iCalendar text, or undefined when no group can be dated. */
  ics: string | undefined;
  /** Groups that could not be dated, and what to add (`meetings start …`). */
  notes: string[];
}

/**
 * The partnership's meetings and deadlines as one iCalendar file, for `tor build`: every
 * group that states a cadence and a start, over the two years from the earliest start.
 * The window comes from the sources, never the clock, so the same sources give the same
 * file; `stamp` (from SOURCE_DATE_EPOCH at the edge) is the DTSTAMP, else the window's start.
 */
export function publishedCalendar(model: Model, closures: readonly Closure[], stamp: Date | undefined): PublishedCalendar {
  const starts = model.groups.flatMap((g) => (g.meetingsStart ? [g.meetingsStart.date] : []));
  const notes: string[] = [];
  if (starts.length === 0) return { ics: undefined, notes: ['no group says when its meetings start, so there is no calendar: add `meetings start <date>` to a group'] };
  const first = starts.map((d) => isoDate(d.year, d.month ?? 1, d.day ?? 1)).sort()[0]!;
  const from: IsoDate = first;
  const to: IsoDate = addMonths(first, MONTHS_AHEAD);
  const schedules = scheduleModel(model, { from, to, calendar: new WorkingCalendar([...closures]) });
  for (const s of schedules) if (s.problem !== undefined) notes.push(s.problem);
  const dated = schedules.filter((s) => s.problem === undefined);
  const ics = toIcs({ id: model.partnership.id, name: model.partnership.name }, dated, stamp ?? new Date(`${from}T00:00:00Z`));
  return { ics, notes };
}
