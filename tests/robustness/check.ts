import { compile } from '../../src/compile.js';
import { hasErrors, type Diagnostic, type Position } from '../../src/diagnostics/diagnostic.js';
import { formatSource } from '../../src/format/format.js';
import { buildFile } from '../../src/syntax/build.js';
import type { SourceFile } from '../../src/syntax/source.js';
import { commentTexts, formattedShape, proseWords } from './shape.js';

/**
 * What must hold for any input at all, however damaged: the core never throws, every
 * diagnostic points inside its file, the run takes time in proportion to the input, and
 * `tor fmt` either refuses with an error or returns text that keeps everything.
 */
export type FailureKind = 'exception' | 'span' | 'slow' | 'fmt-refused-silently' | 'fmt-damaged' | 'fmt-not-idempotent';

export interface Failure {
  kind: FailureKind;
  detail: string;
}

/** The time bound: a fixed allowance plus so much per kilobyte of input (all files compiled). */
export const TIME_BOUND = { fixedMs: 2000, msPerKilobyte: 20 };

export function allowedMs(characters: number): number {
  return TIME_BOUND.fixedMs + (TIME_BOUND.msPerKilobyte * characters) / 1024;
}

/** Checks one case: the project's files with `mutated` put in place of the file with the same path. */
export function checkCase(files: readonly SourceFile[], mutated: SourceFile): Failure[] {
  const project = files.map((f) => (f.path === mutated.path ? mutated : f));
  if (!project.includes(mutated)) project.push(mutated);
  const failures: Failure[] = [];
  const size = project.reduce((n, f) => n + f.text.length, 0);
  const started = performance.now();
  try {
    const result = compile(project);
    failures.push(...spanFailures(result.diagnostics, project));
  } catch (error) {
    failures.push({ kind: 'exception', detail: `compile threw: ${describe(error)}` });
  }
  try {
    failures.push(...formatFailures(mutated));
  } catch (error) {
    failures.push({ kind: 'exception', detail: `formatSource threw: ${describe(error)}` });
  }
  const ms = performance.now() - started;
  if (ms > allowedMs(size)) failures.push({ kind: 'slow', detail: `took ${ms.toFixed(0)} ms for ${(size / 1024).toFixed(1)} KB; allowed ${allowedMs(size).toFixed(0)} ms` });
  return failures;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}` : String(error);
}

// ---- spans ------------------------------------------------------------------------------------

interface LineTable {
  starts: number[];
  /** Offset just after each line's last character, before its line break. */
  ends: number[];
}

function lineTable(text: string): LineTable {
  const starts: number[] = [];
  const ends: number[] = [];
  // The lexer starts line 1 after a byte-order mark, so columns count from the first visible character.
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const breaks = /\r\n|\r|\n/g;
  breaks.lastIndex = start;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    starts.push(start);
    ends.push(m.index);
    start = m.index + m[0].length;
  }
  starts.push(start);
  ends.push(text.length);
  return { starts, ends };
}

/** Why a position is not a place in the file, or undefined when it is. */
function misplaced(p: Position, text: string, table: LineTable): string | undefined {
  // 1:1 at offset 0 is how a message about the whole file points at it, byte-order mark or not.
  if (p.line === 1 && p.column === 1 && p.offset === 0) return undefined;
  if (!Number.isInteger(p.offset) || p.offset < 0 || p.offset > text.length) return `offset ${p.offset} outside 0..${text.length}`;
  if (!Number.isInteger(p.line) || p.line < 1 || p.line > table.starts.length) return `line ${p.line} outside 1..${table.starts.length}`;
  const start = table.starts[p.line - 1]!;
  const end = table.ends[p.line - 1]!;
  if (p.offset < start || p.offset > end) return `offset ${p.offset} is not on line ${p.line} (${start}..${end})`;
  if (p.column !== p.offset - start + 1) return `column ${p.column} does not match offset ${p.offset} on line ${p.line} (column ${p.offset - start + 1})`;
  return undefined;
}

export function spanFailures(diagnostics: readonly Diagnostic[], files: readonly SourceFile[]): Failure[] {
  const failures: Failure[] = [];
  const tables = new Map<string, LineTable>();
  for (const d of diagnostics) {
    const file = files.find((f) => f.path === d.file);
    if (!file) {
      failures.push({ kind: 'span', detail: `${d.code} names file ${JSON.stringify(d.file)}, which was not compiled` });
      continue;
    }
    const table = tables.get(file.path) ?? lineTable(file.text);
    tables.set(file.path, table);
    const problem = misplaced(d.start, file.text, table) ?? misplaced(d.end, file.text, table) ?? (d.end.offset < d.start.offset ? `ends (${d.end.offset}) before it starts (${d.start.offset})` : undefined);
    if (problem) failures.push({ kind: 'span', detail: `${d.code} at ${d.file}:${d.start.line}:${d.start.column}: ${problem} — ${d.message}` });
  }
  return failures;
}

// ---- formatting --------------------------------------------------------------------------------

/** `tor fmt` refuses with an error, or returns text that parses to the same tree, keeps every comment and word, and formats to itself. */
export function formatFailures(file: SourceFile): Failure[] {
  const result = formatSource(file);
  if (result.text === undefined) {
    return hasErrors(result.diagnostics) ? [] : [{ kind: 'fmt-refused-silently', detail: 'formatSource returned no text and no error' }];
  }
  const before = buildFile(file.path, file.text);
  const after = buildFile(file.path, result.text);
  const failures: Failure[] = [];
  const damage = (detail: string) => failures.push({ kind: 'fmt-damaged', detail });
  if (hasErrors(before.diagnostics)) damage('formatted a file that has errors');
  if (hasErrors(after.diagnostics)) damage(`the formatted text does not parse: ${after.diagnostics.find((d) => d.severity === 'error')!.message}`);
  if (JSON.stringify(commentTexts(result.text)) !== JSON.stringify(commentTexts(file.text))) damage('a comment changed');
  if (JSON.stringify(proseWords(after.ast.declarations)) !== JSON.stringify(proseWords(before.ast.declarations))) damage('a word of prose changed');
  if (formattedShape(after.ast.declarations) !== formattedShape(before.ast.declarations)) damage('the formatted text reads as a different tree');
  const again = formatSource({ path: file.path, text: result.text }).text;
  if (again !== result.text) failures.push({ kind: 'fmt-not-idempotent', detail: 'formatting the formatted text changed it' });
  return failures;
}
