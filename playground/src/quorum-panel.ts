import { Names } from '../../src/backends/document/names.js';
import { quorum as quorumWords } from '../../src/format/print.js';
import type { Model } from '../../src/model/model.js';
import { compileQuorum, explainQuorum, type ClauseResult, type DeputyInput } from '../../src/index.js';

/**
 * The quorum simulator's model: which groups can be simulated, who sits on the chosen one,
 * and the verdict for an attendance. Pure, so the page only draws what this returns.
 */

/** Whether an absent member sends a deputy, and with what authority. */
export type DeputyChoice = 'none' | 'deputy' | 'authority';

export interface Attendance {
  /** Seat ids of the members and observers present in person. */
  present: ReadonlySet<string>;
  /** Deputies sent by absent members, by seat id. */
  deputies: ReadonlyMap<string, DeputyChoice>;
}

export const NOBODY: Attendance = { present: new Set(), deputies: new Map() };

export interface GroupOption {
  id: string;
  title: string;
}

export interface MemberRow {
  seat: string;
  /** "Chief Nurse, Integrated Care Board – Paula Wilkins". */
  label: string;
  /** Observers may attend but never count. */
  observer: boolean;
}

export interface ClauseLine {
  text: string;
  passed: boolean;
  detail: string;
  /** Nesting: 0 for a top-level clause. */
  depth: number;
}

export interface Verdict {
  quorate: boolean;
  /** One sentence for the live region: "Quorate." or "Not quorate: would be quorate if …". */
  headline: string;
  clauses: ClauseLine[];
  /** How each deputy was counted, in words. */
  deputies: string[];
}

export interface QuorumPanel {
  groups: GroupOption[];
  /** The group shown: the one asked for when it has a quorum, else the first that does. */
  group: GroupOption | undefined;
  /** `quorate when …`, in canonical words. */
  rule: string | undefined;
  /** How the group's deputies count, in words. */
  deputyRule: string | undefined;
  members: MemberRow[];
  verdict: Verdict | undefined;
}

/** The panel for `wanted` (a group id) and an attendance; attendance ids that are not seats of the group are ignored. */
export function quorumPanel(model: Model | undefined, wanted: string | undefined, attendance: Attendance): QuorumPanel {
  const withQuorum = model ? model.groups.filter((g) => g.quorum) : [];
  const groups = withQuorum.map((g) => ({ id: g.id, title: g.title }));
  const group = withQuorum.find((g) => g.id === wanted) ?? withQuorum[0];
  const cq = model && group ? compileQuorum(group, model) : undefined;
  if (!model || !group || !cq || !group.quorum) return { groups, group: undefined, rule: undefined, deputyRule: undefined, members: [], verdict: undefined };

  const names = new Names(model);
  const seats = new Map(group.seats.map((s) => [s.id, s]));
  const label = (seat: string): string => {
    const kind = seats.get(seat)?.kind;
    if (kind === 'post') return names.postItem(seat);
    // `chair-of-<group>`: the chair of another group, who holds no declared post.
    if (kind === 'chair') return `Chair of the ${names.groups.get(seat.replace(/^chair-of-/, ''))?.title ?? seat}`;
    return names.place(seat);
  };
  const members: MemberRow[] = [
    ...cq.ir.members.map((m) => ({ seat: m.seat, label: label(m.seat), observer: false })),
    ...cq.ir.observers.map((seat) => ({ seat, label: label(seat), observer: true })),
  ];
  const known = new Set(members.map((m) => m.seat));
  const present = [...attendance.present].filter((s) => known.has(s));
  const deputies: DeputyInput[] = [...attendance.deputies]
    .filter(([seat, choice]) => choice !== 'none' && known.has(seat) && !attendance.present.has(seat))
    .map(([seat, choice]) => ({ for: seat, name: `Deputy for ${label(seat)}`, authority: choice === 'authority' }));
  const explanation = explainQuorum(cq, { present, deputies });
  const verdict: Verdict = {
    quorate: explanation.quorate,
    headline: explanation.quorate ? 'Quorate.' : `Not quorate: ${explanation.summary}.`,
    clauses: explanation.clauses.flatMap((c) => clauseLines(c, 0)),
    deputies: explanation.deputies.map((d) => `${d.name}: ${d.counts ? 'counts' : 'does not count'} — ${d.reason}.`),
  };
  return {
    groups,
    group: { id: group.id, title: group.title },
    rule: `quorate when ${quorumWords(group.quorum.expr)}`,
    deputyRule: DEPUTY_RULES[cq.ir.deputies],
    members,
    verdict,
  };
}

const DEPUTY_RULES = {
  always: 'Deputies count towards this quorum.',
  never: 'Deputies do not count towards this quorum.',
  'with authority': 'Deputies count towards this quorum only with full delegated authority.',
} as const;

function clauseLines(clause: ClauseResult, depth: number): ClauseLine[] {
  const own: ClauseLine = { text: clause.text, passed: clause.passed, detail: clause.needs && !clause.clauses ? `${clause.detail}; needs ${clause.needs}` : clause.detail, depth };
  return [own, ...(clause.clauses ?? []).flatMap((c) => clauseLines(c, depth + 1))];
}

/** A key that changes only when the group or its member list does: the page redraws the checkboxes only then, so focus stays put. */
export function memberKey(panel: QuorumPanel): string {
  return JSON.stringify([panel.group?.id, panel.members]);
}
