import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFiles, type HtmlFile } from '../../../src/backends/html/build.js';
import { compile } from '../../../src/compile.js';
import type { Model } from '../../../src/model/model.js';

/** Small readers of the HTML tor writes (its own markup, so a tokenizer is enough), shared by the HTML tests. */

export const ROOT = join(import.meta.dirname, '..', '..', '..');

export function exampleModel(name: string): Model {
  const dir = join(ROOT, 'examples', name);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.tor'))
    .sort()
    .map((f) => ({ path: `examples/${name}/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
  const { model } = compile(files);
  if (!model) throw new Error(`examples/${name} gives no model`);
  return model;
}

const built = new Map<string, Promise<HtmlFile[]>>();

/** The pages `tor build --format html` writes for an example (with the structure diagram), built once per test file. */
export function examplePages(name: string): Promise<Map<string, string>> {
  if (!built.has(name)) built.set(name, htmlFiles({ model: exampleModel(name), root: join(ROOT, 'examples', name), config: {} }));
  return built.get(name)!.then((files) => new Map(files.filter((f) => f.path.endsWith('.html')).map((f) => [f.path, f.content as string])));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#x27': "'", '#39': "'", '#x3D': '=', '#x60': '`', nbsp: ' ' };

export function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name in ENTITIES) return ENTITIES[name]!;
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return whole;
  });
}

/** The words a reader sees: style and script dropped, every tag a space, entities decoded. */
export function pageText(html: string): string {
  return decode(
    html
      .replace(/<style[\s\S]*?<\/style>/gi, ' ')
      .replace(/<script[\s\S]*?<\/script>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attrs: Record<string, string>;
  at: number;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export function tags(html: string): Tag[] {
  const out: Tag[] = [];
  const body = html.replace(/<style[\s\S]*?<\/style>/gi, (m) => ' '.repeat(m.length)).replace(/<!--[\s\S]*?-->/g, (m) => ' '.repeat(m.length));
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of m[3]!.matchAll(/([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) attrs[a[1]!.toLowerCase()] = decode(a[2] ?? a[3] ?? a[4] ?? '');
    out.push({ name: m[2]!.toLowerCase(), closing: m[1] === '/', selfClosing: m[4] === '/' || VOID.has(m[2]!.toLowerCase()), attrs, at: m.index });
  }
  return out;
}

/** Problems with the nesting of tags: every element closed, in order. */
export function nestingProblems(html: string): string[] {
  const stack: string[] = [];
  const problems: string[] = [];
  for (const t of tags(html)) {
    if (t.name === '!doctype') continue;
    if (t.closing) {
      const top = stack.pop();
      if (top !== t.name) problems.push(`</${t.name}> at ${t.at} closes <${top ?? 'nothing'}>`);
    } else if (!t.selfClosing) stack.push(t.name);
  }
  if (stack.length > 0) problems.push(`never closed: ${stack.join(', ')}`);
  return problems;
}

export function headings(html: string): Array<{ level: number; id: string | undefined }> {
  return tags(html)
    .filter((t) => !t.closing && /^h[1-6]$/.test(t.name))
    .map((t) => ({ level: Number(t.name[1]), id: t.attrs['id'] }));
}

export function ids(html: string): string[] {
  return tags(html)
    .filter((t) => !t.closing && t.attrs['id'] !== undefined)
    .map((t) => t.attrs['id']!);
}

export function hrefs(html: string): string[] {
  return tags(html)
    .filter((t) => t.name === 'a' && !t.closing && t.attrs['href'] !== undefined)
    .map((t) => t.attrs['href']!);
}

/** The main content only: between <main> and </main>. */
export function main(html: string): string {
  const start = html.indexOf('<main');
  const end = html.indexOf('</main>');
  return start >= 0 && end > start ? html.slice(start, end) : '';
}
