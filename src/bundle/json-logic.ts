import type { Bloc, People, QuorumRule } from './quorum-rule.js';

/**
 * Translates the bundle's quorum rules into JSON Logic (https://jsonlogic.com), so any
 * language's off-the-shelf library can apply them. Only standard operations are used —
 * `var`, `in`, `and`, `or`, `if`, `+`, `>=` — and the constants `true` and `false`; no custom
 * operations. A quorum is applied to the data `{ "present": ["seat-id", …] }`.
 *
 * Every test asks whether a constant seat id is in the list, so ids that are not counting
 * seats of the group (observers, strangers) and repeated ids change nothing. A person is
 * present through any seat they hold, so a seat's test asks for each of its holder's seats.
 * Counts need no `filter` or `reduce`: `{"+": [{"if": [test, 1, 0]}, …]}` counts blocs, one
 * per person, organisation or sector.
 *
 * Empty `and` / `or` are folded to constants, because libraries disagree about them
 * (json-logic-js returns `undefined`).
 */

export type JsonLogic = boolean | number | string | null | JsonLogic[] | { [operation: string]: JsonLogic };

export interface JsonLogicOptions {
  /** The data variable holding the seat ids: `present` for a quorum, `for` for a vote. */
  variable: string;
  /** Each counting seat with every seat its holder has in the group; other ids never count. */
  people: People;
}

export function toJsonLogic(rule: QuorumRule, options: JsonLogicOptions): JsonLogic {
  const seen = (seats: readonly string[]): JsonLogic => {
    const ids = new Set(seats.flatMap((seat) => options.people.get(seat) ?? []));
    return any([...ids].map((id) => ({ in: [id, { var: options.variable }] })));
  };
  const represented = (bloc: Bloc): JsonLogic => seen(bloc.seats);
  switch (rule.op) {
    case 'and':
      return all(rule.terms.map((t) => toJsonLogic(t, options)));
    case 'or':
      return any(rule.terms.map((t) => toJsonLogic(t, options)));
    case 'atLeast':
      return atLeast(rule.count, rule.of.map(represented));
    case 'fraction':
      return atLeast(rule.required, rule.of.map(represented));
    case 'eachOf':
      return all(rule.of.map(represented));
    case 'present':
      return all(rule.seats.map((seat) => seen([seat])));
    case 'never':
      return false;
  }
}

/** At least `count` of the tests are true. */
export function atLeast(count: number, tests: readonly JsonLogic[]): JsonLogic {
  const live = tests.filter((t) => t !== false);
  if (count <= 0) return true;
  if (count > live.length) return false;
  if (count === live.length) return all(live);
  if (count === 1) return any(live);
  return { '>=': [{ '+': live.map((t) => ({ if: [t, 1, 0] })) }, count] };
}

function all(tests: readonly JsonLogic[]): JsonLogic {
  if (tests.includes(false)) return false;
  const live = flatten('and', tests.filter((t) => t !== true));
  if (live.length === 0) return true;
  return live.length === 1 ? live[0]! : { and: live };
}

function any(tests: readonly JsonLogic[]): JsonLogic {
  if (tests.includes(true)) return true;
  const live = flatten('or', tests.filter((t) => t !== false));
  if (live.length === 0) return false;
  return live.length === 1 ? live[0]! : { or: live };
}

/** `{"and": [a, {"and": [b, c]}]}` is `{"and": [a, b, c]}`: one level reads better. */
function flatten(op: 'and' | 'or', tests: readonly JsonLogic[]): JsonLogic[] {
  return tests.flatMap((t) => {
    if (t === null || typeof t !== 'object' || Array.isArray(t)) return [t];
    const inner = t[op];
    return Object.keys(t).length === 1 && Array.isArray(inner) ? inner : [t];
  });
}
