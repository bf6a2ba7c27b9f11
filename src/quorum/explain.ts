import type { Span } from '../diagnostics/diagnostic.js';
import {
  type AttendanceInput,
  type CompiledQuorum,
  type DeputyOutcome,
  hasPerson,
  type Node,
  popcount32,
  resolveAttendance,
} from './evaluate.js';
import { type Clause, listAnd } from './ir.js';

/**
 * Says why a meeting is quorate or not, clause by clause, and who would have to attend to make
 * it quorate: the smallest addition of absent members (docs/quorum.md, Explanations).
 */

export interface ClauseResult {
  kind: Clause['kind'];
  /** The clause as written (canonical words). */
  text: string;
  passed: boolean;
  /** What the attendance gave this clause: "10 present; 12 needed (half of 23 is 11.5, rounded up)". */
  detail: string;
  /** What the clause still needs, when it failed. */
  needs?: string;
  span: Span;
  /** The parts of an `and` or `or`. */
  clauses?: ClauseResult[];
}

/** Choose `count` of these members (they are interchangeable for this quorum). */
export interface AdditionPart {
  count: number;
  of: string[];
}

export interface Addition {
  /** People to add. */
  size: number;
  /** One smallest addition, as seat ids: the earliest members in the member list. */
  seats: string[];
  /** Every smallest addition found, as choices among interchangeable members (at most 10 listed unless each is one person). */
  options: AdditionPart[][];
  /** More smallest additions exist than are listed. */
  more: boolean;
  /** False when the search was too large and a greedy answer is given: a smaller addition may exist. */
  exact: boolean;
}

export interface Explanation {
  group: string;
  quorate: boolean;
  /** The top-level clauses: the parts of the quorum when it is an `and`, else the quorum itself. */
  clauses: ClauseResult[];
  /** One smallest addition of absent members (seat ids); empty when quorate or when none would do. */
  missing: string[];
  addition: Addition | undefined;
  /** Whether some attendance of members is quorate at all. */
  reachable: boolean;
  deputies: DeputyOutcome[];
  observers: string[];
  unknown: string[];
  /** One sentence: "would be quorate if dcs or nurse also attended". */
  summary: string;
}

/** Explains an attendance: who counts, each clause, and the smallest addition. */
export function explainQuorum(cq: CompiledQuorum, input: AttendanceInput, options: SearchOptions = {}): Explanation {
  const attendance = resolveAttendance(cq, input);
  const quorate = cq.test(attendance.bits);
  const addition = quorate ? undefined : smallestAddition(cq, attendance.bits, options);
  const reachable = quorate || addition !== undefined;
  const root = explainBits(cq, attendance.bits);
  return {
    group: cq.ir.group,
    quorate,
    clauses: cq.ir.root.kind === 'and' ? (root.clauses ?? []) : [root],
    missing: addition?.seats ?? [],
    addition,
    reachable,
    deputies: attendance.deputies,
    observers: attendance.observers,
    unknown: attendance.unknown,
    summary: quorate ? 'quorate' : summarise(addition, cq, root),
  };
}

/** The sentence for a meeting that is not quorate. */
function summarise(addition: Addition | undefined, cq: CompiledQuorum, root: ClauseResult): string {
  if (!addition) {
    const impossible = failedLeaves(root).map((c) => (c.kind === 'never' ? `${c.text} (${c.detail})` : c.text));
    return `cannot be quorate even if every member attended: ${listAnd(impossible)} cannot be met`;
  }
  const singles = addition.options.every((o) => o.length === 1 && o[0]!.count === 1);
  let text: string;
  if (singles) text = `would be quorate if ${listAnd(addition.options.flatMap((o) => o[0]!.of), 'or')} also attended`;
  else {
    text = `would be quorate if ${additionText(addition.options[0]!)} also attended`;
    if (addition.options.length > 1 || addition.more) text += ` (one of several smallest additions of ${plural(addition.size, 'member')})`;
  }
  if (!addition.exact) text += `; found by a quick search of a group of ${cq.size} people, so a smaller addition may exist`;
  return text;
}

