import { closest } from '../diagnostics/suggest.js';
import { quorum as quorumText } from '../format/print.js';
import {
  additionText,
  analyseQuorum,
  type ClauseResult,
  compile,
  compileQuorum,
  type DeputyInput,
  explainQuorum,
  type Explanation,
  hasErrors,
  type QuorumAnalysis,
} from '../index.js';
import type { Group, Model } from '../model/model.js';
import { describeFailure } from './load.js';
import { readProject } from './project.js';
import { complain, Exit, type ExitCode, printDiagnostics } from './output.js';

export interface QuorumOptions {
  group: string;
  /** Comma-separated seat ids; undefined when not given. */
  present?: string;
  /** `<absent-id>=<deputy name>[:authority]`, one per `--deputy`. */
  deputy: string[];
  json?: boolean;
  analyse?: boolean;
}

/**
 * `tor quorum`: is a meeting quorate, why, and who else would have to attend; or, with
 * `--analyse`, the smallest quorate attendance and the single points of failure.
 * Exit 0 quorate (or, analysing, the quorum can be met), 1 not, 2 the question could not be asked.
 */
export async function quorum(path: string, options: QuorumOptions): Promise<ExitCode> {
  const loaded = await readProject(path);
  if (!loaded.ok) {
    complain(describeFailure(loaded.failure));
    return Exit.Usage;
  }
  const { files, includeProblems } = loaded.value;
  const result = compile(files, { validate: false });
  const diagnostics = [...includeProblems, ...result.diagnostics];
  if (!result.model || hasErrors(diagnostics)) {
    printDiagnostics(diagnostics, new Map(files.map((f) => [f.path, f.text])), { format: 'stylish', color: false, stream: process.stderr });
    complain(`cannot evaluate quorums: ${path} has errors (see \`tor check ${path}\`)`);
    return Exit.Usage;
  }
  const model = result.model;
  const group = findGroup(model, options.group, path);
  if (!group) return Exit.Usage;
  const cq = compileQuorum(group, model);
  if (!cq || !group.quorum) {
    complain(`${group.id} has no quorum (no \`quorate when …\` line)`);
    return Exit.Usage;
  }
  const title = `${group.title} (${group.id})`;
  const sentence = `quorate when ${quorumText(group.quorum.expr)}`;

  if (options.analyse) {
    const analysis = analyseQuorum(cq);
    write(options.json ? json(analysisJson(analysis)) : analysisText(analysis, title, sentence));
    return analysis.achievable ? Exit.Ok : Exit.Problems;
  }

  if (options.present === undefined) {
    complain('say who attended with --present <member ids, comma-separated>, or ask for --analyse');
    return Exit.Usage;
  }
  const known = [...cq.ir.members.map((m) => m.seat), ...cq.ir.observers];
  const present = options.present
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  let bad = false;
  for (const id of present) if (!checkMember(id, known, group)) bad = true;
  const deputies: DeputyInput[] = [];
  for (const spec of options.deputy) {
    const deputy = parseDeputy(spec);
    if (!deputy) {
      complain(`--deputy ${spec}: write <absent member id>=<deputy's name>, with :authority when they have full delegated authority`);
      bad = true;
    } else if (!checkMember(deputy.for, known, group)) bad = true;
    else deputies.push(deputy);
  }
  if (bad) return Exit.Usage;

  const explanation = explainQuorum(cq, { present, deputies });
  write(options.json ? json(explanationJson(explanation)) : explanationText(explanation, title, sentence));
  return explanation.quorate ? Exit.Ok : Exit.Problems;
}

