import type * as A from '../../src/syntax/ast.js';
import { lex } from '../../src/syntax/lexer.js';

/** A tree without positions, as JSON: what the source says, not where. */
export function shape(declarations: readonly A.Declaration[]): string {
  return JSON.stringify(declarations, (key, value: unknown) => (key === 'span' ? undefined : value), 1);
}

/** The tree as `tor fmt` must keep it: without positions, and without the numbers of numbered items, which it writes afresh. */
export function formattedShape(declarations: readonly A.Declaration[]): string {
  return JSON.stringify(declarations, (key, value: unknown) => (key === 'span' ? undefined : key === 'marker' && typeof value === 'string' ? value.replace(/^\d+/, '#') : value), 1);
}

/**
 * Every word of prose in a file, in order: paragraph, list item and footnote lines,
 * footnote markers and placeholders, sub-sections included. List markers are left out:
 * `tor fmt` numbers ordered lists afresh.
 */
export function proseWords(declarations: readonly A.Declaration[]): string[] {
  const out: string[] = [];
  const lines = (ls: readonly string[]) => {
    for (const l of ls) out.push(...l.split(/\s+/).filter((w) => w !== ''));
  };
  const list = (l: A.ProseList): void => {
    for (const item of l.items) {
      lines(item.lines);
      if (item.children) list(item.children);
    }
  };
  const prose = (p: A.Prose): void => {
    for (const item of p.items) {
      if (item.kind === 'paragraph') lines(item.lines);
      else if (item.kind === 'list') list(item);
      else if (item.kind === 'footnote') lines([item.marker, ...item.lines]);
      else if (item.kind === 'placeholder') out.push(`{${item.name}${item.argument ? ` ${item.argument.name}` : ''}}`);
      else {
        lines([item.title.text]);
        prose(item.body);
      }
    }
  };
  for (const d of declarations) {
    if (d.kind === 'section') prose(d.body);
    if (d.kind === 'partnership' || d.kind === 'group') {
      for (const s of d.body) {
        if (s.kind === 'prose') prose(s.prose);
        if (s.kind === 'section') prose(s.body);
      }
    }
  }
  return out;
}

/** The text of every comment line, in order, without trailing spaces (which `tor fmt` drops). */
export function commentTexts(text: string): string[] {
  return lex(text, 'comments.tor').comments.map((c) => c.text.trimEnd());
}

/** Cuts a long input down for an assertion message. */
export function excerpt(text: string, max = 2000): string {
  return text.length <= max ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, max))}… (${text.length} characters)`;
}
