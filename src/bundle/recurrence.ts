import { anchorOf, planCadence, type Step, stepOf } from '../cadence/recurrence.js';
import type { Cadence, DateValue, Frequency } from '../model/model.js';

/**
 * RFC 5545 recurrence rules for a group's cadence, as the bundle gives them.
 *
 * - With a start (`meetings start` with a month or a day), the rules are exactly those of
 *   `tor schedule` (src/cadence/recurrence.ts), each with its DTSTART: a month-only start is
 *   the month's first weekday, and the first year of a two-phase cadence ends with UNTIL.
 * - Without one, the rules have no DTSTART; the first year of a two-phase cadence ends with
 *   COUNT (the meetings that start within twelve months; a 365-day year for weeks), and the
 *   later phase starts a year after the first meeting.
 * - `as required` has no rule. `as required but at least quarterly` and `at least quarterly`
 *   have the rule of their minimum, marked `minimum: true`.
 * - A two-phase cadence (`every 2 months in the first year, then as required but at least
 *   quarterly`) has a rule per phase that has a fixed period: two, or one when a phase is
 *   `as required` alone, as `tor schedule` dates it.
 */
export interface Recurrence {
  /** `always`, or for `… in the first year, then …` the phase the rule covers. */
  phase: 'always' | 'first year' | 'thereafter';
  /** The RRULE value. */
  rrule: string;
  /** The rule's DTSTART (a date); null when the sources give no start. */
  dtstart: string | null;
  /** True when the sources give only a minimum (`at least quarterly`): meetings may be more frequent. */
  minimum: boolean;
}

export function recurrences(cadence: Cadence, start: DateValue | undefined): Recurrence[] {
  const phases: Array<{ phase: Recurrence['phase']; frequency: Frequency }> = cadence.thereafter
    ? [
        { phase: 'first year', frequency: cadence.first },
        { phase: 'thereafter', frequency: cadence.thereafter },
      ]
    : [{ phase: 'always', frequency: cadence.first }];
  const anchor = start ? anchorOf(start) : undefined;
  if (anchor?.ok) {
    const plan = planCadence(cadence, anchor.anchor);
    if (plan.kind === 'undated') return [];
    // The plan has a phase for each of ours that has a period, in the same order.
    const dated = phases.filter((p) => stepOf(p.frequency));
    return plan.phases.map((p, i) => ({ phase: dated[i]!.phase, rrule: p.rrule, dtstart: p.dtstart, minimum: isMinimum(dated[i]!.frequency) }));
  }
  return phases.flatMap(({ phase, frequency }) => {
    const step = stepOf(frequency);
    if (!step) return [];
    const count = phase === 'first year' ? firstYearCount(step) : undefined;
    return [{ phase, rrule: undatedRule(step, count), dtstart: null, minimum: isMinimum(frequency) }];
  });
}

function isMinimum(f: Frequency): boolean {
  return f.kind !== 'every';
}

/** `FREQ=MONTHLY;INTERVAL=3` — the pattern alone, for a cadence with no start. */
function undatedRule(step: Step, count: number | undefined): string {
  const yearly = step.unit === 'month' && step.count % 12 === 0;
  const interval = yearly ? step.count / 12 : step.count;
  const parts = [`FREQ=${step.unit === 'week' ? 'WEEKLY' : yearly ? 'YEARLY' : 'MONTHLY'}`];
  if (interval > 1) parts.push(`INTERVAL=${interval}`);
  if (count !== undefined) parts.push(`COUNT=${count}`);
  return parts.join(';');
}

/** Meetings that start within the first year. */
function firstYearCount(step: Step): number {
  return step.unit === 'week' ? Math.ceil(365 / (7 * step.count)) : Math.ceil(12 / step.count);
}
