import type { IToken } from 'chevrotain';
import type { Span } from '../diagnostics/diagnostic.js';
import type { Id, ListItem, Prose, ProseItem, ProseList, SectionDecl } from './ast.js';

/** What a prose block is made of before it is read: its lines, blank lines and sub-sections. */
export type ProsePiece =
  | { kind: 'line'; token: IToken }
  | { kind: 'blank'; token: IToken }
  | { kind: 'section'; decl: SectionDecl };

const BULLET = /^(-|\d{1,3}[.)])(?:\s+|$)/;
const FOOTNOTE = /^(\*{1,4}|\[\d{1,3}\])\s+/;
// The inner text is trimmed by placeholderItem: `\s*` on both sides of a lazy group backtracks quadratically.
const PLACEHOLDER = /^\{([^{}]*)\}$/;

/**
 * Lists inside lists: the seeds go three deep. The printer and the backends recurse into
 * nested lists, so deeper ones are refused (and kept as items of the deepest list allowed).
 */
export const MAX_LIST_DEPTH = 8;

interface OpenList {
  list: ProseList;
  column: number;
}

/**
 * Reads a prose block into paragraphs, (nested) lists, footnote definitions and
 * placeholders. Nesting comes from indentation relative to the block. Every word of
 * every line is kept.
 */
export function readProse(pieces: readonly ProsePiece[], blockSpan: Span, spanOf: (t: IToken) => Span, tooDeep: (item: Span) => void): Prose {
  const items: ProseItem[] = [];
  let paragraph: { lines: string[]; first: IToken; last: IToken } | undefined;
  let footnote: { marker: string; lines: string[]; first: IToken; last: IToken; column: number } | undefined;
  let lists: OpenList[] = [];
  let lastItem: { item: ListItem; textColumn: number } | undefined;

  const join = (a: Span, b: Span): Span => ({ file: a.file, start: a.start, end: b.end });

  function closeParagraph(): void {
    if (!paragraph) return;
    items.push({ kind: 'paragraph', lines: paragraph.lines, span: join(spanOf(paragraph.first), spanOf(paragraph.last)) });
    paragraph = undefined;
  }
  function closeFootnote(): void {
    if (!footnote) return;
    items.push({ kind: 'footnote', marker: footnote.marker, lines: footnote.lines, span: join(spanOf(footnote.first), spanOf(footnote.last)) });
    footnote = undefined;
  }
  function closeLists(): void {
    lists = [];
    lastItem = undefined;
  }
  function closeAll(): void {
    closeParagraph();
    closeFootnote();
    closeLists();
  }

  let pendingBlank = false;
  for (const piece of pieces) {
    if (piece.kind === 'blank') {
      closeParagraph();
      closeFootnote();
      pendingBlank = true;
      continue;
    }
    if (piece.kind === 'section') {
      closeAll();
      items.push(piece.decl);
      pendingBlank = false;
      continue;
    }
    const token = piece.token;
    const line = token.image;
    const column = token.startColumn ?? 1;

    // The first character says which patterns can match; most lines are plain sentences.
    const first = line.charCodeAt(0);
    const placeholder = first === 123 /* { */ ? PLACEHOLDER.exec(line) : null;
    if (placeholder) {
      closeAll();
      items.push(placeholderItem(placeholder[1]!, spanOf(token)));
      pendingBlank = false;
      continue;
    }
    const note = first === 42 /* * */ || first === 91 /* [ */ ? FOOTNOTE.exec(line) : null;
    if (note) {
      closeAll();
      footnote = { marker: note[1]!, lines: [line.slice(note[0].length)], first: token, last: token, column };
      pendingBlank = false;
      continue;
    }
    const bullet = first === 45 /* - */ || (first >= 48 && first <= 57) ? BULLET.exec(line) : null;
    if (footnote && !pendingBlank && !bullet) {
      footnote.lines.push(line);
      footnote.last = token;
      continue;
    }
    if (bullet) {
      closeParagraph();
      closeFootnote();
      const marker = bullet[1]!;
      const ordered = marker !== '-';
      const item: ListItem = { lines: [line.slice(bullet[0].length)], marker, children: undefined, span: spanOf(token) };
      placeListItem(item, ordered, column);
      lastItem = { item, textColumn: column + bullet[0].length };
      pendingBlank = false;
      continue;
    }
    // A plain line indented under a list item continues it.
    if (lastItem && !pendingBlank && lists.length > 0 && column > lists[0]!.column) {
      lastItem.item.lines.push(line);
      lastItem.item.span.end = spanOf(token).end;
      continue;
    }
    closeLists();
    closeFootnote();
    if (paragraph && !pendingBlank) {
      paragraph.lines.push(line);
      paragraph.last = token;
    } else {
      closeParagraph();
      paragraph = { lines: [line], first: token, last: token };
    }
    pendingBlank = false;
  }
  closeAll();
  return { items, span: blockSpan };

  function placeListItem(item: ListItem, ordered: boolean, column: number): void {
    while (lists.length > 0 && lists[lists.length - 1]!.column > column) {
      const outermost = lists.pop()!;
      // A bullet left of the outermost list still continues it: two lists of one kind in a row
      // could never be written apart, and would read back as one.
      if (lists.length === 0 && outermost.list.ordered === ordered) {
        lists.push({ list: outermost.list, column });
        break;
      }
    }
    const top = lists[lists.length - 1];
    if (top && top.column === column && top.list.ordered === ordered) {
      top.list.items.push(item);
      top.list.span.end = item.span.end;
      return;
    }
    if (top && top.column < column && lastItem && lists.length >= MAX_LIST_DEPTH) {
      tooDeep(item.span);
      top.list.items.push(item);
      top.list.span.end = item.span.end;
      return;
    }
    if (top && top.column < column && lastItem) {
      // Deeper than the open list: a nested list under the last item.
      const parent = lastItem.item;
      if (parent.children && parent.children.ordered === ordered) {
        parent.children.items.push(item);
        parent.children.span.end = item.span.end;
        lists.push({ list: parent.children, column });
      } else {
        const nested: ProseList = { kind: 'list', ordered, items: [item], span: { ...item.span } };
        parent.children = nested;
        lists.push({ list: nested, column });
      }
      return;
    }
    // A new top-level list (or a change between numbered and bulleted).
    if (top && top.column === column) lists.pop();
    const list: ProseList = { kind: 'list', ordered, items: [item], span: { ...item.span } };
    if (lists.length === 0) items.push(list);
    else {
      const parent = lastItem?.item;
      if (parent) parent.children = list;
    }
    lists.push({ list, column });
  }
}

function placeholderItem(inner: string, span: Span): ProseItem {
  const words = inner.trim().split(/\s+/);
  if (words[0]?.toLowerCase() === 'group' && words.length === 2) {
    const argument: Id = { name: words[1]!, span };
    return { kind: 'placeholder', name: 'group', argument, span };
  }
  return { kind: 'placeholder', name: words.join(' ').toLowerCase(), argument: undefined, span };
}

/** The published text of a paragraph or item: its lines joined by single spaces. */
export function joinLines(lines: readonly string[]): string {
  return lines.map((l) => l.trim()).join(' ');
}
