import type { CompiledQuorum } from './evaluate.js';
import { type Addition, type ClauseResult, explainBits, type SearchOptions, smallestAddition } from './explain.js';
import type { DeputyCounting } from './ir.js';

/**
 * Static analysis of a quorum, the resilience question a chair asks: how few can meet, and whose
 * absence alone stops any meeting (docs/quorum.md, Analysis). Members are assumed to attend in
 * person; deputies are left out.
 */

export interface SinglePointOfFailure {
  /** The member's seat (the first, when one person holds several). */
  seat: string;
  /** Every seat the person holds. */
  seats: string[];
  /** The clauses that fail when everyone else attends. */
  because: string[];
}

export interface QuorumAnalysis {
  group: string;
  /** People among the members (observers excluded; one person in two seats is one). */
  members: number;
  /** Whether the meeting is quorate with every member present. */
  achievable: boolean;
  /** A smallest quorate attendance, when there is one. */
  smallest: Addition | undefined;
  /** Members whose absence alone makes any meeting inquorate, in member-list order. */
  singlePointsOfFailure: SinglePointOfFailure[];
  /** How deputies count: where they do, a deputy can cover a single point of failure. */
  deputies: DeputyCounting;
}

export function analyseQuorum(cq: CompiledQuorum, options: SearchOptions = {}): QuorumAnalysis {
  const everyone = new Uint32Array(cq.words);
  for (let p = 0; p < cq.size; p++) everyone[p >>> 5]! |= 1 << (p & 31);
  const achievable = cq.test(everyone);
  const smallest = achievable ? smallestAddition(cq, new Uint32Array(cq.words), options) : undefined;
  const singlePointsOfFailure: SinglePointOfFailure[] = [];
  if (achievable) {
    // Quorums are monotone: if everyone but p is not quorate, no attendance without p is.
    const work = everyone.slice();
    for (let p = 0; p < cq.size; p++) {
      work[p >>> 5]! &= ~(1 << (p & 31));
      if (!cq.test(work)) {
        const seats = [...cq.seatsOf[p]!];
        singlePointsOfFailure.push({ seat: seats[0]!, seats, because: failing(explainBits(cq, work)) });
      }
      work[p >>> 5]! |= 1 << (p & 31);
    }
  }
  return { group: cq.ir.group, members: cq.size, achievable, smallest, singlePointsOfFailure, deputies: cq.ir.deputies };
}

/** The innermost failing clauses' words. */
function failing(c: ClauseResult): string[] {
  if (c.passed) return [];
  if (c.kind === 'and' && c.clauses) return c.clauses.flatMap(failing);
  // "one member from each of …" names the organisation left without a member.
  return [c.kind === 'every' && c.needs ? `${c.text}: ${c.needs}` : c.text];
}
