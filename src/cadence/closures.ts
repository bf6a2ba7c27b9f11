import type { Closure } from './calendar.js';
import { type IsoDate, parseIsoDate } from './dates.js';

/**
 * `closures:` in tor.config.yaml: the partnership's own non-working days (an office closure
 * between Christmas and New Year, a local holiday), skipped like bank holidays.
 *
 *   closures:
 *     - 2020-12-29
 *     - date: 2020-12-30
 *       reason: Office closed
 *
 * Pure: takes the parsed YAML value and reports each bad entry through `report`, with its
 * path below `closures` (`[1]`, `[1, 'date']`); bad entries are left out.
 */

export type ClosureReport = (path: readonly (string | number)[], part: 'key' | 'value', message: string, hint?: string) => void;

const EXAMPLE = 'For example:\nclosures:\n  - 2020-12-29\n  - date: 2020-12-30\n    reason: Office closed';

export function readClosures(value: unknown, report: ClosureReport): Closure[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    report([], 'value', '`closures` must be a list of dates (YYYY-MM-DD), each alone or as `date:` with a `reason:`.', EXAMPLE);
    return [];
  }
  const closures: Closure[] = [];
  const seen = new Set<IsoDate>();
  value.forEach((entry: unknown, i) => {
    const name = `closures[${i}]`;
    let dateValue: unknown = entry;
    let reason: string | undefined;
    if (isRecord(entry)) {
      for (const key of Object.keys(entry)) {
        if (key !== 'date' && key !== 'reason') report([i, key], 'key', `\`${name}.${key}\` is not a closure key: write \`date:\` and, if you like, \`reason:\`.`);
      }
      dateValue = entry['date'];
      if (entry['reason'] !== undefined && entry['reason'] !== null) {
        if (typeof entry['reason'] === 'string') reason = entry['reason'].trim() || undefined;
        else report([i, 'reason'], 'value', `\`${name}.reason\` must be text.`);
      }
      if (dateValue === undefined) {
        report([i], 'value', `\`${name}\` has no \`date:\`.`, EXAMPLE);
        return;
      }
    }
    const date = asDate(dateValue);
    if (date === undefined) {
      report(isRecord(entry) ? [i, 'date'] : [i], 'value', `\`${isRecord(entry) ? `${name}.date` : name}\` must be a date written YYYY-MM-DD${not(dateValue)}.`);
      return;
    }
    if (seen.has(date)) {
      report([i], 'value', `\`${name}\` repeats ${date}.`, 'Remove the repeat.');
      return;
    }
    seen.add(date);
    closures.push({ date, reason });
  });
  return closures;
}

/** YAML 1.2 reads `2020-12-29` as text; a YAML 1.1 reader makes a Date (midnight UTC). */
function asDate(value: unknown): IsoDate | undefined {
  if (typeof value === 'string') return parseIsoDate(value.trim());
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function not(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  return `, not \`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}
