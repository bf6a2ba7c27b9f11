/**
 * JSON for files people read and diff, the same bytes for the same value however it was
 * built: object keys in code-point order at every level; two-space indentation; an array or
 * object whose one-line form (`{"in": ["dcs", {"var": "present"}]}`) is at most
 * `INLINE` characters stays on one line; a final newline. Arrays keep their order (the bundle
 * puts them in source order, which is itself stable). As with JSON.stringify, `undefined`
 * members are left out, and `undefined` array items and non-finite numbers become `null`.
 */
export function stableStringify(value: unknown): string {
  const lines: Lines = new Map();
  measure(value, lines);
  const out = { text: '' };
  write(value, '', lines, out);
  return `${out.text}\n`;
}

/** The longest array or object kept on one line. */
const INLINE = 80;

/** Each array's and object's one-line form (undefined when it has none) and an object's sorted keys. */
type Lines = Map<object, { line: string | undefined; keys: string[] | undefined }>;

/** `"key": ` for the few key names a bundle has, built once. */
const NAMES = new Map<string, string>();
function named(key: string): string {
  let name = NAMES.get(key);
  if (name === undefined) {
    name = `${JSON.stringify(key)}: `;
    if (NAMES.size < 1000) NAMES.set(key, name);
  }
  return name;
}

/**
 * First pass, bottom-up: the one-line form of every array and object that has one (all its
 * members do, and it fits), so the second pass never builds a string twice.
 */
function measure(value: unknown, lines: Lines): string | undefined {
  if (value === null || typeof value !== 'object') return scalar(value);
  const parts: string[] = [];
  let length = 2;
  let fits = true;
  if (Array.isArray(value)) {
    for (const item of value) {
      const line = measure(item, lines);
      if (line === undefined) fits = false;
      else if (fits) {
        length += line.length + (parts.length > 0 ? 2 : 0);
        parts.push(line);
        fits = length <= INLINE;
      }
    }
    const line = fits ? `[${parts.join(', ')}]` : undefined;
    lines.set(value, { line, keys: undefined });
    return line;
  }
  const record = value as Record<string, unknown>;
  const keys = keysOf(record);
  for (const key of keys) {
    const line = measure(record[key], lines);
    if (line === undefined) fits = false;
    else if (fits) {
      const part = named(key) + line;
      length += part.length + (parts.length > 0 ? 2 : 0);
      parts.push(part);
      fits = length <= INLINE;
    }
  }
  const line = fits ? `{${parts.join(', ')}}` : undefined;
  lines.set(value, { line, keys });
  return line;
}

/** Appends to `out.text`: V8 joins appended strings lazily, faster than an array of parts. */
function write(value: unknown, indent: string, lines: Lines, out: { text: string }): void {
  if (value === null || typeof value !== 'object') {
    out.text += scalar(value);
    return;
  }
  const known = lines.get(value)!;
  if (known.line !== undefined) {
    out.text += known.line;
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    out.text += '[';
    for (let i = 0; i < value.length; i++) {
      out.text += i === 0 ? `\n${inner}` : `,\n${inner}`;
      write(value[i], inner, lines, out);
    }
    out.text += `\n${indent}]`;
  } else {
    const record = value as Record<string, unknown>;
    const keys = known.keys!;
    out.text += '{';
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      out.text += (i === 0 ? `\n${inner}` : `,\n${inner}`) + named(key);
      write(record[key], inner, lines, out);
    }
    out.text += `\n${indent}}`;
  }
}

/** Characters JSON.stringify escapes: quotes, backslashes, controls, lone surrogates. */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

function scalar(value: unknown): string {
  if (typeof value === 'string') return ESCAPED.test(value) ? JSON.stringify(value) : `"${value}"`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return 'null';
}

function keysOf(record: Record<string, unknown>): string[] {
  return Object.keys(record)
    .filter((k) => record[k] !== undefined && typeof record[k] !== 'function')
    .sort(compareCodePoints);
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
