import type { Cadence, DateValue, Frequency } from '../model/model.js';
import type { WorkingCalendar } from './calendar.js';
import { addDays, addMonths, icalDate, type IsoDate, isoDate, longDate, MONTHS, parts, weekday } from './dates.js';

/**
 * When a group meets: its cadence (`meets …`) unrolled from its start (`meetings start …`).
 *
 * - A start with a day is that day. A start with only a month (`September 2019`) is the
 *   first working day of that month, and so is every later meeting of a cadence counted in
 *   months or years. A start with only a year is refused: there is no sensible day to pick.
 * - Cadences in months or years keep the day of the month (the 31st becomes the last day
 *   of a shorter month); cadences in weeks keep the weekday (from a month-only start, the
 *   weekday of the month's first Monday-to-Friday day).
 * - A meeting that falls on a weekend, bank holiday or closure day moves to the next working day.
 * - `every 2 months in the first year, then …`: the first cadence for the twelve months
 *   from the start, the second from the first anniversary on.
 * - `at least quarterly` and `as required but at least quarterly` are scheduled quarterly;
 *   `as required` alone has no dates.
 */

export interface Anchor {
  /** The first day of the month for a month-only start. */
  date: IsoDate;
  precision: 'day' | 'month';
}

export type AnchorResult = { ok: true; anchor: Anchor } | { ok: false; problem: string };

/** The start a `meetings start` date gives; a year alone is too vague to schedule. */
export function anchorOf(date: DateValue): AnchorResult {
  if (date.month === undefined) {
    return {
      ok: false,
      problem: `\`meetings start ${date.year}\` gives only a year: add the month or the day, e.g. \`meetings start September ${date.year}\``,
    };
  }
  if (date.day === undefined) return { ok: true, anchor: { date: isoDate(date.year, date.month, 1), precision: 'month' } };
  return { ok: true, anchor: { date: isoDate(date.year, date.month, date.day), precision: 'day' } };
}

/** A regular interval between meetings; years are counted as 12 months. */
export interface Step {
  count: number;
  unit: 'week' | 'month';
}

/** The interval a frequency schedules at, or undefined for `as required` alone. */
export function stepOf(frequency: Frequency): Step | undefined {
  switch (frequency.kind) {
    case 'every':
      return frequency.unit === 'year' ? { count: frequency.count * 12, unit: 'month' } : { count: frequency.count, unit: frequency.unit };
    case 'at least':
      return stepOf(frequency.frequency);
    case 'as required':
      return frequency.atLeast ? stepOf(frequency.atLeast) : undefined;
  }
}

/** `every 2 months`, `quarterly`, `weekly`. */
export function describeStep(step: Step): string {
  if (step.unit === 'week') return step.count === 1 ? 'weekly' : `every ${step.count} weeks`;
  const named: Record<number, string> = { 1: 'monthly', 3: 'quarterly', 6: 'twice a year', 12: 'annually' };
  return named[step.count] ?? (step.count % 12 === 0 ? `every ${step.count / 12} years` : `every ${step.count} months`);
}

/** One stretch of regular meetings. */
export interface Phase {
  step: Step;
  /** The first meeting's nominal date: for a month-only start, the first of the month. */
  start: IsoDate;
  precision: 'day' | 'month';
  /** Nominal dates from here on belong to the next phase. */
  until: IsoDate | undefined;
  /** The RFC 5545 rule, with DTSTART (a DATE) as the rule counts it. */
  dtstart: IsoDate;
  rrule: string;
}

export type Plan =
  | { kind: 'dated'; phases: Phase[]; notes: string[] }
  /** `meets as required`: nothing to put in a calendar. */
  | { kind: 'undated'; note: string };

/** The phases of a cadence from its start. */
export function planCadence(cadence: Pick<Cadence, 'first' | 'thereafter'>, anchor: Anchor): Plan {
  const first = stepOf(cadence.first);
  if (cadence.thereafter === undefined) {
    if (!first) return { kind: 'undated', note: 'meets as required: there are no dates to schedule' };
    return { kind: 'dated', phases: [phase(first, anchor.date, anchor.precision, undefined)], notes: [] };
  }
  const then = stepOf(cadence.thereafter);
  const anniversary = addMonths(anchor.date, 12);
  const phases: Phase[] = [];
  const notes: string[] = [];
  if (first) phases.push(phase(first, anchor.date, anchor.precision, anniversary));
  else notes.push(`meets as required in the first year (until ${longDate(addDays(anniversary, -1))}): no dates to schedule`);
  if (then) phases.push(phase(then, anniversary, anchor.precision, undefined));
  else notes.push(`meets as required from ${longDate(anniversary)}: no dates to schedule`);
  if (phases.length === 0) return { kind: 'undated', note: 'meets as required: there are no dates to schedule' };
  return { kind: 'dated', phases, notes };
}

function phase(step: Step, start: IsoDate, precision: 'day' | 'month', until: IsoDate | undefined): Phase {
  const { dtstart, rrule } = ruleFor(step, start, precision, until);
  return { step, start, precision, until, dtstart, rrule };
}

const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const WEEKDAYS_RULE = 'BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1';

