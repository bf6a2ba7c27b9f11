import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Block } from '../../../src/backends/document/types.js';

/**
 * poppler-utils (pdfinfo, pdftotext, pdftohtml) for reading the PDFs back. `.ci/run`
 * installs it; elsewhere a machine without it skips these tests, loudly.
 */
export const HAVE_POPPLER = spawnSync('pdfinfo', ['-v'], { encoding: 'utf8' }).status === 0;
export const IN_CI = process.env['CI'] === 'true';

if (!HAVE_POPPLER && !IN_CI) {
  console.warn('\n*** pdfinfo not found: the PDF tests that read PDFs back are SKIPPED. Install poppler-utils (apt-get install poppler-utils) to run them. ***\n');
}

/** Writes the bytes to a temporary file for the duration of `use`. */
export function withFile<T>(bytes: Uint8Array, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'tor-pdf-'));
  try {
    const path = join(dir, 'doc.pdf');
    writeFileSync(path, bytes);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: readonly string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** pdfinfo's fields, by name. */
export function pdfinfo(bytes: Uint8Array): Record<string, string> {
  const out = withFile(bytes, (path) => run('pdfinfo', [path]));
  return Object.fromEntries(out.split('\n').flatMap((line) => {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    return m ? [[m[1]!.trim(), m[2]!.trim()]] : [];
  }));
}

/** The structure tree with its text, as `pdfinfo -struct-text` prints it. */
export function structText(bytes: Uint8Array): string {
  return withFile(bytes, (path) => run('pdfinfo', ['-struct-text', path]));
}

export function pdffonts(bytes: Uint8Array): string {
  return withFile(bytes, (path) => run('pdffonts', [path]));
}

/** The text of the whole document, or of one page (1-based). */
export function pdftotext(bytes: Uint8Array, page?: number): string {
  return withFile(bytes, (path) => run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), path, '-']));
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
}

/** Every line of the document (or of one page) as its words with positions, from `pdftotext -bbox-layout`. */
export function lines(bytes: Uint8Array, page?: number): Word[][] {
  const html = withFile(bytes, (path) => run('pdftotext', ['-bbox-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), path, '-']));
  return [...html.matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)].map((m) =>
    [...m[1]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((w) => ({ xMin: Number(w[1]), yMin: Number(w[2]), text: decode(w[3]!) })),
  );
}

export interface OutlineItem {
  title: string;
  page: number;
  children: OutlineItem[];
}

/** The document outline (bookmarks), nested, with the page each entry opens: from `pdftohtml -xml`. */
export function outline(bytes: Uint8Array): OutlineItem[] {
  const xml = withFile(bytes, (path) => run('pdftohtml', ['-xml', '-i', '-q', '-stdout', path]));
  const start = xml.indexOf('<outline>');
  if (start < 0) return [];
  const root: OutlineItem[] = [];
  const stack: OutlineItem[][] = [];
  let current = root;
  for (const m of xml.slice(start).matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
    if (m[0] === '<outline>') {
      stack.push(current);
      current = current === root && stack.length === 1 ? root : current[current.length - 1]!.children;
    } else if (m[0] === '</outline>') {
      current = stack.pop()!;
      if (stack.length === 0) break;
    } else {
      current.push({ title: decode(m[2]!), page: Number(m[1]), children: [] });
    }
  }
  return root;
}

function decode(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');
}

/** White space collapsed, for finding sentences whatever the line breaks. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface Row {
  y: number;
  words: Word[];
  text: string;
}

/** The rows of one page, top to bottom: words on the same baseline, left to right, whatever block poppler put them in. */
export function rows(bytes: Uint8Array, page: number): Row[] {
  const byY = new Map<number, Word[]>();
  for (const word of lines(bytes, page).flat()) {
    const y = Math.round(word.yMin);
    byY.set(y, [...(byY.get(y) ?? []), word]);
  }
  return [...byY]
    .sort((a, b) => a[0] - b[0])
    .map(([y, words]) => {
      const sorted = words.sort((a, b) => a.xMin - b.xMin);
      return { y, words: sorted, text: sorted.map((w) => w.text).join(' ') };
    });
}

/** An outline as nested titles: a leaf is its title, a parent `[title, children]`. */
export function titles(items: readonly OutlineItem[]): unknown[] {
  return items.map((i) => (i.children.length > 0 ? [i.title, titles(i.children)] : i.title));
}

export function flatten(items: readonly OutlineItem[]): OutlineItem[] {
  return items.flatMap((i) => [i, ...flatten(i.children)]);
}

/** The headings of a document nested by level, in the shape `titles` gives. */
export function headingTree(blocks: readonly Block[]): unknown[] {
  interface Node {
    title: string;
    level: number;
    children: Node[];
  }
  const root: Node[] = [];
  const stack: Node[] = [];
  for (const b of blocks) {
    if (b.kind !== 'heading') continue;
    while (stack.length > 0 && stack[stack.length - 1]!.level >= b.level) stack.pop();
    const node: Node = { title: b.text, level: b.level, children: [] };
    (stack[stack.length - 1]?.children ?? root).push(node);
    stack.push(node);
  }
  const shape = (nodes: Node[]): unknown[] => nodes.map((n) => (n.children.length > 0 ? [n.title, shape(n.children)] : n.title));
  return shape(root);
}
