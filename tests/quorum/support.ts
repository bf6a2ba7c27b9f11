import { compile } from '../../src/compile.js';
import type { Model } from '../../src/model/model.js';
import { type CompiledQuorum, compileQuorum, type DeputyInput, resolveAttendance } from '../../src/quorum/evaluate.js';
import { explainQuorum, type Explanation, type SearchOptions } from '../../src/quorum/explain.js';
import type { SourceFile } from '../../src/syntax/source.js';
import { brief, exampleFiles, modelOf, PARTNERSHIP } from '../helpers.js';

/** A group's compiled quorum, with short ways to ask about an attendance. */
export interface Quorum {
  cq: CompiledQuorum;
  model: Model;
  /** Counting members' seat ids, in member-list order. */
  members: string[];
  quorate(present: readonly string[], deputies?: DeputyInput[]): boolean;
  /** Quorate with every member present except these. */
  without(...absent: string[]): boolean;
  explain(present: readonly string[], deputies?: DeputyInput[], options?: SearchOptions): Explanation;
}

export function quorumOf(files: readonly SourceFile[], groupId: string): Quorum {
  const result = compile(files, { validate: false });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map(brief).join('\n'));
  const model = modelOf(result);
  const group = model.groups.find((g) => g.id === groupId);
  if (!group) throw new Error(`no group ${groupId}`);
  const cq = compileQuorum(group, model);
  if (!cq) throw new Error(`${groupId} has no quorum`);
  const members = cq.ir.members.map((m) => m.seat);
  const quorate = (present: readonly string[], deputies: DeputyInput[] = []) => cq.test(resolveAttendance(cq, { present, deputies }).bits);
  return {
    cq,
    model,
    members,
    quorate,
    without: (...absent) => quorate(members.filter((m) => !absent.includes(m))),
    explain: (present, deputies = [], options = {}) => explainQuorum(cq, { present, deputies }, options),
  };
}

/** An example's group, optionally with its files edited. */
export function example(name: string, groupId: string, edit: (path: string, text: string) => string = (_, t) => t): Quorum {
  return quorumOf(
    exampleFiles(name).map((f) => ({ path: f.path, text: edit(f.path, f.text) })),
    groupId,
  );
}

/** A group `g` in the test partnership of tests/helpers.ts. */
export function synthetic(group: string): Quorum {
  return quorumOf([{ path: 'test.tor', text: `${PARTNERSHIP}\n${group}` }], 'g');
}

/** Replaces `from` (which must be there) with `to`. */
export function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`not found: ${from}`);
  return text.replace(from, to);
}