/**
 * The RFC 5545 RRULE of a phase. It says the pattern; it cannot know bank holidays or
 * closures, so the dated meetings (which skip them) are the authority. A month-only start
 * is "the first weekday of the month" (BYDAY=MO,…,FR;BYSETPOS=1); the 31st is the month's
 * last day (BYMONTHDAY=-1); the 29th or 30th is "that day or the month's last"
 * (BYMONTHDAY=28,…,d;BYSETPOS=-1), as the schedule counts it.
 */
export function ruleFor(step: Step, start: IsoDate, precision: 'day' | 'month', until: IsoDate | undefined): { dtstart: IsoDate; rrule: string } {
  const rule: string[] = [];
  let dtstart = start;
  const { month, day } = parts(start);
  if (step.unit === 'week') {
    // Weeks count from the first meeting's weekday: for a month-only start, the first weekday of the month.
    if (precision === 'month') dtstart = firstWeekday(start);
    rule.push('FREQ=WEEKLY');
    if (step.count > 1) rule.push(`INTERVAL=${step.count}`);
    rule.push(`BYDAY=${BYDAY[weekday(dtstart)]}`);
  } else {
    const yearly = step.count % 12 === 0;
    rule.push(yearly ? 'FREQ=YEARLY' : 'FREQ=MONTHLY');
    const interval = yearly ? step.count / 12 : step.count;
    if (interval > 1) rule.push(`INTERVAL=${interval}`);
    if (precision === 'month') {
      dtstart = firstWeekday(start);
      if (yearly) rule.push(`BYMONTH=${month}`);
      rule.push(WEEKDAYS_RULE);
    } else if (yearly ? month === 2 && day === 29 : day > 28) {
      // The schedule moves a day the month lacks to its last day; say the same in the rule.
      if (yearly) rule.push(`BYMONTH=${month}`);
      if (day === 31) rule.push('BYMONTHDAY=-1');
      else rule.push(`BYMONTHDAY=${Array.from({ length: day - 27 }, (_, i) => 28 + i).join(',')};BYSETPOS=-1`);
    }
  }
  if (until !== undefined) rule.push(`UNTIL=${icalDate(addDays(until, -1))}`);
  return { dtstart, rrule: rule.join(';') };
}

/** The first Monday-to-Friday day of `date`'s month. */
function firstWeekday(date: IsoDate): IsoDate {
  let d = isoDate(parts(date).year, parts(date).month, 1);
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, 1);
  return d;
}

export interface Occurrence {
  /** The working day the meeting is held on. */
  date: IsoDate;
  /** 1 for the first meeting of the cadence, counting from the start. */
  number: number;
  /** Index of the phase in the plan. */
  phase: number;
  /** A stable name for the meeting: its nominal date, or `YYYY-MM` for a month-anchored one. */
  key: string;
  /** Set when the nominal day was not a working day. */
  moved: { from: IsoDate; reason: string } | undefined;
}

/** Upper bound on meetings unrolled, so a weekly cadence and a far window cannot run away. */
const MAX_MEETINGS = 100_000;

/** The meetings of a plan held between `from` and `to`, both included, in date order. */
export function occurrences(plan: Plan, calendar: WorkingCalendar, from: IsoDate, to: IsoDate): Occurrence[] {
  if (plan.kind === 'undated') return [];
  const out: Occurrence[] = [];
  let number = 0;
  plan.phases.forEach((p, phaseIndex) => {
    // Weeks from a month-only start count from the first weekday of that month, as the RRULE does.
    const base = p.step.unit === 'week' && p.precision === 'month' ? firstWeekday(p.start) : p.start;
    for (let k = 0; k < MAX_MEETINGS; k++) {
      const nominal = p.step.unit === 'week' ? addDays(base, 7 * p.step.count * k) : addMonths(base, p.step.count * k);
      if (p.until !== undefined && nominal >= p.until) break;
      // Held on or after its nominal day, so once that passes `to` no later meeting can be in the window.
      if (nominal > to) break;
      number++;
      const date = calendar.onOrAfter(nominal);
      if (date < from || date > to) continue;
      const monthly = p.precision === 'month' && p.step.unit === 'month';
      const reason = calendar.whyClosed(nominal);
      out.push({
        date,
        number,
        phase: phaseIndex,
        key: monthly ? nominal.slice(0, 7) : nominal,
        moved: monthly || reason === undefined ? undefined : { from: nominal, reason },
      });
    }
  });
  return out;
}

/** `every 2 months from September 2019 to August 2020, then quarterly from September 2020, on the first working day of the month`. */
export function describePlan(plan: Plan): string {
  if (plan.kind === 'undated') return plan.note;
  const monthName = (date: IsoDate) => `${MONTHS[parts(date).month - 1]} ${parts(date).year}`;
  const text = plan.phases
    .map((p, i) => {
      const show = p.precision === 'month' ? monthName : longDate;
      const to = p.until === undefined ? '' : ` to ${show(addDays(p.until, -1))}`;
      return `${i === 0 ? '' : 'then '}${describeStep(p.step)} from ${show(p.start)}${to}`;
    })
    .join(', ');
  const firstWorkingDay = plan.phases.some((p) => p.precision === 'month' && p.step.unit === 'month');
  return firstWorkingDay ? `${text}, on the first working day of the month` : text;
}