function write(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function findGroup(model: Model, id: string, path: string): Group | undefined {
  const group = model.groups.find((g) => g.id === id);
  if (group) return group;
  const ids = model.groups.map((g) => g.id);
  const best = closest(id, ids);
  const withQuorum = model.groups.filter((g) => g.quorum).map((g) => g.id);
  complain(
    best !== undefined
      ? `no group \`${id}\` in ${path} — did you mean \`${best}\`?`
      : `no group \`${id}\` in ${path}${withQuorum.length > 0 ? `; groups with a quorum: ${withQuorum.join(', ')}` : ''}`,
  );
  return undefined;
}

/** Complains and returns false when `id` is neither a member nor an observer of the group. */
function checkMember(id: string, known: readonly string[], group: Group): boolean {
  if (known.includes(id)) return true;
  const best = closest(id, known);
  complain(`\`${id}\` is not a member of ${group.id}${best !== undefined ? ` — did you mean \`${best}\`?` : `; its members are ${known.join(', ')}`}`);
  return false;
}

/** `nurse=Jane Smith` or `nurse=Jane Smith:authority`. */
export function parseDeputy(spec: string): DeputyInput | undefined {
  const eq = spec.indexOf('=');
  if (eq <= 0) return undefined;
  const id = spec.slice(0, eq).trim();
  let name = spec.slice(eq + 1).trim();
  let authority = false;
  const marker = /:\s*(full\s+)?(delegated\s+)?authority$/i.exec(name);
  if (marker) {
    authority = true;
    name = name.slice(0, marker.index).trim();
  }
  if (id === '' || name === '') return undefined;
  return { for: id, name, authority };
}

// ---- text ---------------------------------------------------------------------------------------

function explanationText(e: Explanation, title: string, sentence: string): string {
  const lines = [`${title}: ${e.quorate ? 'quorate' : 'not quorate'}`, `  ${sentence}`];
  const clause = (c: ClauseResult, depth: number): void => {
    const pad = '  '.repeat(depth + 1);
    lines.push(`${pad}${c.passed ? '✓' : '✗'} ${c.text} — ${c.detail}`);
    if (!c.passed && c.needs && !c.clauses) lines.push(`${pad}    needs ${c.needs}`);
    for (const child of c.clauses ?? []) clause(child, depth + 1);
  };
  for (const c of e.clauses) clause(c, 0);
  for (const d of e.deputies) lines.push(`  deputy ${d.name} for ${d.for}: ${d.counts ? 'counts' : 'does not count'} — ${d.reason}`);
  for (const o of e.observers) lines.push(`  ${o} is an observer and does not count`);
  if (!e.quorate) lines.push(`${capital(e.summary)}.`);
  return lines.join('\n');
}

function analysisText(a: QuorumAnalysis, title: string, sentence: string): string {
  const lines = [title, `  ${sentence}`, `  ${a.members} ${a.members === 1 ? 'member' : 'members'} (people, observers excluded)`];
  if (!a.achievable) {
    lines.push('  Never quorate: the quorum is not met even with every member present.');
    return lines.join('\n');
  }
  const s = a.smallest!;
  lines.push(`  Smallest quorate attendance: ${s.size} — ${additionText(s.options[0]!)}${s.options.length > 1 || s.more ? ' (one of several)' : ''}${s.exact ? '' : ' (found by a quick search; a smaller one may exist)'}`);
  if (a.singlePointsOfFailure.length === 0) lines.push('  No single point of failure: no one member’s absence alone makes every meeting inquorate.');
  else {
    lines.push('  Single points of failure (their absence alone makes any meeting inquorate):');
    for (const f of a.singlePointsOfFailure) lines.push(`    ${f.seats.join(' / ')} — ${f.because.join('; ')}`);
    if (a.deputies === 'always') lines.push('  Deputies count towards this quorum, so a deputy can stand in for any of them.');
    else if (a.deputies === 'with authority') lines.push('  A deputy with full delegated authority can stand in for any of them.');
    else lines.push('  Deputies do not count towards this quorum.');
  }
  return lines.join('\n');
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---- JSON ---------------------------------------------------------------------------------------

interface ClauseJson {
  kind: string;
  text: string;
  passed: boolean;
  detail: string;
  needs?: string;
  at: { file: string; line: number; column: number };
  clauses?: ClauseJson[];
}

function clauseJson(c: ClauseResult): ClauseJson {
  const out: ClauseJson = { kind: c.kind, text: c.text, passed: c.passed, detail: c.detail, at: { file: c.span.file, line: c.span.start.line, column: c.span.start.column } };
  if (c.needs !== undefined) out.needs = c.needs;
  if (c.clauses) out.clauses = c.clauses.map(clauseJson);
  return out;
}

function explanationJson(e: Explanation) {
  return {
    group: e.group,
    quorate: e.quorate,
    clauses: e.clauses.map(clauseJson),
    missing: e.missing,
    addition: e.addition ? { size: e.addition.size, options: e.addition.options, more: e.addition.more, exact: e.addition.exact } : null,
    reachable: e.reachable,
    deputies: e.deputies,
    observers: e.observers,
    summary: e.summary,
  };
}

function analysisJson(a: QuorumAnalysis) {
  return {
    group: a.group,
    members: a.members,
    achievable: a.achievable,
    smallest: a.smallest ? { size: a.smallest.size, seats: a.smallest.seats, options: a.smallest.options, more: a.smallest.more, exact: a.smallest.exact } : null,
    singlePointsOfFailure: a.singlePointsOfFailure,
    deputies: a.deputies,
  };
}
