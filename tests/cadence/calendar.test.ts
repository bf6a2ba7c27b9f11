import { describe, expect, it } from 'vitest';
import { BANK_HOLIDAYS, WorkingCalendar } from '../../src/cadence/calendar.js';
import { readClosures } from '../../src/cadence/closures.js';
import { addDays, addMonths, parseIsoDate, weekday } from '../../src/cadence/dates.js';
import { dueDate } from '../../src/cadence/deadlines.js';

const calendar = new WorkingCalendar();

describe('civil dates', () => {
  it('reads only real dates written YYYY-MM-DD', () => {
    expect(parseIsoDate('2020-02-29')).toBe('2020-02-29');
    expect(parseIsoDate('2019-02-29')).toBeUndefined();
    expect(parseIsoDate('2019-13-01')).toBeUndefined();
    expect(parseIsoDate('2019-9-1')).toBeUndefined();
    expect(parseIsoDate('1 September 2019')).toBeUndefined();
  });

  it('adds months keeping the day, or the last day of a shorter month', () => {
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2019-11-30', 3)).toBe('2020-02-29');
    expect(addMonths('2019-09-01', 12)).toBe('2020-09-01');
    expect(addMonths('2020-01-15', -1)).toBe('2019-12-15');
  });

  it('knows weekdays whatever the time zone', () => {
    expect(weekday('2019-09-01')).toBe(0);
    expect(weekday('2019-09-02')).toBe(1);
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
  });
});

describe('bank holidays of England and Wales', () => {
  it('covers 2018 to 2030, every one on a weekday, with its source named', () => {
    expect([BANK_HOLIDAYS.firstYear, BANK_HOLIDAYS.lastYear]).toEqual([2018, 2030]);
    expect(BANK_HOLIDAYS.source).toMatch(/gov\.uk\/bank-holidays/);
    for (let year = 2018; year <= 2030; year++) {
      const days = BANK_HOLIDAYS.events.filter((e) => e.date.startsWith(`${year}-`));
      expect(days.length, String(year)).toBeGreaterThanOrEqual(8);
    }
    for (const e of BANK_HOLIDAYS.events) expect([0, 6], e.date).not.toContain(weekday(e.date));
    const dates = BANK_HOLIDAYS.events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
  });

  it.each([
    ['2020-05-08', 'Early May bank holiday (VE day)'],
    ['2020-04-10', 'Good Friday'],
    ['2020-04-13', 'Easter Monday'],
    ['2020-12-28', 'Boxing Day (substitute day)'],
    ['2021-12-27', 'Christmas Day (substitute day)'],
    ['2021-12-28', 'Boxing Day (substitute day)'],
    ['2022-01-03', 'New Year’s Day (substitute day)'],
    ['2022-06-02', 'Spring bank holiday'],
    ['2022-06-03', 'Platinum Jubilee bank holiday'],
    ['2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II'],
    ['2023-05-08', 'Bank holiday for the coronation of King Charles III'],
  ])('%s is %s', (date, title) => {
    expect(calendar.whyClosed(date)).toBe(title);
    expect(calendar.isWorkingDay(date)).toBe(false);
  });

  it('has no early May holiday on 4 May 2020 (moved to VE day) and no spring one on 30 May 2022', () => {
    expect(calendar.isWorkingDay('2020-05-04')).toBe(true);
    expect(calendar.isWorkingDay('2022-05-30')).toBe(true);
  });
});

describe('working-day arithmetic', () => {
  it('steps over Easter 2020', () => {
    expect(calendar.addWorkingDays('2020-04-09', 1)).toBe('2020-04-14');
    expect(calendar.addWorkingDays('2020-04-14', -1)).toBe('2020-04-09');
  });

  it('steps over Christmas 2020 (Boxing Day substitute on Monday 28th)', () => {
    expect(calendar.addWorkingDays('2020-12-24', 1)).toBe('2020-12-29');
    // 29, 30, 31 December, (New Year's Day), 4 and 5 January.
    expect(calendar.addWorkingDays('2020-12-24', 5)).toBe('2021-01-05');
  });

  it('steps over the VE day bank holiday, 8 May 2020', () => {
    expect(calendar.addWorkingDays('2020-05-07', 1)).toBe('2020-05-11');
  });

  it('does not count the start day, which may itself be closed', () => {
    expect(calendar.addWorkingDays('2019-09-02', 0)).toBe('2019-09-02');
    expect(calendar.addWorkingDays('2019-09-07', 1)).toBe('2019-09-09');
    expect(calendar.addWorkingDays('2019-09-08', -1)).toBe('2019-09-06');
    expect(calendar.addWorkingDays('2019-09-06', 1)).toBe('2019-09-09');
  });

  it('skips closure days from the configuration', () => {
    const closed = new WorkingCalendar([{ date: '2020-12-29', reason: 'Office closed' }, { date: '2020-12-30', reason: undefined }]);
    expect(closed.addWorkingDays('2020-12-24', 1)).toBe('2020-12-31');
    expect(closed.whyClosed('2020-12-29')).toBe('Office closed');
    expect(closed.whyClosed('2020-12-30')).toBe('closure day');
  });

  it('skips only weekends and closures outside the years it knows', () => {
    expect(calendar.covers('2030-12-31')).toBe(true);
    expect(calendar.covers('2031-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2031-12-25')).toBe(true);
  });
});

