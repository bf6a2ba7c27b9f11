import type { DutyKind, Group, Model } from '../model/model.js';
import type { WorkingCalendar } from './calendar.js';
import { type IsoDate, shortDate } from './dates.js';
import { dueDate } from './deadlines.js';
import { anchorOf, describePlan, occurrences, planCadence } from './recurrence.js';

/**
 * A partnership's calendar between two dates: each group's meetings and every duty with a
 * deadline relative to them. Pure: the window, the calendar and the model come in, events
 * go out, in a stable order with stable ids.
 *
 * The window selects meetings (both ends included); each meeting brings all its dated
 * duties, even one that falls just outside the window (the papers for the first meeting).
 */

export type EventKind = 'meeting' | DutyKind;

export interface ScheduleEvent {
  /** Stable across runs and edits elsewhere: partnership, group, the meeting's nominal date, the kind. */
  uid: string;
  group: string;
  kind: EventKind;
  date: IsoDate;
  /** The meeting the event belongs to (itself, for a meeting). */
  meeting: IsoDate;
  /** 1 for the group's first meeting, counting from its start. */
  meetingNumber: number;
  summary: string;
  /** The duty as written, for a deadline. */
  duty: string | undefined;
  /** The words that state the deadline: `not less than 5 working days before the meeting`. */
  rule: string | undefined;
  /** For a deadline, whether it falls before or after its meeting. */
  relation: 'before' | 'after' | undefined;
  /** Set when the counted day was not a working day. */
  moved: { from: IsoDate; reason: string } | undefined;
}

export interface GroupSchedule {
  group: string;
  title: string;
  /** The cadence in words, with its start; undefined when the group cannot be scheduled or has no dates. */
  cadence: string | undefined;
  /** RFC 5545 rules, one per phase of the cadence. */
  rules: { dtstart: IsoDate; rrule: string }[];
  /** Things worth saying that are not problems: `meets as required: there are no dates to schedule`. */
  notes: string[];
  /** Why the group cannot be scheduled, naming what to add; undefined when it can. */
  problem: string | undefined;
  events: ScheduleEvent[];
}

export interface ScheduleOptions {
  from: IsoDate;
  to: IsoDate;
  calendar: WorkingCalendar;
}

export function scheduleModel(model: Model, options: ScheduleOptions, groups: readonly Group[] = model.groups): GroupSchedule[] {
  return groups.map((group) => scheduleGroup(model.partnership.id, group, options));
}

const DUTY_ORDER: Record<DutyKind, number> = { agenda: 0, papers: 1, minutes: 2, other: 3 };
const DUE: Record<DutyKind, string> = { agenda: 'Agenda due', papers: 'Papers due', minutes: 'Minutes due', other: 'Due' };

export function scheduleGroup(partnership: string, group: Group, options: ScheduleOptions): GroupSchedule {
  const result: GroupSchedule = { group: group.id, title: group.title, cadence: undefined, rules: [], notes: [], problem: undefined, events: [] };
  const problem = missing(group);
  if (problem) return { ...result, problem };
  const anchor = anchorOf(group.meetingsStart!.date);
  if (!anchor.ok) return { ...result, problem: `${where(group)}: ${anchor.problem}` };
  const plan = planCadence(group.cadence!, anchor.anchor);
  if (plan.kind === 'undated') {
    result.notes.push(plan.note);
    return result;
  }
  result.cadence = describePlan(plan);
  result.notes.push(...plan.notes);
  result.rules = plan.phases.map((p) => ({ dtstart: p.dtstart, rrule: p.rrule }));

  const duties = (group.support?.duties ?? []).filter((d) => d.deadline !== undefined);
  for (const meeting of occurrences(plan, options.calendar, options.from, options.to)) {
    const base = `${partnership}.${group.id}.${meeting.key}`;
    const events: ScheduleEvent[] = [
      {
        uid: `${base}.meeting@tor`,
        group: group.id,
        kind: 'meeting',
        date: meeting.date,
        meeting: meeting.date,
        meetingNumber: meeting.number,
        summary: group.title,
        duty: undefined,
        rule: undefined,
        relation: undefined,
        moved: meeting.moved,
      },
    ];
    const seen = new Map<DutyKind, number>();
    for (const duty of duties) {
      const deadline = duty.deadline!;
      const due = dueDate(meeting.date, deadline, options.calendar);
      const n = (seen.get(duty.kind) ?? 0) + 1;
      seen.set(duty.kind, n);
      events.push({
        uid: `${base}.${duty.kind}${n > 1 ? `-${n}` : ''}@tor`,
        group: group.id,
        kind: duty.kind,
        date: due.date,
        meeting: meeting.date,
        meetingNumber: meeting.number,
        summary: `${DUE[duty.kind]}: ${group.title}, meeting of ${shortDate(meeting.date)}`,
        duty: duty.text.replace(/\s+/g, ' ').trim(),
        rule: deadline.phrase.replace(/\s+/g, ' ').trim(),
        relation: deadline.relation,
        moved: due.moved,
      });
    }
    result.events.push(...events);
  }
  result.events.sort(byDate);
  return result;
}

/** Date order; on one day, a meeting's duties due before it, the meeting, then duties due after. */
function byDate(a: ScheduleEvent, b: ScheduleEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return rank(a) - rank(b) || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);
}

function rank(e: ScheduleEvent): number {
  if (e.kind === 'meeting') return 10;
  return (e.relation === 'before' ? 0 : 20) + DUTY_ORDER[e.kind];
}

/** What the group lacks to be scheduled, as one line naming what to add. */
function missing(group: Group): string | undefined {
  const noCadence = group.cadence === undefined;
  const noStart = group.meetingsStart === undefined;
  if (!noCadence && !noStart) return undefined;
  const add = [
    noCadence ? '`meets <frequency>` (e.g. `meets quarterly`)' : undefined,
    noStart ? '`meetings start <date>` (e.g. `meetings start 1 September 2025`)' : undefined,
  ].filter((s) => s !== undefined);
  const lacks = noCadence && noStart ? 'no cadence and no start date' : noCadence ? 'no cadence' : 'no start date';
  return `${where(group)}: group \`${group.id}\` has ${lacks}: add ${add.join(' and ')}`;
}

function where(group: Group): string {
  return `${group.span.file}:${group.span.start.line}`;
}
