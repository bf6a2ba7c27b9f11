import Handlebars from 'handlebars';
import type { Block, Inline, ListBlock, PublishedDocument } from '../document/types.js';

/**
 * The HTML backend: published documents to self-contained, accessible pages through handlebars
 * templates (a layout and one partial per block and inline kind). Pure: the templates come in as
 * text and the pages go out as text. Every word from the sources goes through `{{ }}`, so it is
 * escaped; only links to http(s), mailto and the published pages themselves become links.
 */

/** The templates tor uses: `layout` and the partials, by name. */
export const TEMPLATE_NAMES = [
  'layout',
  'styles',
  'header',
  'footer',
  'blocks',
  'inlines',
  'heading',
  'paragraph',
  'list',
  'table',
  'diagram',
  'footnotes',
  'contents',
  'text',
  'strong',
  'link',
  'footnote-ref',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** Partials whose output runs on inside a line of text. */
const INLINE_PARTIALS: ReadonlySet<string> = new Set(['inlines', 'text', 'strong', 'link', 'footnote-ref', 'heading', 'paragraph', 'blocks']);
export type Templates = Readonly<Record<TemplateName, string>>;

export interface Branding {
  /** Shown in the header and the page titles; the partnership's name by default. */
  name?: string;
  /** `#rrggbb`, already checked for contrast against white. */
  accent?: string;
  /** The logo's address relative to the pages (the file is copied beside them). */
  logo?: string;
}

export interface HtmlOptions {
  templates: Templates;
  branding?: Branding;
}

export interface HtmlPage {
  path: string;
  content: string;
}

export const DEFAULT_ACCENT = '#1d70b8';

/** One page per document: `<slug>.html`. */
export function renderHtml(documents: readonly PublishedDocument[], options: HtmlOptions): HtmlPage[] {
  const layout = compiledLayout(options.templates);
  const slugs = new Set(documents.map((d) => d.slug));
  const index = documents.find((d) => d.slug === 'index') ?? documents[0];
  const nav = documents.map((d) => ({ slug: d.slug, label: navLabel(d) }));
  return documents.map((doc) => {
    const brand = { name: options.branding?.name ?? doc.partnership, accent: options.branding?.accent ?? DEFAULT_ACCENT, logo: options.branding?.logo };
    const view = {
      lang: doc.lang,
      title: doc.title,
      // The header already names the partnership: a subtitle that only repeats it is left out.
      subtitle: doc.subtitle === brand.name || doc.subtitle === doc.partnership ? undefined : doc.subtitle,
      partnership: doc.partnership,
      brand,
      home: index ? `${index.slug}.html` : undefined,
      homeLabel: index ? index.title : undefined,
      nav: nav.map((n) => ({ href: `${n.slug}.html`, label: n.label, current: n.slug === doc.slug })),
      blocks: blocksView(doc.blocks, doc, slugs),
    };
    return { path: `${doc.slug}.html`, content: layout(view) };
  });
}

/**
 * The last templates compiled, by their text: the preview and the playground render again on
 * every change with the same templates, and compiling them (handlebars compiles each partial on
 * first use) took longer than rendering the pages.
 */
let lastCompiled: { key: string; layout: Handlebars.TemplateDelegate } | undefined;

function compiledLayout(templates: Templates): Handlebars.TemplateDelegate {
  const key = TEMPLATE_NAMES.map((name) => templates[name]).join('\u0000');
  if (lastCompiled?.key === key) return lastCompiled.layout;
  const hb = Handlebars.create();
  for (const name of TEMPLATE_NAMES) {
    if (name === 'layout') continue;
    // An inline partial's final newline would put a space between inline runs ("2018 [1]").
    const source = templates[name];
    hb.registerPartial(name, INLINE_PARTIALS.has(name) ? source.replace(/\r?\n$/, '') : source);
  }
  const layout = hb.compile(templates.layout, { strict: false, preventIndent: true });
  lastCompiled = { key, layout };
  return layout;
}

function navLabel(doc: PublishedDocument): string {
  return doc.label ?? doc.title;
}

// ---- view models ----------------------------------------------------------------------------

type View = Record<string, unknown> & { partial: string };

function blocksView(blocks: readonly Block[], doc: PublishedDocument, slugs: ReadonlySet<string>): View[] {
  let diagrams = 0;
  const contents = blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === 2).map((h) => ({ text: h.text, id: h.id }));
  return blocks.map((b): View => {
    switch (b.kind) {
      case 'heading':
        return { partial: 'heading', level: Math.max(2, Math.min(6, b.level)), text: b.text, id: b.id };
      case 'paragraph':
        return { partial: 'paragraph', content: inlinesView(b.content, slugs) };
      case 'list':
        return { partial: 'list', ...listView(b, slugs) };
      case 'table':
        return { partial: 'table', caption: b.caption, head: b.head, rows: b.rows.map((row) => row.map((cell) => inlinesView(cell, slugs))) };
      case 'diagram':
        // The same diagram twice on a page would repeat its ids (its title, its arrowheads).
        diagrams++;
        return { partial: 'diagram', caption: b.caption, svg: uniqueIds(diagramSvg(b.svg), diagrams === 1 ? '' : `-${diagrams}`), alternative: listView(b.alternative, slugs) };
      case 'footnotes':
        return { partial: 'footnotes', items: b.items.map((i) => ({ marker: i.marker, id: i.id, content: inlinesView(i.content, slugs) })) };
      case 'contents':
        return { partial: 'contents', items: contents, title: doc.title };
    }
  });
}

