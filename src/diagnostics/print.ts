import pc from 'picocolors';
import type { Diagnostic, Position, Severity } from './diagnostic.js';

/**
 * Printers turn diagnostics into text. They are pure (no terminal, no file system):
 * the caller passes the source texts and says whether colour is wanted.
 */

type Colors = ReturnType<typeof pc.createColors>;

export interface StylishOptions {
  color: boolean;
  /** Longest source line shown in a code frame, in terminal cells; longer lines are cropped around the span. */
  maxWidth?: number;
  /** What the rules were applied for, e.g. `Working Together 2026`; ends the summary line. */
  checkedAgainst?: string;
}

/** Tabs are shown as this many spaces, so carets line up whatever the terminal's tab stops. */
const TAB_WIDTH = 4;
const DEFAULT_MAX_WIDTH = 100;
/** Cells of context kept to the left of the span when a long line is cropped. */
const CROP_LEAD = 20;

/**
 * The terminal format: grouped by file, one header line per diagnostic
 * (`file:line:col  severity  message  code`), a code frame, the hint, then a summary.
 * Returns '' for no diagnostics.
 */
export function stylish(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  options: StylishOptions,
): string {
  if (diagnostics.length === 0) return '';
  const c = pc.createColors(options.color);
  const maxWidth = options.maxWidth ?? DEFAULT_MAX_WIDTH;
  const blocks: string[] = [];
  for (const [file, group] of groupByFile(diagnostics)) {
    const lines = splitLines(sources.get(file));
    for (const d of group) blocks.push(formatOne(d, lines, maxWidth, c));
  }
  blocks.push(summary(diagnostics, c, options.checkedAgainst));
  return blocks.join('\n\n');
}

/** A JSON array of the diagnostics, keys in a fixed order so output is byte-stable. */
export function json(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(diagnostics.map(canonical), null, 2);
}

function canonical(d: Diagnostic): Diagnostic {
  const out: Diagnostic = {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.file,
    start: position(d.start),
    end: position(d.end),
  };
  if (d.hint !== undefined) out.hint = d.hint;
  if (d.citation !== undefined) out.citation = d.citation;
  return out;
}

function position(p: Position): Position {
  return { line: p.line, column: p.column, offset: p.offset };
}

/** Keeps the caller's order within a file; files appear in the order first seen. */
function groupByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const group = groups.get(d.file);
    if (group) group.push(d);
    else groups.set(d.file, [d]);
  }
  return groups;
}

/**
 * The text with only the lines that the code frames of `diagnostics` show (see codeFrame: a
 * diagnostic's line and the one before); every other line up to the last of them is left empty,
 * so line numbers still hold. A check of many projects keeps this of each file rather than the
 * file, which would stay in memory until the end only to show a few lines.
 */
export function framedLines(text: string, diagnostics: readonly Diagnostic[]): string {
  const shown = new Set<number>();
  let last = 0;
  for (const d of diagnostics) {
    shown.add(d.start.line).add(d.start.line - 1);
    last = Math.max(last, d.start.line);
  }
  const lines: string[] = [];
  for (let start = 0, line = 1; line <= last; line++) {
    const end = text.indexOf('\n', start);
    lines.push(shown.has(line) ? text.slice(start, end < 0 ? text.length : end) : '');
    if (end < 0) break;
    start = end + 1;
  }
  // join makes a new string, so nothing here refers to (and keeps alive) the whole text.
  return lines.join('\n');
}

function splitLines(text: string | undefined): readonly string[] | undefined {
  return text?.split(/\r?\n/);
}

function severityColor(severity: Severity, c: Colors): (s: string) => string {
  switch (severity) {
    case 'error':
      return (s) => c.bold(c.red(s));
    case 'warning':
      return (s) => c.bold(c.yellow(s));
    case 'info':
      return (s) => c.bold(c.cyan(s));
  }
}

function formatOne(d: Diagnostic, lines: readonly string[] | undefined, maxWidth: number, c: Colors): string {
  const paint = severityColor(d.severity, c);
  const out = [
    `${c.bold(`${d.file}:${d.start.line}:${d.start.column}`)}  ${paint(d.severity)}  ${d.message}  ${c.dim(d.code)}`,
  ];
  if (lines) out.push(...codeFrame(d, lines, maxWidth, c, paint));
  if (d.hint !== undefined) out.push(help(d.hint, c));
  return out.join('\n');
}