describe('deadlines', () => {
  const kentPapers = { amount: 5, unit: 'working day', relation: 'before' } as const;
  const kentMinutes = { amount: 10, unit: 'working day', relation: 'after' } as const;

  it('counts working days before and after a meeting, skipping bank holidays', () => {
    // Summer bank holiday, Monday 26 August 2019.
    expect(dueDate('2019-09-02', kentPapers, calendar).date).toBe('2019-08-23');
    // Christmas, Boxing Day and New Year's Day.
    expect(dueDate('2020-01-02', kentPapers, calendar).date).toBe('2019-12-23');
    // VE day, Friday 8 May 2020.
    expect(dueDate('2020-05-01', kentMinutes, calendar).date).toBe('2020-05-18');
    // Easter 2020: Good Friday and Easter Monday.
    expect(dueDate('2020-04-01', kentMinutes, calendar).date).toBe('2020-04-17');
    expect(dueDate('2020-04-20', kentPapers, calendar).date).toBe('2020-04-09');
  });

  it('counts weeks and calendar days plainly when they land on a working day', () => {
    expect(dueDate('2019-09-25', { amount: 3, unit: 'week', relation: 'before' }, calendar)).toEqual({ date: '2019-09-04', moved: undefined });
    expect(dueDate('2019-09-25', { amount: 2, unit: 'day', relation: 'after' }, calendar).date).toBe('2019-09-27');
  });

  it('moves a deadline that lands on a non-working day earlier, before or after the meeting', () => {
    // A week before Thursday 2 January 2020 is Boxing Day, after Christmas Day → Tuesday 24 December.
    expect(dueDate('2020-01-02', { amount: 1, unit: 'week', relation: 'before' }, calendar)).toEqual({
      date: '2019-12-24',
      moved: { from: '2019-12-26', reason: 'Boxing Day' },
    });
    // A week after Friday 18 December 2020 is Christmas Day → Thursday 24th, still within the week.
    expect(dueDate('2020-12-18', { amount: 1, unit: 'week', relation: 'after' }, calendar)).toEqual({
      date: '2020-12-24',
      moved: { from: '2020-12-25', reason: 'Christmas Day' },
    });
    // Two days after a Thursday is a Saturday → Friday.
    expect(dueDate('2019-09-05', { amount: 2, unit: 'day', relation: 'after' }, calendar).date).toBe('2019-09-06');
  });
});

describe('closures in tor.config.yaml', () => {
  it('reads dates alone or with a reason', () => {
    const problems: string[] = [];
    const closures = readClosures(['2020-12-29', { date: '2020-12-30', reason: 'Office closed' }, new Date('2020-12-31T00:00:00Z')], (_p, _part, m) =>
      problems.push(m),
    );
    expect(problems).toEqual([]);
    expect(closures).toEqual([
      { date: '2020-12-29', reason: undefined },
      { date: '2020-12-30', reason: 'Office closed' },
      { date: '2020-12-31', reason: undefined },
    ]);
  });

  it('reports each bad entry with its place and leaves it out', () => {
    const problems: string[] = [];
    const closures = readClosures(['2020-02-30', { reason: 'x' }, { date: '2020-12-29', when: 'x' }, '2020-12-29', 7], (path, _part, m) =>
      problems.push(`${JSON.stringify(path)} ${m}`),
    );
    expect(closures).toEqual([{ date: '2020-12-29', reason: undefined }]);
    expect(problems).toEqual([
      '[0] `closures[0]` must be a date written YYYY-MM-DD, not `2020-02-30`.',
      '[1] `closures[1]` has no `date:`.',
      '[2,"when"] `closures[2].when` is not a closure key: write `date:` and, if you like, `reason:`.',
      '[3] `closures[3]` repeats 2020-12-29.',
      '[4] `closures[4]` must be a date written YYYY-MM-DD, not `7`.',
    ]);
    const notAList: string[] = [];
    readClosures('2020-12-29', (_p, _part, m) => notAList.push(m));
    expect(notAList).toHaveLength(1);
  });
});
