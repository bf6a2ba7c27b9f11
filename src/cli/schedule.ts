import { WorkingCalendar } from '../cadence/calendar.js';
import { type IsoDate, shortDate } from '../cadence/dates.js';
import { toIcs } from '../cadence/ics.js';
import { type GroupSchedule, type ScheduleEvent, scheduleModel } from '../cadence/schedule.js';
import { closest } from '../diagnostics/suggest.js';
import { compile, type Diagnostic, hasErrors } from '../index.js';
import { describeFailure } from './load.js';
import { readProject } from './project.js';
import { complain, Exit, type ExitCode, printDiagnostics } from './output.js';

import type { ScheduleFormat } from './options.js';

export interface ScheduleOptions {
  group?: string;
  from: IsoDate;
  to: IsoDate;
  format: ScheduleFormat;
}

/**
 * `tor schedule`: the meetings of each group between two dates (both included) and every
 * duty with a deadline relative to them, as a table, JSON or an iCalendar file.
 * A group that cannot be scheduled is named on stderr with what to add (exit 1); the
 * others are still listed.
 */
export async function schedule(path: string, options: ScheduleOptions): Promise<ExitCode> {
  if (options.from > options.to) {
    complain(`--from ${options.from} is after --to ${options.to}`);
    return Exit.Usage;
  }
  const stamp = dtstamp(options.from);
  if (!stamp.ok) {
    complain(stamp.problem);
    return Exit.Usage;
  }

  const read = await readProject(path);
  if (!read.ok) {
    complain(describeFailure(read.failure));
    return Exit.Usage;
  }
  const { files, config, configSource, configProblems, includeProblems } = read.value;
  const compiled = compile(files, { validate: false });
  const sources = new Map(files.map((f) => [f.path, f.text]));
  if (configSource) sources.set(configSource.path, configSource.text);

  const sourceProblems = [...includeProblems, ...compiled.diagnostics];
  if (!compiled.model || hasErrors(sourceProblems)) {
    printErrors(sourceProblems, sources);
    complain(`cannot schedule ${path} until these errors are fixed`);
    return Exit.Problems;
  }
  let exitCode: ExitCode = Exit.Ok;
  // A bad `closures:` entry is left out; say so, and still give the schedule.
  if (hasErrors(configProblems)) {
    printErrors(configProblems, sources);
    exitCode = Exit.Problems;
  }

  const model = compiled.model;
  let groups = model.groups;
  if (options.group !== undefined) {
    const wanted = options.group;
    const found = groups.find((g) => g.id === wanted);
    if (!found) {
      const ids = groups.map((g) => g.id);
      const guess = closest(wanted, ids);
      const known = ids.length === 0 ? 'it has no groups' : `its groups are ${ids.join(', ')}`;
      complain(`no group \`${wanted}\` in ${path}${guess ? ` — did you mean \`${guess}\`?` : `: ${known}`}`);
      return Exit.Usage;
    }
    groups = [found];
  }

  const calendar = new WorkingCalendar(config.closures ?? []);
  const schedules = scheduleModel(model, { from: options.from, to: options.to, calendar }, groups);
  for (const s of schedules) {
    if (s.problem === undefined) continue;
    complain(s.problem);
    exitCode = Exit.Problems;
  }
  const scheduled = schedules.filter((s) => s.problem === undefined);

  const [first, last] = calendar.coveredYears;
  if (scheduled.some((s) => s.events.some((e) => !calendar.covers(e.date)))) {
    complain(`note: bank holidays are known for ${first} to ${last}; dates outside those years skip only weekends and closure days`);
  }

  const partnership = { id: model.partnership.id, name: model.partnership.name };
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(scheduled.flatMap((s) => s.events), null, 2)}\n`);
  else if (options.format === 'ics') process.stdout.write(toIcs(partnership, scheduled, stamp.date));
  else process.stdout.write(table(scheduled, options));
  return exitCode;
}

function printErrors(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): void {
  printDiagnostics(
    diagnostics.filter((d) => d.severity === 'error'),
    sources,
    { format: 'stylish', color: false, stream: process.stderr },
  );
}

/**
 * DTSTAMP for every event: SOURCE_DATE_EPOCH (seconds) when set, as reproducible builds
 * do; otherwise midnight UTC on the first day of the window. Never the clock.
 */
function dtstamp(from: IsoDate): { ok: true; date: Date } | { ok: false; problem: string } {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return { ok: true, date: new Date(`${from}T00:00:00Z`) };
  const date = new Date(Number(epoch) * 1000);
  if (!/^\d+$/.test(epoch) || Number.isNaN(date.getTime())) return { ok: false, problem: `SOURCE_DATE_EPOCH must be a whole number of seconds, not \`${epoch}\`` };
  return { ok: true, date };
}

const LABEL: Record<ScheduleEvent['kind'], string> = {
  meeting: 'meeting',
  agenda: 'agenda due',
  papers: 'papers due',
  minutes: 'minutes due',
  other: 'due',
};

/** Readable in a terminal: per group, its cadence and rules, then each meeting with its deadlines. */
function table(schedules: readonly GroupSchedule[], options: ScheduleOptions): string {
  const out: string[] = [];
  for (const s of schedules) {
    if (out.length > 0) out.push('');
    out.push(`${s.title} (${s.group})`);
    if (s.cadence) out.push(`  meets ${s.cadence}`);
    for (const rule of s.rules) out.push(`  RRULE from ${rule.dtstart}: ${rule.rrule}`);
    for (const note of s.notes) out.push(`  ${note}`);
    if (s.rules.length === 0) continue;
    let meeting = -1;
    for (const event of s.events) {
      if (event.meetingNumber !== meeting) {
        out.push('');
        meeting = event.meetingNumber;
      }
      out.push(`  ${row(event)}`);
    }
    const meetings = s.events.filter((e) => e.kind === 'meeting').length;
    const deadlines = s.events.length - meetings;
    out.push('', `  ${plural(meetings, 'meeting')} and ${plural(deadlines, 'deadline')} from ${options.from} to ${options.to}`);
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

function row(event: ScheduleEvent): string {
  const day = shortDate(event.date).slice(0, 3);
  const what = event.kind === 'meeting' ? `meeting ${event.meetingNumber}` : LABEL[event.kind];
  let text = `${event.date} ${day}  ${what.padEnd(12)}`;
  if (event.rule) text += `  ${event.rule}`;
  if (event.kind === 'other' && event.duty) text += ` (${event.duty})`;
  if (event.moved) text += `  [not ${shortDate(event.moved.from)}: ${event.moved.reason}]`;
  return text.trimEnd();
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
