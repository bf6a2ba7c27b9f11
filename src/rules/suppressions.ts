import { diagnostic, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/suggest.js';
import type { Comment } from '../syntax/lexer.js';
import type { SourceFile } from '../syntax/source.js';

/**
 * `# tor-ignore <rule-id>: <reason>` silences one rule for the next line and everything
 * indented under it. The reason is required: a finding is set aside on the record, not
 * hidden. A suppression that silences nothing is reported, so stale ones do not linger.
 */
export interface Suppression {
  rule: string;
  reason: string;
  file: string;
  fromLine: number;
  toLine: number;
  span: Span;
}

const DIRECTIVE = /^\s*tor-ignore\b\s*([^\s:]*)\s*(?::\s*(.*))?$/;

export function findSuppressions(file: SourceFile, comments: readonly Comment[], ruleIds: readonly string[]): { suppressions: Suppression[]; diagnostics: Diagnostic[] } {
  const suppressions: Suppression[] = [];
  const diagnostics: Diagnostic[] = [];
  let lines: string[] | undefined;
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    lines ??= file.text.split(/\r\n|\r|\n/);
    const column = comment.offset - lineStart(lines, comment.line) + 1;
    const span: Span = {
      file: file.path,
      start: { line: comment.line, column, offset: comment.offset },
      end: { line: comment.line, column: column + comment.text.length + 1, offset: comment.offset + comment.text.length + 1 },
    };
    const rule = m[1] ?? '';
    const reason = (m[2] ?? '').trim();
    if (!ruleIds.includes(rule)) {
      const best = closest(rule, ruleIds);
      diagnostics.push(diagnostic('suppression/unknown-rule', 'error', span, rule ? `\`${rule}\` is not a rule${best ? ` — did you mean \`${best}\`?` : '.'}` : '`tor-ignore` needs the id of the rule to silence.', 'Write `# tor-ignore <rule-id>: <reason>`; `tor rules` lists the ids.'));
      continue;
    }
    if (!reason) {
      diagnostics.push(diagnostic('suppression/missing-reason', 'error', span, `Silencing \`${rule}\` needs a reason.`, `Write \`# tor-ignore ${rule}: <why this is right here>\`, e.g. the minute that agreed it.`));
      continue;
    }
    const [fromLine, toLine] = blockAfter(lines, comment.line);
    suppressions.push({ rule, reason, file: file.path, fromLine, toLine, span });
  }
  return { suppressions, diagnostics };
}

/** Removes the findings that suppressions cover and reports suppressions that covered none. */
export function applySuppressions(diagnostics: readonly Diagnostic[], suppressions: readonly Suppression[]): Diagnostic[] {
  const used = new Set<Suppression>();
  const kept = diagnostics.filter((d) => {
    const by = suppressions.find((s) => s.rule === d.code && s.file === d.file && d.start.line >= s.fromLine && d.start.line <= s.toLine);
    if (by) used.add(by);
    return !by;
  });
  for (const s of suppressions) {
    if (!used.has(s)) kept.push(diagnostic('suppression/unused', 'warning', s.span, `This \`tor-ignore ${s.rule}\` silences nothing.`, 'Remove it: the finding it was for is gone.'));
  }
  return kept;
}

function lineStart(lines: readonly string[], line: number): number {
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i]!.length + 1;
  return offset;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The first statement line after `line`, and the last line indented under it. */
function blockAfter(lines: readonly string[], line: number): [number, number] {
  let first = line;
  while (first < lines.length && (lines[first]!.trim() === '' || lines[first]!.trim().startsWith('#'))) first++;
  if (first >= lines.length) return [line, line];
  const indent = indentOf(lines[first]!);
  let last = first;
  for (let i = first + 1; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === '') continue;
    if (indentOf(text) <= indent) break;
    last = i;
  }
  return [first + 1, last + 1];
}
