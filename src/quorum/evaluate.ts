import type { Group, Model, QuorumExpr, Seat } from '../model/model.js';
import { type Clause, compileIR, personKey, type QuorumIR } from './ir.js';

/**
 * Evaluates quorums (docs/quorum.md). A quorum is compiled once into the intermediate form
 * (ir.ts) and then into bit masks over the group's people, so deciding one attendance list
 * is a handful of AND, popcount and compare operations and allocates nothing.
 *
 * Who counts: members only, never observers; a person holding two seats counts once (and,
 * being there, fills both); a deputy counts for the member they stand in for only when the
 * group's `deputies:` rules allow it.
 */

export { countingSeats, required, roleSeats } from './ir.js';

export interface Attendance {
  /** Seat ids of the members present. */
  present: ReadonlySet<string>;
}

export interface QuorumScope {
  group: Group;
  model: Model;
}

/** People, not seats: two seats held by one named person are one person. */
export function headcount(seats: readonly Pick<Seat, 'id' | 'person'>[]): number {
  return new Set(seats.map(personKey)).size;
}

/** A compiled clause, one for each clause of the intermediate form and in the same shape. */
export type Node =
  /** At least `need` of the people in `mask`. */
  | { kind: 'count'; mask: Uint32Array; need: number }
  /** At least `need` of the buckets (organisations, sectors, "each of" groups) have someone present. */
  | { kind: 'buckets'; masks: Uint32Array[]; labels: string[]; need: number }
  /** Everyone in `mask`. */
  | { kind: 'all'; mask: Uint32Array }
  | { kind: 'never' }
  | { kind: 'and' | 'or'; nodes: Node[] };

export interface CompiledQuorum {
  ir: QuorumIR;
  /** The number of people among the members; bit `p` of an attendance is person `p`. */
  size: number;
  /** 32-bit words in an attendance bitset. */
  words: number;
  /** The person index of each counting seat. */
  personOf: ReadonlyMap<string, number>;
  /** The seats each person holds, in member-list order. */
  seatsOf: readonly (readonly string[])[];
  node: Node;
  /** Whether an attendance bitset is quorate. Allocation-free. */
  test: (bits: Uint32Array) => boolean;
}

/** Compiles a group's quorum (or another expression over the group) for evaluation; undefined when there is none. */
export function compileQuorum(group: Group, model: Model, expr: QuorumExpr | undefined = group.quorum?.expr): CompiledQuorum | undefined {
  const ir = compileIR(group, model, expr);
  return ir && compileFromIR(ir);
}

export function compileFromIR(ir: QuorumIR): CompiledQuorum {
  const personIndex = new Map<string, number>();
  const personOf = new Map<string, number>();
  const seatsOf: string[][] = [];
  for (const m of ir.members) {
    let p = personIndex.get(m.person);
    if (p === undefined) {
      p = seatsOf.length;
      personIndex.set(m.person, p);
      seatsOf.push([]);
    }
    personOf.set(m.seat, p);
    seatsOf[p]!.push(m.seat);
  }
  const size = seatsOf.length;
  const words = Math.max(1, Math.ceil(size / 32));
  const bucketOf = new Map(ir.members.map((m) => [m.seat, m]));
  const maskOf = (seats: readonly string[]): Uint32Array => {
    const mask = new Uint32Array(words);
    for (const s of seats) {
      const p = personOf.get(s);
      if (p !== undefined) mask[p >>> 5]! |= 1 << (p & 31);
    }
    return mask;
  };
  const build = (c: Clause): Node => {
    switch (c.kind) {
      case 'and':
      case 'or':
        return { kind: c.kind, nodes: c.clauses.map(build) };
      case 'never':
        return { kind: 'never' };
      case 'all':
        // Someone who is not a member can never be present.
        return c.of.every((s) => personOf.has(s)) ? { kind: 'all', mask: maskOf(c.of) } : { kind: 'never' };
      case 'every':
        return { kind: 'buckets', masks: c.groups.map((g) => maskOf(g.seats)), labels: c.groups.map((g) => g.label), need: c.groups.length };
      case 'atLeast': {
        if (c.distinct === 'persons') return { kind: 'count', mask: maskOf(c.of), need: c.count };
        const groups = new Map<string, string[]>();
        for (const s of c.of) {
          const m = bucketOf.get(s);
          const key = c.distinct === 'organisations' ? m?.organisation : m?.sector;
          if (key === undefined) continue;
          const list = groups.get(key) ?? [];
          list.push(s);
          groups.set(key, list);
        }
        return { kind: 'buckets', masks: [...groups.values()].map(maskOf), labels: [...groups.keys()], need: c.count };
      }
    }
  };
  const node = build(ir.root);
  return { ir, size, words, personOf, seatsOf, node, test: predicate(node, words) };
}