/** "dcs, any 2 of a, b or c and nurse or matron": one way of adding members, in words. */
export function additionText(parts: readonly AdditionPart[]): string {
  return listAnd(
    parts.map((part) => {
      if (part.count === part.of.length) return listAnd(part.of);
      if (part.count === 1) return `${parts.length > 1 ? 'one of ' : ''}${listAnd(part.of, 'or')}`;
      return `any ${part.count} of ${listAnd(part.of, 'or')}`;
    }),
  );
}

function failedLeaves(c: ClauseResult): ClauseResult[] {
  if (c.passed) return [];
  if (c.clauses && c.kind === 'and') return c.clauses.flatMap(failedLeaves);
  return [c];
}

// ---- clause by clause ----------------------------------------------------------------------------

/** The result of every clause on an attendance bitset. */
export function explainBits(cq: CompiledQuorum, bits: Uint32Array): ClauseResult {
  return explainClause(cq.ir.root, cq.node, cq, bits);
}

function explainClause(c: Clause, n: Node, cq: CompiledQuorum, bits: Uint32Array): ClauseResult {
  const base = { kind: c.kind, text: c.source.text, span: c.source.span };
  const show = (mask: Uint32Array, present: boolean): string[] => people(cq, mask).filter((p) => hasPerson(bits, p) === present).map((p) => cq.seatsOf[p]![0]!);
  switch (c.kind) {
    case 'and':
    case 'or': {
      const nodes = (n as Extract<Node, { kind: 'and' | 'or' }>).nodes;
      const clauses = c.clauses.map((child, i) => explainClause(child, nodes[i]!, cq, bits));
      const passed = c.kind === 'and' ? clauses.every((x) => x.passed) : clauses.some((x) => x.passed);
      const met = clauses.filter((x) => x.passed).length;
      const detail = c.kind === 'and' ? `${met} of ${clauses.length} parts met; all are needed` : `${met} of ${clauses.length} alternatives met; one is needed`;
      const result: ClauseResult = { ...base, passed, detail, clauses };
      if (!passed) result.needs = c.kind === 'and' ? listAnd(clauses.filter((x) => !x.passed).map((x) => x.needs ?? x.text)) : listAnd(clauses.map((x) => x.needs ?? x.text), 'or');
      return result;
    }
    case 'never':
      return { ...base, passed: false, detail: c.reason, needs: 'cannot be met by any attendance of members' };
    case 'all': {
      if (n.kind === 'never') return { ...base, passed: false, detail: 'names someone who is not a member', needs: 'cannot be met by any attendance of members' };
      const mask = (n as Extract<Node, { kind: 'all' }>).mask;
      const absent = show(mask, false);
      const present = show(mask, true);
      if (absent.length === 0) return { ...base, passed: true, detail: present.length === 1 ? `${present[0]} is present` : `all present: ${listAnd(present)}` };
      const detail = present.length === 0 ? `absent: ${listAnd(absent)}` : `absent: ${listAnd(absent)} (present: ${listAnd(present)})`;
      return { ...base, passed: false, detail, needs: listAnd(absent) };
    }
    case 'every': {
      const node = n as Extract<Node, { kind: 'buckets' }>;
      const hits = node.masks.map((m) => show(m, true));
      const detail = c.groups.length === 0 ? 'names no organisation' : c.groups.map((g, i) => `${g.label}: ${hits[i]!.length > 0 ? listAnd(hits[i]!) : g.seats.length === 0 ? 'no member is from it' : 'nobody'}`).join('; ');
      const missing = c.groups.map((g, i) => ({ g, i })).filter(({ i }) => hits[i]!.length === 0);
      if (missing.length === 0) return { ...base, passed: true, detail };
      const needs = listAnd(missing.map(({ g, i }) => (g.seats.length === 0 ? `a member from ${g.label} (the group has none)` : `a member from ${g.label} (${listAnd(show(node.masks[i]!, false), 'or')})`)));
      return { ...base, passed: false, detail, needs };
    }
    case 'atLeast': {
      if (n.kind === 'count') {
        const present = show(n.mask, true);
        const have = present.length;
        const who = c.what === 'members' ? '' : ` ${c.what}`;
        const needed = c.fraction ? `${c.count} needed (${shareWords(c.fraction, c.count)})` : `${c.count} needed`;
        const detail = `${have}${who} present${have > 0 && have <= 8 ? ` (${listAnd(present)})` : ''}; ${needed}`;
        if (have >= c.count) return { ...base, passed: true, detail };
        const more = c.count - have;
        const noun = c.what === 'members' ? plural(more, 'more member') : c.what.startsWith('from ') ? `a member ${c.what}` : `${more} more ${c.what}`;
        const candidates = show(n.mask, false);
        return { ...base, passed: false, detail, needs: candidates.length < more ? `${noun}, but only ${candidates.length} ${candidates.length === 1 ? 'is' : 'are'} not here` : noun };
      }
      const node = n as Extract<Node, { kind: 'buckets' }>;
      const hit = node.labels.filter((_, i) => show(node.masks[i]!, true).length > 0);
      const unit = c.distinct === 'organisations' ? 'organisation' : 'sector';
      const detail = `${hit.length === 0 ? 'none' : `${hit.length} (${listAnd(hit)})`} represented; ${c.count} needed`;
      if (hit.length >= c.count) return { ...base, passed: true, detail };
      const more = c.count - hit.length;
      const left = node.labels.filter((l) => !hit.includes(l));
      const needs = `members from ${plural(more, `more ${unit}`)}${left.length > 0 ? ` (of ${listAnd(left)})` : ''}${left.length < more ? `, but the members come from only ${plural(node.labels.length, unit)}` : ''}`;
      return { ...base, passed: false, detail, needs };
    }
  }
}

