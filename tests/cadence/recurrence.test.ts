import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../src/cadence/calendar.js';
import { anchorOf, type Anchor, describePlan, occurrences, planCadence, type Plan } from '../../src/cadence/recurrence.js';
import type { Frequency } from '../../src/model/model.js';

const span = { file: 'test.tor', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
const every = (count: number, unit: 'week' | 'month' | 'year'): Frequency => ({ kind: 'every', count, unit, span });
const asRequired = (atLeast?: Frequency): Frequency => ({ kind: 'as required', atLeast, span });
const atLeast = (frequency: Frequency): Frequency => ({ kind: 'at least', frequency, span });

const WEEKLY = every(1, 'week');
const MONTHLY = every(1, 'month');
const QUARTERLY = every(3, 'month');
const TWICE_A_YEAR = every(6, 'month');
const ANNUALLY = every(1, 'year');

const calendar = new WorkingCalendar();
/** Weekends only: what an RRULE knows. */
const weekendsOnly = new WorkingCalendar([], { source: 'none', firstYear: 0, lastYear: 0, events: [] });

const day = (date: string): Anchor => ({ date, precision: 'day' });
const month = (date: string): Anchor => ({ date, precision: 'month' });
const plan = (first: Frequency, anchor: Anchor, thereafter?: Frequency): Plan => planCadence({ first, thereafter }, anchor);
const rules = (p: Plan) => (p.kind === 'dated' ? p.phases.map((ph) => `${ph.dtstart} ${ph.rrule}`) : []);
const dates = (p: Plan, from: string, to: string, cal = calendar) => occurrences(p, cal, from, to).map((o) => o.date);

describe('the start of meetings', () => {
  it('takes a day as it is, a month as its first day, and refuses a year alone', () => {
    expect(anchorOf({ year: 2019, month: 9, day: 5, span })).toEqual({ ok: true, anchor: day('2019-09-05') });
    expect(anchorOf({ year: 2019, month: 9, span })).toEqual({ ok: true, anchor: month('2019-09-01') });
    const year = anchorOf({ year: 2019, span });
    expect(year.ok).toBe(false);
    expect(!year.ok && year.problem).toContain('`meetings start September 2019`');
  });

  it('holds a month-only start on the first working day of the month', () => {
    // 1 September 2019 is a Sunday; 1 January 2020 is New Year's Day.
    expect(dates(plan(MONTHLY, month('2019-09-01')), '2019-09-01', '2020-01-31')).toEqual([
      '2019-09-02',
      '2019-10-01',
      '2019-11-01',
      '2019-12-02',
      '2020-01-02',
    ]);
  });
});

describe('RRULEs', () => {
  it.each<[string, Frequency, Anchor, string]>([
    ['weekly', WEEKLY, day('2020-01-15'), '2020-01-15 FREQ=WEEKLY;BYDAY=WE'],
    ['every 6 weeks', every(6, 'week'), day('2020-01-15'), '2020-01-15 FREQ=WEEKLY;INTERVAL=6;BYDAY=WE'],
    ['monthly', MONTHLY, day('2020-01-15'), '2020-01-15 FREQ=MONTHLY'],
    ['every 2 months', every(2, 'month'), day('2020-01-15'), '2020-01-15 FREQ=MONTHLY;INTERVAL=2'],
    ['quarterly', QUARTERLY, day('2020-01-15'), '2020-01-15 FREQ=MONTHLY;INTERVAL=3'],
    ['twice a year', TWICE_A_YEAR, day('2020-01-15'), '2020-01-15 FREQ=MONTHLY;INTERVAL=6'],
    ['annually', ANNUALLY, day('2020-01-15'), '2020-01-15 FREQ=YEARLY'],
    ['every 2 years', every(2, 'year'), day('2020-01-15'), '2020-01-15 FREQ=YEARLY;INTERVAL=2'],
    ['at least quarterly', atLeast(QUARTERLY), day('2020-01-15'), '2020-01-15 FREQ=MONTHLY;INTERVAL=3'],
    ['as required but at least quarterly', asRequired(QUARTERLY), day('2020-01-15'), '2020-01-15 FREQ=MONTHLY;INTERVAL=3'],
    ['monthly from the 31st', MONTHLY, day('2020-01-31'), '2020-01-31 FREQ=MONTHLY;BYMONTHDAY=-1'],
    ['quarterly from the 30th', QUARTERLY, day('2019-11-30'), '2019-11-30 FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=28,29,30;BYSETPOS=-1'],
    ['annually from 29 February', ANNUALLY, day('2020-02-29'), '2020-02-29 FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1'],
    ['quarterly from a month', QUARTERLY, month('2019-09-01'), '2019-09-02 FREQ=MONTHLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1'],
    ['annually from a month', ANNUALLY, month('2019-09-01'), '2019-09-02 FREQ=YEARLY;BYMONTH=9;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1'],
    ['every 2 weeks from a month', every(2, 'week'), month('2019-09-01'), '2019-09-02 FREQ=WEEKLY;INTERVAL=2;BYDAY=MO'],
  ])('%s', (_name, frequency, anchor, rule) => {
    expect(rules(plan(frequency, anchor))).toEqual([rule]);
  });

  it('gives each phase of "every 2 months in the first year, then at least quarterly" its own rule', () => {
    const kent = plan(every(2, 'month'), month('2019-09-01'), asRequired(QUARTERLY));
    expect(rules(kent)).toEqual([
      '2019-09-02 FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1;UNTIL=20200831',
      '2020-09-01 FREQ=MONTHLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1',
    ]);
    expect(describePlan(kent)).toBe(
      'every 2 months from September 2019 to August 2020, then quarterly from September 2020, on the first working day of the month',
    );
  });

  // ical.js expands each rule; with weekends as the only closed days the schedule's dates
  // are the rule's (a day-anchored meeting keeps its nominal day in `moved.from`).
  it.each<[string, Frequency, Anchor, Frequency | undefined]>([
    ['weekly', WEEKLY, day('2020-01-15'), undefined],
    ['every 6 weeks', every(6, 'week'), day('2020-01-18'), undefined],
    ['monthly', MONTHLY, day('2020-01-15'), undefined],
    ['monthly from the 31st', MONTHLY, day('2020-01-31'), undefined],
    ['quarterly', QUARTERLY, day('2020-02-07'), undefined],
    ['twice a year', TWICE_A_YEAR, day('2020-03-10'), undefined],
    ['annually', ANNUALLY, day('2020-07-01'), undefined],
    ['quarterly from a month', QUARTERLY, month('2019-09-01'), undefined],
    ['annually from a month', ANNUALLY, month('2019-06-01'), undefined],
    ['every 2 weeks from a month', every(2, 'week'), month('2020-02-01'), undefined],
    ['Kent', every(2, 'month'), month('2019-09-01'), asRequired(QUARTERLY)],
    ['monthly then quarterly from a day', MONTHLY, day('2020-01-20'), atLeast(QUARTERLY)],
  ])('ical.js expands the rule of %s to the same dates', (_name, first, anchor, thereafter) => {
    const p = plan(first, anchor, thereafter);
    const from = '2019-01-01';
    const to = '2024-12-31';
    const ours = occurrences(p, weekendsOnly, from, to).map((o) => o.moved?.from ?? o.date);
    const theirs = p.kind === 'dated' ? p.phases.flatMap((ph) => expand(ph.dtstart, ph.rrule, to)) : [];
    expect(ours.length).toBeGreaterThan(3);
    expect(ours).toEqual(theirs);
  });
});

function expand(dtstart: string, rrule: string, to: string): string[] {
  const iterator = ICAL.Recur.fromString(rrule).iterator(ICAL.Time.fromDateString(dtstart));
  const out: string[] = [];
  for (let t = iterator.next(); t && t.toString() <= to; t = iterator.next()) out.push(t.toString());
  return out;
}

describe('meetings', () => {
  it('meets every two months in the first year, then quarterly (Kent)', () => {
    const kent = plan(every(2, 'month'), month('2019-09-01'), asRequired(QUARTERLY));
    expect(dates(kent, '2019-09-01', '2021-09-01')).toEqual([
      '2019-09-02',
      '2019-11-01',
      '2020-01-02',
      '2020-03-02',
      '2020-05-01',
      '2020-07-01',
      '2020-09-01',
      '2020-12-01',
      '2021-03-01',
      '2021-06-01',
      '2021-09-01',
    ]);
  });

  it('numbers meetings from the start, whatever the window', () => {
    const kent = plan(every(2, 'month'), month('2019-09-01'), asRequired(QUARTERLY));
    const later = occurrences(kent, calendar, '2020-08-01', '2020-12-31');
    expect(later.map((o) => [o.number, o.date, o.phase, o.key])).toEqual([
      [7, '2020-09-01', 1, '2020-09'],
      [8, '2020-12-01', 1, '2020-12'],
    ]);
  });

  it('moves a meeting on a weekend or bank holiday to the next working day, and says why', () => {
    const weekly = plan(WEEKLY, day('2020-04-03'));
    const held = occurrences(weekly, calendar, '2020-04-01', '2020-05-11');
    expect(held.map((o) => o.date)).toEqual(['2020-04-03', '2020-04-14', '2020-04-17', '2020-04-24', '2020-05-01', '2020-05-11']);
    expect(held[1]!.moved).toEqual({ from: '2020-04-10', reason: 'Good Friday' });
    expect(held[5]!.moved).toEqual({ from: '2020-05-08', reason: 'Early May bank holiday (VE day)' });
    expect(held[5]!.key).toBe('2020-05-08');
  });

  it('keeps the day of the month, or the last day of a shorter month', () => {
    // 28 Feb 2021 is a Sunday → Monday 1 March; 29 May is a Saturday and 31 May the spring bank holiday → 1 June.
    expect(dates(plan(MONTHLY, day('2021-01-29')), '2021-01-01', '2021-06-01')).toEqual(['2021-01-29', '2021-03-01', '2021-03-29', '2021-04-29', '2021-06-01']);
    // 31 January 2021 is a Sunday → Monday 1 February.
    expect(dates(plan(MONTHLY, day('2021-01-31')), '2021-01-01', '2021-06-30')).toEqual([
      '2021-02-01',
      '2021-03-01',
      '2021-03-31',
      '2021-04-30',
      '2021-06-01',
      '2021-06-30',
    ]);
  });

  it('schedules twice a year and annually', () => {
    expect(dates(plan(TWICE_A_YEAR, day('2020-03-10')), '2020-01-01', '2021-12-31')).toEqual(['2020-03-10', '2020-09-10', '2021-03-10', '2021-09-10']);
    expect(dates(plan(ANNUALLY, month('2019-06-01')), '2019-01-01', '2022-12-31')).toEqual(['2019-06-03', '2020-06-01', '2021-06-01', '2022-06-01']);
  });

  it('has no dates for "as required" alone, and says so', () => {
    const p = plan(asRequired(), day('2020-01-15'));
    expect(p).toEqual({ kind: 'undated', note: 'meets as required: there are no dates to schedule' });
    expect(dates(p, '2020-01-01', '2030-01-01')).toEqual([]);
  });

  it('stops after the first year when it then meets as required', () => {
    const p = plan(MONTHLY, day('2020-01-15'), asRequired());
    expect(p.kind === 'dated' && p.notes).toEqual(['meets as required from 15 January 2021: no dates to schedule']);
    expect(dates(p, '2020-01-01', '2022-01-01')).toHaveLength(12);
  });

  it('includes both ends of the window', () => {
    expect(dates(plan(QUARTERLY, day('2020-01-15')), '2020-01-15', '2020-04-15')).toEqual(['2020-01-15', '2020-04-15']);
    expect(dates(plan(QUARTERLY, day('2020-01-15')), '2020-01-16', '2020-04-14')).toEqual([]);
  });
});
