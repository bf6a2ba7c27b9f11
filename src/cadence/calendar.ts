import data from './bank-holidays-england-and-wales.json' with { type: 'json' };
import { addDays, type IsoDate, parts, weekday, WEEKDAYS } from './dates.js';

/**
 * Working days: Monday to Friday, less the bank holidays of England and Wales and the
 * partnership's own closure days (`closures:` in tor.config.yaml).
 */

export interface Closure {
  date: IsoDate;
  reason: string | undefined;
}

export interface HolidayData {
  /** Where the dates come from, as shipped in the JSON file. */
  source: string;
  firstYear: number;
  lastYear: number;
  events: readonly { date: IsoDate; title: string }[];
}

/** The bank holidays of England and Wales shipped with tor (see the `source` field of the file). */
export const BANK_HOLIDAYS: HolidayData = data;

export class WorkingCalendar {
  private readonly closed = new Map<IsoDate, string>();

  constructor(
    closures: readonly Closure[] = [],
    private readonly holidays: HolidayData = BANK_HOLIDAYS,
  ) {
    for (const event of holidays.events) this.closed.set(event.date, event.title);
    for (const closure of closures) {
      if (!this.closed.has(closure.date)) this.closed.set(closure.date, closure.reason ?? 'closure day');
    }
  }

  /** Whether the bank holidays of `date`'s year are known; outside them only weekends and closures are skipped. */
  covers(date: IsoDate): boolean {
    const { year } = parts(date);
    return year >= this.holidays.firstYear && year <= this.holidays.lastYear;
  }

  get coveredYears(): [number, number] {
    return [this.holidays.firstYear, this.holidays.lastYear];
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.whyClosed(date) === undefined;
  }

  /** `Saturday`, `Good Friday`, the reason given for a closure; undefined on a working day. */
  whyClosed(date: IsoDate): string | undefined {
    const day = weekday(date);
    if (day === 0 || day === 6) return WEEKDAYS[day];
    return this.closed.get(date);
  }

  /** `date` if it is a working day, else the first working day after it. */
  onOrAfter(date: IsoDate): IsoDate {
    let d = date;
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** `date` if it is a working day, else the last working day before it. */
  onOrBefore(date: IsoDate): IsoDate {
    let d = date;
    while (!this.isWorkingDay(d)) d = addDays(d, -1);
    return d;
  }

  /**
   * The day `count` working days after `date` (before it when negative). `date` itself is
   * not counted, and need not be a working day: 1 working day after a Saturday is Monday.
   */
  addWorkingDays(date: IsoDate, count: number): IsoDate {
    const step = count < 0 ? -1 : 1;
    let d = date;
    for (let left = Math.abs(count); left > 0; ) {
      d = addDays(d, step);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }
}
