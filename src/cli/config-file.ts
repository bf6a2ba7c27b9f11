import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { CONFIG_FILE, emptyConfig, parseConfig, type Config, type ConfigPath, type Locate } from '../config/config.js';
import type { Diagnostic, Position, Span } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../index.js';
import { displayPath, type LoadFailure } from './load.js';
import { errorCode, reason } from './io-errors.js';

/**
 * Reading tor.config.yaml from a project's root: the file system and YAML live here, the
 * checking in src/config/config.ts. YAML errors and bad keys come back as diagnostics in
 * the config file, with line and column, like any other problem in the project.
 */

export interface ProjectConfig {
  config: Config;
  diagnostics: Diagnostic[];
  /** The file as read, for code frames; absent when the project has none. */
  source?: SourceFile;
}

export async function readProjectConfig(
  root: string,
  ruleIds: readonly string[],
  cwd: string = process.cwd(),
): Promise<{ ok: true; value: ProjectConfig } | { ok: false; failure: LoadFailure }> {
  const absolute = join(root, CONFIG_FILE);
  const path = displayPath(absolute, cwd);
  // No file is the usual case: the defaults apply. Asked without an exception, which costs more than the asking.
  if (statSync(absolute, { throwIfNoEntry: false }) === undefined) return { ok: true, value: { config: emptyConfig(), diagnostics: [] } };
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { ok: true, value: { config: emptyConfig(), diagnostics: [] } };
    return { ok: false, failure: { kind: 'unreadable', path, reason: reason(error) } };
  }
  const parsed = parseConfigText(text, path, ruleIds);
  if (parsed.diagnostics.length === 0) parsed.diagnostics.push(...(await againstSchema(text, path)));
  return { ok: true, value: { ...parsed, source: { path, text } } };
}

/**
 * The file is also validated against the shipped JSON Schema, which is the contract other
 * tools read, by the validator ajv generated from it ahead of time (`npm run schema:validators`).
 * parseConfig explains mistakes better, so it speaks first; a file it accepts but the schema
 * refuses is still refused, naming the key.
 */
async function againstSchema(text: string, path: string): Promise<Diagnostic[]> {
  const { validate } = await import('../config/validate-config.generated.js');
  const doc = parseDocument(text);
  if (validate(doc.toJS())) return [];
  const at = positions(text);
  return (validate.errors ?? []).map((e): Diagnostic => {
    const key = e.instancePath.split('/').filter(Boolean).join('.') || '(the file)';
    return { code: 'config/schema', severity: 'error', message: `\`${key}\` ${e.message ?? 'is not allowed here'}.`, file: path, ...at(0, 0), hint: 'See the keys tor.config.yaml may have in the README.' };
  });
}

/** Parses the text of a config file shown as `path`; exported for tests. */
export function parseConfigText(text: string, path: string, ruleIds: readonly string[]): { config: Config; diagnostics: Diagnostic[] } {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const at = positions(text);
  if (doc.errors.length > 0) {
    // A file YAML cannot read is not half-applied: the defaults apply until it is fixed.
    const diagnostics = doc.errors.map((e): Diagnostic => ({
      code: 'config/yaml',
      severity: 'error',
      message: `${CONFIG_FILE} is not valid YAML: ${firstLine(e.message)}`,
      file: path,
      ...at(e.pos[0], e.pos[1]),
      hint: 'Write `key: value` lines; list items start with `- `; indent with spaces, not tabs. Quote patterns that start with `*`.',
    }));
    return { config: emptyConfig(), diagnostics };
  }
  return parseConfig(doc.toJS(), ruleIds, locator(doc, path, at));
}

type At = (start: number, end: number) => { start: Position; end: Position };

/** Offsets in `text` to line and column, both from 1. */
function positions(text: string): At {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const position = (offset: number): Position => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let line = lineStarts.length - 1;
    while (lineStarts[line]! > clamped) line--;
    return { line: line + 1, column: clamped - lineStarts[line]! + 1, offset: clamped };
  };
  return (start, end) => ({ start: position(start), end: position(Math.max(start, end)) });
}

/** Finds the key or value a config path names in the parsed document; falls back to the nearest enclosing node. */
function locator(doc: Document, file: string, at: At): Locate {
  return (path: ConfigPath, part): Span => {
    let node: unknown = doc.contents;
    let key: unknown;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        key = pair.key;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        key = undefined;
        node = node.items[segment];
      } else {
        break;
      }
    }
    // `key:` with nothing after it has no value to point at, so point at the key.
    const value = isScalar(node) && node.value === null ? undefined : node;
    const target = part === 'key' ? (key ?? value) : (value ?? key);
    const range = rangeOf(target);
    return { file, ...(range ? at(range[0], range[1]) : at(0, 0)) };
  };
}

function rangeOf(node: unknown): readonly [number, number] | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range = (node as { range?: readonly number[] | null }).range;
  return range && range.length >= 2 ? [range[0]!, range[1]!] : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
