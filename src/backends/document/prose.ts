import type { Placeholder, Prose, ProseItem, ProseList } from '../../syntax/ast.js';
import { joinLines } from '../../syntax/prose.js';
import { inline } from './inline.js';
import type { Block, ListBlock } from './types.js';
import { slugify } from './words.js';

/** A heading level of the document tree. */
export type Level = 1 | 2 | 3 | 4;

export function clampLevel(n: number): Level {
  return Math.max(1, Math.min(4, n)) as Level;
}

/** One document being built: the anchors it has used and its footnote numbering. */
export class DocContext {
  private readonly used = new Set<string>();
  private notes = 0;
  /** The id of the latest heading made: where content being built now can be linked to. */
  current: string | undefined;

  constructor(readonly slug: string) {}

  /** A new anchor id in this document, from `base` (made unique with -2, -3, …). */
  anchor(base: string): string {
    const stem = slugify(base);
    let id = stem;
    for (let n = 2; this.used.has(id); n++) id = `${stem}-${n}`;
    this.used.add(id);
    return id;
  }

  footnoteId(): string {
    let id: string;
    do id = `fn-${++this.notes}`;
    while (this.used.has(id));
    this.used.add(id);
    return id;
  }

  heading(level: Level, text: string, idBase: string = text): Block {
    const id = this.anchor(idBase);
    this.current = id;
    return { kind: 'heading', level, text, id };
  }
}

/** What to put where a placeholder stands; `level` is the heading level of a sub-part there. */
export type PlaceholderFn = (p: Placeholder, level: Level) => Block[];

/**
 * Prose as blocks: paragraphs (lines joined), lists (nested), footnote definitions (together,
 * where they are written), placeholders (filled by `fill`), sub-sections as headings at `level`.
 */
export function proseBlocks(prose: Prose | undefined, ctx: DocContext, level: Level, fill?: PlaceholderFn): Block[] {
  if (!prose) return [];
  const notes = new Map<string, string>();
  for (const item of prose.items) if (item.kind === 'footnote' && !notes.has(item.marker)) notes.set(item.marker, ctx.footnoteId());
  const defined = new Set<string>();
  const out: Block[] = [];
  for (const item of prose.items) {
    const block = itemBlocks(item, ctx, level, notes, defined, fill);
    for (const b of block) {
      const last = out[out.length - 1];
      if (b.kind === 'footnotes' && last?.kind === 'footnotes') last.items.push(...b.items);
      else out.push(b);
    }
  }
  return out;
}

function itemBlocks(item: ProseItem, ctx: DocContext, level: Level, notes: Map<string, string>, defined: Set<string>, fill: PlaceholderFn | undefined): Block[] {
  switch (item.kind) {
    case 'paragraph':
      return [{ kind: 'paragraph', content: inline(joinLines(item.lines), notes) }];
    case 'list':
      return [listBlock(item, notes)];
    case 'footnote': {
      // A marker defined twice: the first definition is the one references point at.
      const id = defined.has(item.marker) ? undefined : notes.get(item.marker);
      defined.add(item.marker);
      const entry: { marker: string; content: ReturnType<typeof inline>; id?: string } = { marker: item.marker, content: inline(joinLines(item.lines), notes) };
      if (id !== undefined) entry.id = id;
      return [{ kind: 'footnotes', items: [entry] }];
    }
    case 'placeholder':
      return fill ? fill(item, level) : [];
    case 'section':
      return [ctx.heading(level, item.title.text, item.id.name), ...proseBlocks(item.body, ctx, clampLevel(level + 1), fill)];
  }
}

function listBlock(list: ProseList, notes: ReadonlyMap<string, string>): ListBlock {
  return {
    kind: 'list',
    ordered: list.ordered,
    items: list.items.map((item) => ({ content: inline(joinLines(item.lines), notes), children: item.children ? listBlock(item.children, notes) : undefined })),
  };
}