/** "half of 23 is 11.5, rounded up", "a majority of 24 is more than half". */
export function shareWords(f: NonNullable<Extract<Clause, { kind: 'atLeast' }>['fraction']>, count: number): string {
  if (f.name === 'a majority') return `a majority of ${f.of} is more than half`;
  const exact = (f.of * f.numerator) / f.denominator;
  if (Number.isInteger(exact)) return exact === count ? `${f.name} of ${f.of}` : `${f.name} of ${f.of} is ${exact}; at least one member`;
  const shown = Number.isInteger(exact * 100) ? String(exact) : exact.toFixed(2);
  const rounding = f.rounding ?? 'up';
  return `${f.name} of ${f.of} is ${shown}, rounded ${rounding}${f.rounding ? '' : ' (the default)'}`;
}

function people(cq: CompiledQuorum, mask: Uint32Array): number[] {
  const out: number[] = [];
  for (let p = 0; p < cq.size; p++) if (hasPerson(mask, p)) out.push(p);
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// ---- the smallest addition -----------------------------------------------------------------------

export interface SearchOptions {
  /** How many attendances the exact search may try before falling back to the greedy answer. */
  budget?: number;
}

const DEFAULT_BUDGET = 2_000_000;
const LISTED = 10;

/**
 * The fewest absent members whose attendance makes the meeting quorate, or undefined when not even
 * everyone would. Exact: members who play the same part in every clause are interchangeable, so the
 * search tries how many of each such class attend, smallest totals first. When that would try more
 * than `budget` attendances (large groups with many distinct organisations), the greedy answer is
 * returned with `exact: false` unless it meets a lower bound and so is known to be smallest.
 */
export function smallestAddition(cq: CompiledQuorum, base: Uint32Array, options: SearchOptions = {}): Addition | undefined {
  const budget = options.budget ?? DEFAULT_BUDGET;
  const work = base.slice();
  if (cq.test(work)) return { size: 0, seats: [], options: [[]], more: false, exact: true };
  const absent: number[] = [];
  for (let p = 0; p < cq.size; p++) if (!hasPerson(base, p)) absent.push(p);
  for (const p of absent) set(work, p);
  if (!cq.test(work)) return undefined;

  const classes = interchangeable(cq, absent, base);
  const greedy = greedyAddition(cq, base, classes);
  const lower = Math.max(1, lowerBound(cq.node, base, cq));
  const sizes = classes.map((c) => c.length);
  // capacity[i]: how many can still be added from classes i and after.
  const capacity = new Int32Array(classes.length + 1);
  for (let i = classes.length - 1; i >= 0; i--) capacity[i] = capacity[i + 1]! + sizes[i]!;

  let tried = 0;
  let aborted = false;
  for (let k = lower; k <= greedy.length; k++) {
    const found: Int32Array[] = [];
    const cap = k === 1 ? Infinity : LISTED;
    let more = false;
    const counts = new Int32Array(classes.length);
    work.set(base);
    const dfs = (ci: number, remaining: number): boolean => {
      if (remaining === 0) {
        if (++tried > budget) return (aborted = true);
        if (cq.test(work)) {
          if (found.length >= cap) return (more = true);
          found.push(counts.slice());
        }
        return false;
      }
      if (ci === classes.length || capacity[ci]! < remaining) return false;
      const members = classes[ci]!;
      const top = Math.min(sizes[ci]!, remaining);
      for (let c = 0; c < top; c++) set(work, members[c]!);
      for (let c = top; c >= 0; c--) {
        counts[ci] = c;
        if (dfs(ci + 1, remaining - c)) {
          for (let r = 0; r < c; r++) clear(work, members[r]!);
          counts[ci] = 0;
          return true;
        }
        if (c > 0) clear(work, members[c - 1]!);
      }
      counts[ci] = 0;
      return false;
    };
    dfs(0, k);
    if (aborted) break;
    if (found.length > 0) {
      const opts = found.map((v) => describe(v, classes, cq));
      return { size: k, seats: opts[0]!.flatMap((part) => part.of.slice(0, part.count)), options: opts, more, exact: true };
    }
  }
  // The budget ran out: the greedy answer, exact only if it meets the lower bound.
  const seats = greedy.map((p) => cq.seatsOf[p]![0]!);
  return { size: greedy.length, seats, options: [seats.map((s) => ({ count: 1, of: [s] }))], more: false, exact: greedy.length <= lower };
}

function describe(vector: Int32Array, classes: readonly number[][], cq: CompiledQuorum): AdditionPart[] {
  const parts: AdditionPart[] = [];
  vector.forEach((count, i) => {
    if (count > 0) parts.push({ count, of: classes[i]!.map((p) => cq.seatsOf[p]![0]!) });
  });
  return parts;
}

function intersects(a: Uint32Array, b: Uint32Array): boolean {
  for (let w = 0; w < a.length; w++) if ((a[w]! & b[w]!) !== 0) return true;
  return false;
}

function set(bits: Uint32Array, p: number): void {
  bits[p >>> 5]! |= 1 << (p & 31);
}

function clear(bits: Uint32Array, p: number): void {
  bits[p >>> 5]! &= ~(1 << (p & 31));
}

/**
 * Absent people grouped by the part they play in every clause, classes in member-list order. A bucket
 * (organisation, sector, "each of" group) someone present already fills plays no further part.
 */
export function interchangeable(cq: CompiledQuorum, persons: readonly number[], base: Uint32Array): number[][] {
  const leaves: Node[] = [];
  const walk = (n: Node): void => {
    if (n.kind === 'and' || n.kind === 'or') n.nodes.forEach(walk);
    else leaves.push(n);
  };
  walk(cq.node);
  const byKey = new Map<string, number[]>();
  for (const p of persons) {
    const key = leaves
      .map((n) => {
        if (n.kind === 'count' || n.kind === 'all') return hasPerson(n.mask, p) ? '1' : '0';
        if (n.kind === 'buckets') return n.masks.flatMap((m, i) => (hasPerson(m, p) && !intersects(m, base) ? [i] : [])).join('.');
        return '';
      })
      .join('|');
    const list = byKey.get(key) ?? [];
    list.push(p);
    byKey.set(key, list);
  }
  return [...byKey.values()];
}

/** How far an attendance is from meeting a node: the greedy search's measure. */
function shortfall(n: Node, bits: Uint32Array, words: number): number {
  switch (n.kind) {
    case 'never':
      return 1e6;
    case 'and':
      return n.nodes.reduce((sum, c) => sum + shortfall(c, bits, words), 0);
    case 'or':
      return Math.min(...n.nodes.map((c) => shortfall(c, bits, words)));
    case 'all': {
      let missing = 0;
      for (let w = 0; w < words; w++) missing += popcount32(n.mask[w]! & ~bits[w]!);
      return missing;
    }
    case 'count': {
      let have = 0;
      for (let w = 0; w < words; w++) have += popcount32(n.mask[w]! & bits[w]!);
      return Math.max(0, n.need - have);
    }
    case 'buckets': {
      let have = 0;
      for (const m of n.masks) {
        for (let w = 0; w < words; w++) {
          if ((m[w]! & bits[w]!) !== 0) {
            have++;
            break;
          }
        }
      }
      return Math.max(0, n.need - have);
    }
  }
}

/** A number of people no smaller than any addition that meets the node. */
function lowerBound(n: Node, bits: Uint32Array, cq: CompiledQuorum): number {
  switch (n.kind) {
    case 'never':
      return Infinity;
    case 'and':
      return Math.max(0, ...n.nodes.map((c) => lowerBound(c, bits, cq)));
    case 'or':
      return Math.min(...n.nodes.map((c) => lowerBound(c, bits, cq)));
    case 'buckets': {
      // One person may sit in several buckets (two seats in two organisations).
      let most = 1;
      for (let p = 0; p < cq.size; p++) most = Math.max(most, n.masks.filter((m) => hasPerson(m, p)).length);
      return Math.ceil(shortfall(n, bits, cq.words) / most);
    }
    default:
      return shortfall(n, bits, cq.words);
  }
}

/**
 * Adds whoever most reduces the shortfall until quorate, then drops anyone not needed.
 * Members of one class are interchangeable, so each step tries only the next member of each
 * class: with a thousand members and two classes, that is two trials a step, not a thousand.
 */
function greedyAddition(cq: CompiledQuorum, base: Uint32Array, classes: readonly (readonly number[])[]): number[] {
  const work = base.slice();
  const added: number[] = [];
  const taken = new Int32Array(classes.length);
  while (!cq.test(work)) {
    let best = -1;
    let bestScore = Infinity;
    for (let c = 0; c < classes.length; c++) {
      const p = classes[c]![taken[c]!];
      if (p === undefined) continue;
      set(work, p);
      const score = cq.test(work) ? -1 : shortfall(cq.node, work, cq.words);
      clear(work, p);
      // Ties go to the earliest member in the member list.
      if (score < bestScore || (score === bestScore && p < classes[best]![taken[best]!]!)) {
        best = c;
        bestScore = score;
      }
    }
    if (best < 0) break;
    const p = classes[best]![taken[best]!++]!;
    set(work, p);
    added.push(p);
  }
  for (let i = added.length - 1; i >= 0; i--) {
    clear(work, added[i]!);
    if (cq.test(work)) added.splice(i, 1);
    else set(work, added[i]!);
  }
  return added.sort((a, b) => a - b);
}