// ---- the hot path ----------------------------------------------------------------------------

type Test = (bits: Uint32Array) => boolean;

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Turns a node into a closure; one-word groups (up to 32 people) get straight-line code. */
function predicate(node: Node, words: number): Test {
  switch (node.kind) {
    case 'never':
      return () => false;
    case 'and': {
      const parts = node.nodes.map((n) => predicate(n, words));
      if (parts.length === 2) {
        const [a, b] = parts as [Test, Test];
        return (bits) => a(bits) && b(bits);
      }
      return (bits) => {
        for (let i = 0; i < parts.length; i++) if (!parts[i]!(bits)) return false;
        return true;
      };
    }
    case 'or': {
      const parts = node.nodes.map((n) => predicate(n, words));
      return (bits) => {
        for (let i = 0; i < parts.length; i++) if (parts[i]!(bits)) return true;
        return false;
      };
    }
    case 'all': {
      const mask = node.mask;
      if (words === 1) {
        const m = mask[0]! | 0;
        return (bits) => (bits[0]! & m) === m;
      }
      return (bits) => {
        for (let w = 0; w < words; w++) if ((bits[w]! & mask[w]!) !== (mask[w]! | 0)) return false;
        return true;
      };
    }
    case 'count': {
      const need = node.need;
      const mask = node.mask;
      if (need <= 0) return () => true;
      if (words === 1) {
        const m = mask[0]! | 0;
        return (bits) => popcount32(bits[0]! & m) >= need;
      }
      return (bits) => {
        let have = 0;
        for (let w = 0; w < words; w++) have += popcount32(bits[w]! & mask[w]!);
        return have >= need;
      };
    }
    case 'buckets': {
      const need = node.need;
      const n = node.masks.length;
      if (need <= 0) return () => true;
      if (need > n) return () => false;
      if (words === 1) {
        const masks = Int32Array.from(node.masks, (m) => m[0]! | 0);
        if (need === n) {
          return (bits) => {
            const b = bits[0]! | 0;
            for (let i = 0; i < n; i++) if ((b & masks[i]!) === 0) return false;
            return true;
          };
        }
        return (bits) => {
          const b = bits[0]! | 0;
          let have = 0;
          for (let i = 0; i < n; i++) if ((b & masks[i]!) !== 0 && ++have >= need) return true;
          return false;
        };
      }
      const masks = node.masks;
      return (bits) => {
        let have = 0;
        for (let i = 0; i < n; i++) if (intersects(bits, masks[i]!, words) && ++have >= need) return true;
        return false;
      };
    }
  }
}

function intersects(a: Uint32Array, b: Uint32Array, words: number): boolean {
  for (let w = 0; w < words; w++) if ((a[w]! & b[w]!) !== 0) return true;
  return false;
}

/** Whether an attendance bitset (from `attendanceBits` or `resolveAttendance`) is quorate. */
export function evaluateBits(cq: CompiledQuorum, bits: Uint32Array): boolean {
  return cq.test(bits);
}

/** The attendance bitset of these seat ids; ids that are not counting members are ignored. */
export function attendanceBits(cq: CompiledQuorum, seats: Iterable<string>, into: Uint32Array = new Uint32Array(cq.words)): Uint32Array {
  into.fill(0);
  for (const s of seats) {
    const p = cq.personOf.get(s);
    if (p !== undefined) into[p >>> 5]! |= 1 << (p & 31);
  }
  return into;
}

export function hasPerson(bits: Uint32Array, p: number): boolean {
  return (bits[p >>> 5]! & (1 << (p & 31))) !== 0;
}

