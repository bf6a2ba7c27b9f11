import type { Inline } from './types.js';

/**
 * Prose text to inline content: `**bold**`, web addresses and email addresses as links, and
 * footnote markers (`*`, `[1]`) written after a word as references when the prose defines
 * them. Everything else is text, exactly as written: a `javascript:` address is only words.
 */

// Bold first (so `**` is not read as a footnote marker), then addresses, then markers. An email
// address starts only where a run of its characters starts: trying every `.` inside a long run
// ("a.a.a.a…") as a start would take time quadratic in the run.
const TOKEN = /\*\*(?=\S)(.+?)\*\*|\bhttps?:\/\/[^\s<>"]+|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|\[\d{1,3}\]|\*{1,4}/g;
/** Punctuation that ends a sentence rather than an address written just before it. */
const TRAILING = new Set(".,;:!?)]'\"’");

/** The punctuation at the end of an address; a loop, as `/[.,…]+$/` would retry from every dot of a long run. */
function trailingPunctuation(token: string): string {
  let start = token.length;
  while (start > 0 && TRAILING.has(token[start - 1]!)) start--;
  return token.slice(start);
}

/** `notes`: footnote markers this prose defines, each with its anchor id. */
export function inline(text: string, notes: ReadonlyMap<string, string> = new Map()): Inline[] {
  const out: Inline[] = [];
  const push = (item: Inline): void => {
    const last = out[out.length - 1];
    if (item.kind === 'text' && last?.kind === 'text') last.text += item.text;
    else if (item.kind !== 'text' || item.text !== '') out.push(item);
  };
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    let token = m[0];
    push({ kind: 'text', text: text.slice(at, start) });
    at = start + token.length;
    if (m[1] !== undefined) {
      push({ kind: 'strong', text: m[1] });
    } else if (/^https?:/i.test(token)) {
      const trailing = trailingPunctuation(token);
      // Keep a closing bracket that closes one opened inside the address (Wikipedia-style).
      const keep = trailing.startsWith(')') && token.slice(0, -trailing.length).includes('(') ? 1 : 0;
      const cut = trailing.length - keep;
      if (cut > 0) {
        token = token.slice(0, -cut);
        at -= cut;
      }
      push({ kind: 'link', text: token, href: token });
    } else if (token.includes('@')) {
      push({ kind: 'link', text: token, href: `mailto:${token}` });
    } else {
      // A footnote marker counts only right after a word and when the prose defines it.
      const before = text[start - 1];
      const id = notes.get(token);
      if (id !== undefined && before !== undefined && /\S/.test(before)) push({ kind: 'footnote-ref', marker: token, id });
      else push({ kind: 'text', text: token });
    }
  }
  push({ kind: 'text', text: text.slice(at) });
  return out;
}

/** Plain text as inline content. */
export function text(value: string): Inline[] {
  return value === '' ? [] : [{ kind: 'text', text: value }];
}

/** Joins inline runs, merging neighbouring text. */
export function concat(...parts: ReadonlyArray<Inline | readonly Inline[] | string>): Inline[] {
  const out: Inline[] = [];
  for (const part of parts) {
    const items: readonly Inline[] = typeof part === 'string' ? text(part) : Array.isArray(part) ? (part as readonly Inline[]) : [part as Inline];
    for (const item of items) {
      const last = out[out.length - 1];
      if (item.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + item.text };
      else out.push({ ...item });
    }
  }
  return out;
}

/** The words of inline content, for tests and plain-text uses. */
export function plain(content: readonly Inline[]): string {
  return content.map((i) => (i.kind === 'footnote-ref' ? i.marker : i.text)).join('');
}
