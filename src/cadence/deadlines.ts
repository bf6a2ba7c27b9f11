import type { Deadline } from '../model/model.js';
import type { WorkingCalendar } from './calendar.js';
import { addDays, type IsoDate } from './dates.js';

/**
 * The date a duty is due for a meeting held on `meeting`.
 *
 * - Working days are counted from the meeting, which is not counted itself: papers "5 working
 *   days before" a Monday meeting are due the Monday before, or earlier across a bank holiday.
 * - Calendar days and weeks are counted plainly; a date that lands on a weekend, bank holiday
 *   or closure day moves EARLIER, to the working day before, in both directions: a deadline
 *   is the last day the duty can be done and still keep the rule ("at least a week before",
 *   "no later than a week after"), so the office is never told a day that breaks it.
 */
export function dueDate(meeting: IsoDate, deadline: Pick<Deadline, 'amount' | 'unit' | 'relation'>, calendar: WorkingCalendar): Due {
  const sign = deadline.relation === 'before' ? -1 : 1;
  if (deadline.unit === 'working day') return { date: calendar.addWorkingDays(meeting, sign * deadline.amount), moved: undefined };
  const days = deadline.unit === 'week' ? 7 * deadline.amount : deadline.amount;
  const nominal = addDays(meeting, sign * days);
  const reason = calendar.whyClosed(nominal);
  if (reason === undefined) return { date: nominal, moved: undefined };
  return { date: calendar.onOrBefore(nominal), moved: { from: nominal, reason } };
}

export interface Due {
  date: IsoDate;
  /** Set when the counted day was not a working day. */
  moved: { from: IsoDate; reason: string } | undefined;
}