// ---- attendance with deputies -----------------------------------------------------------------

/** A deputy attending for an absent member: `--deputy nurse=Jane Smith:authority`. */
export interface DeputyInput {
  /** The seat id of the member they stand in for. */
  for: string;
  name: string;
  /** Whether they come with the member's full delegated authority. */
  authority?: boolean;
}

export interface DeputyOutcome {
  for: string;
  name: string;
  authority: boolean;
  counts: boolean;
  /** Why they count or not, in plain words. */
  reason: string;
}

export interface AttendanceInput {
  /** Seat ids of those present in person (members and observers). */
  present: Iterable<string>;
  deputies?: readonly DeputyInput[];
}

export interface ResolvedAttendance {
  bits: Uint32Array;
  /** Counting members present in person (seat ids, as given). */
  members: string[];
  /** Observers present: they never count. */
  observers: string[];
  /** Ids that are neither members nor observers of the group. */
  unknown: string[];
  deputies: DeputyOutcome[];
}

/** Turns who attended into the people who count, applying the group's deputy rules. */
export function resolveAttendance(cq: CompiledQuorum, input: AttendanceInput): ResolvedAttendance {
  const bits = new Uint32Array(cq.words);
  const observers = new Set(cq.ir.observers);
  const out: ResolvedAttendance = { bits, members: [], observers: [], unknown: [], deputies: [] };
  const names = new Map(cq.ir.members.map((m) => [m.seat, m.person]));
  const counted = new Set<string>();
  for (const id of input.present) {
    const p = cq.personOf.get(id);
    if (p !== undefined) {
      bits[p >>> 5]! |= 1 << (p & 31);
      if (!out.members.includes(id)) out.members.push(id);
      counted.add(names.get(id)!);
    } else if (observers.has(id)) {
      if (!out.observers.includes(id)) out.observers.push(id);
    } else if (!out.unknown.includes(id)) out.unknown.push(id);
  }
  const inPerson = bits.slice();
  for (const d of input.deputies ?? []) {
    const authority = d.authority === true;
    const result = (counts: boolean, reason: string) => out.deputies.push({ for: d.for, name: d.name, authority, counts, reason });
    const p = cq.personOf.get(d.for);
    const who = `person:${d.name.trim().replace(/\s+/g, ' ').toLowerCase()}`;
    if (p === undefined) {
      result(false, observers.has(d.for) ? `${d.for} is an observer; observers and their deputies never count` : `${d.for} is not a member of this group`);
    } else if (hasPerson(inPerson, p)) {
      result(false, `${d.for} is present in person`);
    } else if (cq.ir.deputies === 'never') {
      result(false, "the group's deputies do not count towards the quorum");
    } else if (cq.ir.deputies === 'with authority' && !authority) {
      result(false, "the group's deputies count towards the quorum only with full delegated authority, and this deputy was not given it");
    } else if (counted.has(who)) {
      result(false, `${d.name} is already counted; each person counts once`);
    } else if (hasPerson(bits, p)) {
      result(false, `${d.for}'s place is already filled by another deputy`);
    } else {
      bits[p >>> 5]! |= 1 << (p & 31);
      counted.add(who);
      result(true, authority ? `stands in for ${d.for} with full delegated authority` : `stands in for ${d.for}`);
    }
  }
  return out;
}

// ---- the validator's entry point ----------------------------------------------------------------

const cache = new WeakMap<Group, WeakMap<QuorumExpr, CompiledQuorum>>();

/** The compiled form of a quorum expression of a group, compiled once. */
export function compiledFor(expr: QuorumExpr, scope: QuorumScope): CompiledQuorum {
  let byExpr = cache.get(scope.group);
  if (!byExpr) cache.set(scope.group, (byExpr = new WeakMap()));
  let cq = byExpr.get(expr);
  if (!cq) byExpr.set(expr, (cq = compileQuorum(scope.group, scope.model, expr)!));
  return cq;
}

/** Whether a quorum is met when these seats' holders attend in person (no deputies). */
export function isQuorate(expr: QuorumExpr, attendance: Attendance, scope: QuorumScope): boolean {
  const cq = compiledFor(expr, scope);
  return cq.test(attendanceBits(cq, attendance.present));
}