function listView(list: ListBlock, slugs: ReadonlySet<string>): { ordered: boolean; items: Array<{ content: View[]; children: unknown }> } {
  return {
    ordered: list.ordered,
    items: list.items.map((item) => ({ content: inlinesView(item.content, slugs), children: item.children ? listView(item.children, slugs) : undefined })),
  };
}

function inlinesView(content: readonly Inline[], slugs: ReadonlySet<string>): View[] {
  return content.map((i): View => {
    switch (i.kind) {
      case 'text':
        return { partial: 'text', text: i.text };
      case 'strong':
        return { partial: 'strong', text: i.text };
      case 'link': {
        const href = safeHref(i.href, i.internal === undefined ? undefined : slugs);
        return href === undefined ? { partial: 'text', text: i.text } : { partial: 'link', text: i.text, href };
      }
      case 'footnote-ref':
        return { partial: 'footnote-ref', marker: i.marker, id: i.id !== undefined && ANCHOR.test(i.id) ? i.id : undefined };
    }
  });
}

const ANCHOR = /^[A-Za-z][A-Za-z0-9_-]*$/;
const EXTERNAL = /^(?:https?:\/\/[^\s"'<>`]+|mailto:[^\s"'<>`:/]+@[^\s"'<>`]+)$/i;
const PAGE = /^([a-z0-9][a-z0-9-]*)\.html(?:#([A-Za-z][A-Za-z0-9_-]*))?$/;

/**
 * The address a link may have, or undefined when it must stay text: http(s) and mailto only,
 * or (for an internal link) one of the published pages or an anchor in this one. Never
 * `javascript:`, `data:` or anything else a browser would run or fetch.
 */
export function safeHref(href: string, pages: ReadonlySet<string> | undefined): string | undefined {
  if (pages === undefined) return EXTERNAL.test(href) ? href : undefined;
  if (/^#[A-Za-z][A-Za-z0-9_-]*$/.test(href) || href === '#') return href;
  const m = PAGE.exec(href);
  return m && pages.has(m[1]!) ? href : undefined;
}

/** The SVG the diagram backend drew: an `<svg>` element and nothing else (no script, no handlers). */
function diagramSvg(svg: string): string {
  const trimmed = svg.trim().replace(/^<\?xml[^>]*\?>\s*/, '');
  if (!/^<svg[\s>]/.test(trimmed) || !/<\/svg>$/.test(trimmed)) return '';
  if (/<script|<foreignObject|\son[a-z]+\s*=|javascript:/i.test(trimmed)) return '';
  return trimmed;
}

/** The SVG with `suffix` added to every id it declares and every reference to one (`#id`, `url(#id)`, aria-labelledby). */
function uniqueIds(svg: string, suffix: string): string {
  if (suffix === '') return svg;
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  if (ids.length === 0) return svg;
  const known = new Set(ids);
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (_, a: string, id: string, b: string) => `${a}${id}${suffix}${b}`)
    .replace(/#([A-Za-z][\w.-]*)/g, (whole, id: string) => (known.has(id) ? `#${id}${suffix}` : whole))
    .replace(/(\saria-(?:labelledby|describedby)=")([^"]+)(")/g, (_, a: string, list: string, b: string) => `${a}${list.split(/\s+/).map((id) => (known.has(id) ? `${id}${suffix}` : id)).join(' ')}${b}`);
}