/** `help: …`, with the lines of a multi-line hint indented under its first. */
function help(hint: string, c: Colors): string {
  const [first, ...rest] = hint.split('\n');
  return [`  ${c.cyan('help:')} ${first ?? ''}`, ...rest.map((line) => `        ${line}`)].join('\n');
}

/**
 * The line before the span, the span's line, and carets under the span. A span that runs
 * over several lines is underlined to the end of its first line. Returns nothing when the
 * position is not in the text (a stale or synthetic diagnostic).
 */
function codeFrame(
  d: Diagnostic,
  lines: readonly string[],
  maxWidth: number,
  c: Colors,
  paint: (s: string) => string,
): string[] {
  const lineIndex = d.start.line - 1;
  const text = lines[lineIndex];
  if (text === undefined) return [];
  const startIndex = Math.min(Math.max(d.start.column - 1, 0), text.length);
  const endIndex = d.end.line === d.start.line ? Math.min(Math.max(d.end.column - 1, startIndex), text.length) : text.length;

  const shown = displayLine(text, startIndex, endIndex, maxWidth);
  const gutterWidth = String(d.start.line).length;
  const gutter = (label: string) => c.dim(`${label.padStart(gutterWidth)} |`);
  const withText = (label: string, body: string) => (body === '' ? gutter(label) : `${gutter(label)} ${body}`);

  const frame: string[] = [];
  const before = lines[lineIndex - 1];
  if (before !== undefined) frame.push(withText(String(d.start.line - 1), displayLine(before, 0, 0, maxWidth).text));
  frame.push(withText(String(d.start.line), shown.text));
  frame.push(`${gutter('')} ${' '.repeat(shown.caretStart)}${paint('^'.repeat(shown.caretWidth))}`);
  return frame.map((line) => `  ${line}`);
}

interface DisplayLine {
  text: string;
  /** Cells before the first caret. */
  caretStart: number;
  /** At least 1, so an empty span still gets a caret. */
  caretWidth: number;
}

/**
 * A source line as the terminal will show it: tabs expanded, trailing blanks dropped, and
 * a line wider than `maxWidth` cropped to a window around the span, with `…` at the cuts.
 * `start`/`end` are UTF-16 indexes into `text` (columns are counted that way).
 */
function displayLine(text: string, start: number, end: number, maxWidth: number): DisplayLine {
  const expanded = expandTabs(text.slice(0, start));
  const spanText = expandTabs(text.slice(start, end));
  const full = (expanded + spanText + expandTabs(text.slice(end))).trimEnd();
  let caretStart = expanded.length;
  let caretWidth = Math.max(spanText.length, 1);
  if (full.length <= maxWidth) return { text: full, caretStart, caretWidth };

  const left = Math.max(0, Math.min(caretStart - CROP_LEAD, full.length - maxWidth));
  const right = left + maxWidth;
  let window = full.slice(left, right);
  // The ellipses replace a character rather than adding one, so caret arithmetic stays simple.
  if (left > 0) window = `…${window.slice(1)}`;
  if (right < full.length) window = `${window.slice(0, -1)}…`;
  caretStart -= left;
  caretWidth = Math.max(1, Math.min(caretWidth, maxWidth - caretStart));
  return { text: window, caretStart, caretWidth };
}

function expandTabs(text: string): string {
  return text.replaceAll('\t', ' '.repeat(TAB_WIDTH));
}

/** `3 errors, 1 warning in 2 files, checked against Working Together 2026`. */
function summary(diagnostics: readonly Diagnostic[], c: Colors, checkedAgainst: string | undefined): string {
  const count = (severity: Severity) => diagnostics.filter((d) => d.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const infos = count('info');
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const parts: string[] = [];
  if (errors > 0) parts.push(plural(errors, 'error', 'errors'));
  if (warnings > 0) parts.push(plural(warnings, 'warning', 'warnings'));
  if (infos > 0) parts.push(plural(infos, 'info', 'info'));
  const against = checkedAgainst === undefined ? '' : `, checked against ${checkedAgainst}`;
  const text = `${parts.join(', ')} in ${plural(files, 'file', 'files')}${against}`;
  if (errors > 0) return c.bold(c.red(text));
  if (warnings > 0) return c.bold(c.yellow(text));
  return c.bold(text);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
