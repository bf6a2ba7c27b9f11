import type { Diagnostic, Severity } from './diagnostic.js';

/**
 * GitHub Actions workflow commands: one `::error …::message` line per diagnostic, which
 * GitHub shows as an annotation on the pull request's diff. Escaping follows GitHub's own
 * toolkit (actions/toolkit, packages/core/src/command.ts): `%`, CR and LF in the message;
 * also `:` and `,` in property values, which would otherwise end the value.
 */

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

export function github(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map(annotation).join('\n');
}

function annotation(d: Diagnostic): string {
  const properties: [string, string][] = [
    ['file', d.file],
    ['line', String(d.start.line)],
  ];
  // GitHub accepts columns only for an annotation on a single line.
  const oneLine = d.start.line === d.end.line;
  if (oneLine) properties.push(['col', String(d.start.column)]);
  properties.push(['endLine', String(d.end.line)]);
  if (oneLine) properties.push(['endColumn', String(d.end.column)]);
  properties.push(['title', d.code]);
  const message = d.hint === undefined ? d.message : `${d.message}\n${d.hint}`;
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
  return `::${COMMAND[d.severity]} ${props}::${escapeData(message)}`;
}

export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
