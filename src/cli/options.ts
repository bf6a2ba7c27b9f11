import { InvalidArgumentError } from 'commander';
import { type IsoDate, parseIsoDate } from '../cadence/dates.js';
import { closest } from '../diagnostics/suggest.js';
import { ACT_FLAGS, type ActFlag, type CivilDate } from '../rules/rule.js';

/**
 * Parsers for option values. Each throws commander's InvalidArgumentError, which main.ts
 * turns into one line and exit 2: "option '--today <date>' argument '…' is invalid. …".
 */

/** `--today`: a real calendar date written YYYY-MM-DD. */
export function parseToday(text: string): CivilDate {
  const date = parseCivilDate(text);
  if (!date) throw new InvalidArgumentError('Write a real date as YYYY-MM-DD, e.g. 2026-04-01.');
  return date;
}

export function parseCivilDate(text: string): CivilDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/**
 * The date on the machine's clock, in its time zone: what "today" means to the person
 * running the check. The one place tor reads the clock.
 */
export function todayFromClock(now: Date = new Date()): CivilDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** `--max-warnings`: a whole number, 0 or more. */
export function parseMaxWarnings(text: string): number {
  if (!/^\d+$/.test(text)) throw new InvalidArgumentError('Give a whole number, 0 or more.');
  return Number(text);
}

/** `--enable`, repeatable: collects the flags given so far. */
export function collectFlag(text: string, previous: readonly ActFlag[] = []): ActFlag[] {
  const flag = ACT_FLAGS.find((f) => f === text);
  if (!flag) {
    const best = closest(text, ACT_FLAGS);
    throw new InvalidArgumentError(`${best ? `Did you mean '${best}'? ` : ''}The duties are ${ACT_FLAGS.join(' and ')}.`);
  }
  return previous.includes(flag) ? [...previous] : [...previous, flag];
}

/** What `tor build` can write, in the order it writes them. */
export const BUILD_FORMATS = ['html', 'pdf', 'bundle', 'ics'] as const;
export type BuildFormat = (typeof BUILD_FORMATS)[number];

/** `--format html,bundle`: known formats, each once. */
export function parseFormats(text: string): BuildFormat[] {
  const formats: BuildFormat[] = [];
  for (const name of text.split(',').map((f) => f.trim().toLowerCase())) {
    const format = BUILD_FORMATS.find((f) => f === name);
    if (!format) {
      const best = closest(name, BUILD_FORMATS);
      throw new InvalidArgumentError(`${best ? `Did you mean '${best}'? ` : ''}tor build writes: ${BUILD_FORMATS.join(', ')}.`);
    }
    if (!formats.includes(format)) formats.push(format);
  }
  return formats;
}

export const SCHEDULE_FORMATS = ['table', 'json', 'ics'] as const;
export type ScheduleFormat = (typeof SCHEDULE_FORMATS)[number];

/** `--from` / `--to`: a real date written YYYY-MM-DD. */
export function parseDateOption(text: string): IsoDate {
  const date = parseIsoDate(text);
  if (date === undefined) throw new InvalidArgumentError('Write a real date as YYYY-MM-DD, e.g. 2019-09-01.');
  return date;
}
