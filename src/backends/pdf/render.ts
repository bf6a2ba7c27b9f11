import { createRequire } from 'node:module';
import type { DrawingItem } from '../diagram/shapes.js';
import type { Block, Inline, ListBlock, PublishedDocument } from '../document/types.js';
import { type PdfFonts, shippedFontMetrics } from './fonts.js';
import { Shaper, type ShapingFont } from './shaping.js';
import { breakLines, footnoteDestination, type InlineStyles, type Line, type LinkTarget, type Measure, plainText, runsOf, type Style } from './text.js';

/**
 * The PDF backend: renders a PublishedDocument with pdfkit, on A4, as a tagged PDF
 * (Document > H1…H4, P, L > LI > Lbl + LBody, Table > TR > TH/TD, Figure with Alt, TOC > TOCI
 * > Link), with the shipped fonts embedded, an outline mirroring the headings, a table of
 * contents with page numbers, and running headers and page numbers marked as artifacts.
 *
 * Layout is done here, line by line (see text.ts), so the renderer knows where every line
 * lands, in one pass: the table of contents leaves its page numbers (a column of fixed width)
 * to be filled in once every heading has been placed.
 * With `creationDate` fixed, the output is byte-identical from run to run: pdfkit derives the
 * file ID and the font subset tags from the document info, not from the clock or chance.
 */

export interface PdfOptions {
  /** The creation date written into the PDF (from SOURCE_DATE_EPOCH); the clock when undefined. */
  creationDate: Date | undefined;
  fonts: PdfFonts;
}

export async function renderPdf(source: PublishedDocument, options: PdfOptions): Promise<Uint8Array> {
  const fonts = parsedFonts(options.fonts);
  const engine: Engine = { PDFDocument: load<PDFKit.PDFDocument>('pdfkit'), fonts, shapers: shapersOf(options.fonts, fonts) };
  return finish(renderDocument(engine, source, options));
}

/**
 * pdfkit and fontkit, loaded on first use and never bundled: pdfkit reads its
 * data files beside its own code. They are required as CommonJS, not imported: importing
 * pdfkit's ES module build makes Node scan every CommonJS module under it for its exports,
 * a third of the time it takes to load them.
 */
const requireHere = createRequire(import.meta.url);
const load = <T>(id: string): T => requireHere(id) as T;

type FontName = keyof PdfFonts;
type Fontkit = typeof import('fontkit');
type ParsedFont = ReturnType<Fontkit['create']>;

interface Engine {
  PDFDocument: PDFKit.PDFDocument;
  /** Parsed once per process: parsing a font's layout tables costs more than laying out a document. */
  fonts: Record<FontName, ParsedFont>;
  /** Each font's shaped words, shared by every document: measured by the renderer, drawn by pdfkit. */
  shapers: Record<FontName, Shaper>;
}

const parsed = new WeakMap<Uint8Array, ParsedFont>();

function parsedFonts(fonts: PdfFonts): Record<FontName, ParsedFont> {
  const fontkit = load<Fontkit>('fontkit');
  const parse = (bytes: Uint8Array): ParsedFont => {
    let font = parsed.get(bytes);
    if (!font) {
      font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      parsed.set(bytes, font);
    }
    return font;
  };
  return { regular: parse(fonts.regular), bold: parse(fonts.bold), italic: parse(fonts.italic) };
}

/** One Shaper per parsed font, for the life of the process. */
const shapers = new WeakMap<ParsedFont, Shaper>();

function shapersOf(bytes: PdfFonts, fonts: Record<FontName, ParsedFont>): Record<FontName, Shaper> {
  const of = (name: FontName): Shaper => {
    const font = fonts[name];
    let shaper = shapers.get(font);
    if (!shaper) shapers.set(font, (shaper = new Shaper(font as unknown as ShapingFont, shippedFontMetrics(name, bytes[name]))));
    return shaper;
  };
  return { regular: of('regular'), bold: of('bold'), italic: of('italic') };
}

function renderDocument(engine: Engine, source: PublishedDocument, options: PdfOptions): PDFKit.PDFDocument {
  const doc = new engine.PDFDocument({
    size: 'A4',
    margin: 0,
    pdfVersion: '1.7',
    tagged: true,
    lang: source.lang,
    displayTitle: true,
    bufferPages: true,
    // No default font: pdfkit would otherwise load Helvetica, which is not embedded.
    font: null as unknown as string,
    info: {
      Title: source.title,
      Author: source.partnership,
      Subject: source.subtitle ?? source.title,
      Creator: 'tor',
      Producer: 'tor (PDFKit)',
      ...(options.creationDate ? { CreationDate: options.creationDate } : {}),
    },
  });
  escapeXmpMetadata(doc);
  for (const name of ['regular', 'bold', 'italic'] as const) {
    doc.registerFont(name, engine.fonts[name] as unknown as Buffer);
    // pdfkit shapes each word once per document and font; it finds the words the renderer
    // has measured shaped already, and shares what it shapes itself with later documents.
    const embedded = (doc.font(name) as unknown as { _font: { layoutCache?: object } })._font;
    if (embedded.layoutCache) embedded.layoutCache = engine.shapers[name].runs;
  }
  doc.font('regular');
  new Renderer(doc, source, engine).render();
  return doc;
}

async function finish(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * pdfkit copies the title and author into the XMP metadata without escaping them, so a title
 * with "&" would make the metadata ill-formed XML. The document info dictionary is written
 * first (pdfkit escapes that itself), so the XMP can be given escaped copies.
 */
function escapeXmpMetadata(doc: PDFKit.PDFDocument): void {
  const loose = doc as unknown as { _addInfo: () => void; info: Record<string, unknown> };
  const addInfo = loose._addInfo;
  loose._addInfo = function (this: typeof loose) {
    const saved = this.info;
    const escaped: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(saved)) escaped[key] = typeof value === 'string' ? escapeXml(value) : value;
    this.info = escaped;
    try {
      addInfo.call(this);
    } finally {
      this.info = saved;
    }
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// ---------------------------------------------------------------------------------------
// Page geometry and type (points; A4 is 595.28 × 841.89)

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 70, right: 70, top: 82, bottom: 74 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;

const COLOR = { text: '#0b0c0c', secondary: '#505a5f', link: '#1d4ed8', rule: '#b1b4b6', fill: '#f3f2f1' };

function style(font: Style['font'], size: number, color = COLOR.text, extra: Partial<Style> = {}): Style {
  return { font, size, color, rise: 0, underline: false, ...extra };
}

/** A diagram's user units are CSS pixels, as in the HTML: three quarters of a point each. */
const PX = 0.75;
/** Body text: 11 pt on 16 pt. */
const BODY = { size: 11, leading: 16 };
const SMALL = { size: 9.5, leading: 13.5 };
const PARAGRAPH_GAP = 8;
const ITEM_GAP = 3;

const HEADING: Record<1 | 2 | 3 | 4, { size: number; leading: number; before: number; after: number }> = {
  1: { size: 24, leading: 29, before: 10, after: 10 },
  2: { size: 17, leading: 21, before: 16, after: 6 },
  3: { size: 13.5, leading: 17, before: 10, after: 4 },
  4: { size: 11.5, leading: 15, before: 8, after: 2 },
};

/** Source Sans 3: ascender 1000, descender −326 per 1000 units. */
const ASCENT = 1.0;
const DESCENT = 0.326;

/** Where the baseline of a line of `size` sits below the top of its `leading`-high line box. */
function baselineOffset(size: number, leading: number): number {
  return (leading - size * (ASCENT + DESCENT)) / 2 + size * ASCENT;
}

function inlineStyles(size: number, footnotes: ReadonlySet<string>, font: Style['font'] = 'regular', color = COLOR.text): InlineStyles {
  return {
    base: style(font, size, color),
    strong: style('bold', size, color),
    link: style(font, size, COLOR.link, { underline: true }),
    footnote: style(font, size * 0.68, color === COLOR.text ? COLOR.link : color, { rise: size * 0.38 }),
    footnotes,
  };
}

// ---------------------------------------------------------------------------------------

/** A structure element and its type (pdfkit does not let one read the type back). */
interface Node {
  elem: PDFKit.PDFStructureElement;
  type: string;
}

type LinkNodes = Map<LinkTarget, Node>;

interface LooseOutline {
  addItem(title: string, options?: { expanded?: boolean }): LooseOutline;
  outlineData: Record<string, unknown>;
}

/** An entry of a table of contents, drawn but for its page number, which is known at the end. */
interface ContentsEntry {
  id: string;
  text: string;
  /** Of the page with the entry, from 0. */
  page: number;
  baseline: number;
  /** The area of the link to the heading. */
  area: [x: number, y: number, width: number, height: number];
  item: Node;
  link: Node;
  links: LinkNodes;
}

class Renderer {
  /** Where each heading with an id is, by page number from 1. */
  private readonly headingPages = new Map<string, number>();
  /** The tables of contents, each with its entries, left open until the page numbers are known. */
  private readonly contentsLeft: Array<{ toc: Node; entries: ContentsEntry[] }> = [];
  private y = MARGIN.top;
  private page = 0;
  private openMark: { elem: PDFKit.PDFStructureElement; page: number } | undefined;
  private readonly outline: Array<{ level: number; item: LooseOutline }> = [];
  private readonly destinations = new Set<string>();
  private readonly body: InlineStyles;
  private readonly small: InlineStyles;
  private readonly measure: Measure;
  private root!: Node;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly source: PublishedDocument,
    private readonly engine: Engine,
  ) {
    const footnotes = new Set(source.blocks.flatMap((b) => (b.kind === 'footnotes' ? b.items.map((i) => i.marker) : [])));
    this.body = inlineStyles(BODY.size, footnotes);
    this.small = inlineStyles(SMALL.size, footnotes);
    const { shapers } = engine;
    this.measure = (text, s) => shapers[s.font].width(text) * s.size;
  }

  /** Draws `text` with its baseline at `baseline`. */
  private put(text: string, x: number, baseline: number, s: Style): void {
    this.doc.font(s.font).fontSize(s.size).fillColor(s.color);
    // The width is known (measured when the line was set): given, pdfkit does not measure again.
    // (pdfkit reads textWidth and wordCount; its type definitions do not list them.)
    const options: PDFKit.Mixins.TextOptions & { textWidth: number; wordCount: number } = { lineBreak: false, baseline: 'alphabetic', textWidth: this.measure(text, s), wordCount: 1 };
    this.doc.text(text, x, baseline, options);
  }

  render(): void {
    const document = this.doc.struct('Document');
    this.doc.addStructure(document);
    this.root = { elem: document, type: 'Document' };
    const blocks = this.source.blocks;
    const titled = blocks[0]?.kind === 'heading' && blocks[0].level === 1;

    const { partnership, title, subtitle } = this.source;
    if (partnership && partnership !== title && partnership !== subtitle) {
      this.paragraph([{ kind: 'text', text: partnership }], this.root, { styles: inlineStyles(12.5, new Set(), 'bold', COLOR.secondary), leading: 17, gap: 6 });
    }
    if (!titled) {
      // The document tree has no title heading of its own: the title is the one H1.
      this.heading({ kind: 'heading', level: 1, text: this.source.title, id: '' }, blocks[0], false);
      this.subtitle();
    }
    blocks.forEach((block, k) => {
      this.block(block, blocks[k + 1], k);
      if (k === 0 && titled) this.subtitle();
    });
    this.contentsPages();
    this.finish(this.root);
    this.pageFurniture();
  }

  private subtitle(): void {
    const text = this.source.subtitle;
    if (!text) return;
    this.paragraph([{ kind: 'text', text }], this.root, { styles: inlineStyles(12.5, new Set(), 'regular', COLOR.secondary), leading: 17, gap: 14 });
  }

  private block(block: Block, next: Block | undefined, index: number): void {
    switch (block.kind) {
      case 'heading':
        return this.heading(block, next, true);
      case 'paragraph': {
        // A short paragraph that introduces a list or table ("…are members:") stays with its start.
        if (next && (next.kind === 'list' || next.kind === 'table') && /:\s*$/.test(plainText(block.content))) {
          const lines = this.lines(block.content, this.body, CONTENT_WIDTH).length;
          if (lines <= 4) this.need(lines * BODY.leading + PARAGRAPH_GAP + this.leadHeight(next));
        }
        return this.paragraph(block.content, this.root, { styles: this.body, leading: BODY.leading, gap: PARAGRAPH_GAP });
      }
      case 'list':
        this.list(block, this.root, MARGIN.left, CONTENT_WIDTH, 0, this.body, BODY.leading);
        this.y += PARAGRAPH_GAP - ITEM_GAP;
        return;
      case 'table':
        return this.table(block);
      case 'diagram':
        return this.diagram(block);
      case 'footnotes':
        return this.footnotes(block);
      case 'contents':
        return this.contents(index);
    }
  }

  // --- pages and tags ------------------------------------------------------------------

  private newPage(): void {
    this.closeMark();
    this.doc.addPage();
    this.page += 1;
    this.y = MARGIN.top;
  }

  private atTop(): boolean {
    return this.y <= MARGIN.top + 0.5;
  }

  private fits(height: number): boolean {
    return this.y + height <= BOTTOM + 0.01;
  }

  /** Starts a new page unless `height` fits on this one (or this page is still empty). */
  private need(height: number): void {
    if (!this.fits(height) && !this.atTop()) this.newPage();
  }

  private child(parent: Node, type: string, options: Record<string, unknown> = {}): Node {
    const elem = this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
    parent.elem.add(elem);
    return { elem, type };
  }

  /** Makes what is drawn next the content of `node`, in one marked-content sequence per page. */
  private mark(node: Node): void {
    if (this.openMark?.elem === node.elem && this.openMark.page === this.page) return;
    this.closeMark();
    node.elem.add(this.doc.markStructureContent(node.type));
    this.openMark = { elem: node.elem, page: this.page };
  }

  private closeMark(): void {
    if (!this.openMark) return;
    this.doc.endMarkedContent();
    this.openMark = undefined;
  }

  private finish(node: Node, links?: LinkNodes): void {
    for (const link of links?.values() ?? []) this.finish(link);
    if (this.openMark?.elem === node.elem) this.closeMark();
    node.elem.end();
  }

  /** Draws decoration (rules, fills, running heads) outside the structure tree. */
  private artifact(draw: () => void, type: 'Pagination' | 'Layout' = 'Layout'): void {
    this.closeMark();
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  // --- text ------------------------------------------------------------------------------

  private lines(content: readonly Inline[], styles: InlineStyles, width: number): Line[] {
    return breakLines(runsOf(content, styles), width, this.measure);
  }

  /**
   * Draws one line with its top at the current y, and moves down by `leading`. Its text is
   * the content of `owner` (links of their own Link elements); with no owner, the caller has
   * opened an artifact, and links are not made.
   */
  private drawLine(line: Line, x: number, size: number, leading: number, owner: Node | undefined, links: LinkNodes): void {
    const top = this.y;
    const baseline = top + baselineOffset(size, leading);
    for (const run of line.runs) {
      const node = owner && run.link ? this.linkNode(run.link, owner, links) : owner;
      if (node) this.mark(node);
      const s = run.style;
      this.put(run.text, x + run.x, baseline - s.rise, s);
      const visible = this.measure(run.text.trimEnd(), s);
      if (s.underline) {
        this.doc.save().lineWidth(0.6).strokeColor(s.color).moveTo(x + run.x, baseline + 1.8).lineTo(x + run.x + visible, baseline + 1.8).stroke().restore();
      }
      if (run.link && node) this.annotate(run.link, x + run.x, top, visible, leading, node, run.text.trim());
    }
    this.y += leading;
  }

  private linkNode(target: LinkTarget, owner: Node, links: LinkNodes): Node {
    let node = links.get(target);
    if (!node) {
      node = this.child(owner, 'Link', target.kind === 'dest' ? { alt: target.label } : {});
      links.set(target, node);
    }
    return node;
  }

  private annotate(target: LinkTarget, x: number, y: number, w: number, h: number, node: Node, text: string): void {
    const options = { structParent: node.elem, Contents: new String(target.kind === 'dest' ? target.label : text) } as unknown as PDFKit.Mixins.AnnotationOption;
    if (target.kind === 'uri') this.doc.link(x, y, w, h, target.href, options);
    else this.doc.goTo(x, y, w, h, target.name, options);
  }

  /**
   * Draws lines from the current y, breaking pages between lines: never one line alone at
   * the foot of a page (an orphan) nor alone at the head of the next (a widow).
   */
  private flow(lines: readonly Line[], x: number, size: number, leading: number, owner: Node, links: LinkNodes): void {
    let k = 0;
    while (k < lines.length) {
      const left = lines.length - k;
      const room = Math.max(0, Math.floor((BOTTOM - this.y + 0.01) / leading));
      let take = Math.min(left, room);
      if (take < left) {
        if (left - take < 2 && left >= 3) take = left - 2;
        if (take < 2 && k === 0 && left >= 2) take = 0;
        if (take <= 0 && this.atTop()) take = Math.min(left, Math.max(1, room));
      }
      for (let j = 0; j < take; j++) this.drawLine(lines[k + j]!, x, size, leading, owner, links);
      k += take;
      if (k < lines.length) this.newPage();
    }
  }

  private paragraph(
    content: readonly Inline[],
    parent: Node,
    o: { styles: InlineStyles; leading: number; gap: number; x?: number; width?: number; type?: string },
  ): void {
    const x = o.x ?? MARGIN.left;
    const lines = this.lines(content, o.styles, o.width ?? CONTENT_WIDTH);
    if (lines.length === 0) return;
    const node = this.child(parent, o.type ?? 'P');
    const links: LinkNodes = new Map();
    this.flow(lines, x, o.styles.base.size, o.leading, node, links);
    this.finish(node, links);
    this.y += o.gap;
  }

  // --- headings --------------------------------------------------------------------------

  private heading(block: Extract<Block, { kind: 'heading' }>, next: Block | undefined, inOutline: boolean): void {
    const h = HEADING[block.level];
    const styles = inlineStyles(h.size, new Set(), 'bold');
    const lines = this.lines([{ kind: 'text', text: block.text }], styles, CONTENT_WIDTH);
    if (!this.atTop()) this.y += h.before;
    // Keep the heading with the start of what follows it.
    const height = lines.length * h.leading + h.after + (next ? this.leadHeight(next) : 0);
    if (!this.fits(height) && !this.atTop()) this.newPage();
    if (block.id !== '' && !this.destinations.has(block.id)) {
      this.destinations.add(block.id);
      this.doc.addNamedDestination(block.id, 'XYZ', null, Math.max(0, this.y - 6), null);
      if (!this.headingPages.has(block.id)) this.headingPages.set(block.id, this.page + 1);
      if (inOutline) this.addOutline(block.level, block.text, block.id);
    }
    const node = this.child(this.root, `H${block.level}`);
    const links: LinkNodes = new Map();
    for (const line of lines) this.drawLine(line, MARGIN.left, h.size, h.leading, node, links);
    this.finish(node, links);
    this.y += h.after;
  }

  private addOutline(level: number, title: string, destination: string): void {
    while (this.outline.length > 0 && this.outline[this.outline.length - 1]!.level >= level) this.outline.pop();
    const parent = this.outline[this.outline.length - 1]?.item ?? (this.doc.outline as unknown as LooseOutline);
    const item = parent.addItem(title, { expanded: this.outline.length < 2 });
    // pdfkit points an entry at its whole page; a named destination points at the heading.
    item.outlineData.Dest = new String(destination);
    this.outline.push({ level, item });
  }

  /** Roughly the height of the start of a block, kept on the page of the heading before it. */
  private leadHeight(block: Block): number {
    switch (block.kind) {
      case 'heading':
        return HEADING[block.level].before + HEADING[block.level].leading;
      case 'paragraph':
        return Math.min(2, this.lines(block.content, this.body, CONTENT_WIDTH).length) * BODY.leading;
      case 'list': {
        const first = block.items[0];
        return first ? Math.min(2, this.lines(first.content, this.body, CONTENT_WIDTH - 20).length) * BODY.leading : 0;
      }
      case 'table':
        return 3 * (SMALL.leading + 8) + (block.caption ? SMALL.leading + 4 : 0);
      case 'diagram':
        return this.diagramSize(block).height;
      case 'footnotes':
      case 'contents':
        return 3 * SMALL.leading;
    }
  }

  // --- lists -----------------------------------------------------------------------------

  private list(list: ListBlock, parent: Node, x: number, width: number, depth: number, styles: InlineStyles, leading: number): void {
    const node = this.child(parent, 'L');
    const markers = list.items.map((_, k) => listMarker(list.ordered, depth, k));
    const markerStyle = list.ordered ? styles.base : { ...styles.base, color: COLOR.secondary };
    const widest = Math.max(0, ...markers.map((m) => this.measure(m, markerStyle)));
    const indent = list.ordered ? Math.max(18, Math.ceil(widest + 7)) : 16;
    const size = styles.base.size;
    list.items.forEach((item, k) => {
      const lines = this.lines(item.content, styles, width - indent);
      this.need(Math.min(2, Math.max(1, lines.length)) * leading);
      const li = this.child(node, 'LI');
      const label = this.child(li, 'Lbl');
      this.mark(label);
      const marker = markers[k]!;
      const markerWidth = this.measure(marker, markerStyle);
      const markerX = list.ordered ? x + indent - 6 - markerWidth : x + (depth === 0 ? 2 : 3);
      this.put(marker, markerX, this.y + baselineOffset(size, leading), markerStyle);
      this.finish(label);
      const body = this.child(li, 'LBody');
      const links: LinkNodes = new Map();
      if (lines.length > 0) this.flow(lines, x + indent, size, leading, body, links);
      else this.y += leading;
      if (item.children && item.children.items.length > 0) {
        this.y += ITEM_GAP;
        this.list(item.children, body, x + indent, width - indent, depth + 1, styles, leading);
        this.y -= ITEM_GAP;
      }
      this.finish(body, links);
      this.finish(li);
      this.y += ITEM_GAP;
    });
    this.finish(node);
  }

  // --- tables ----------------------------------------------------------------------------

  private table(block: Extract<Block, { kind: 'table' }>): void {
    const columns = Math.max(block.head.length, ...block.rows.map((r) => r.length));
    if (columns === 0) return;
    const pad = { x: 6, y: 4 };
    const leading = SMALL.leading;
    const size = SMALL.size;
    const headStyles = inlineStyles(size, this.small.footnotes, 'bold');
    const head: Inline[][] = Array.from({ length: columns }, (_, c) => [{ kind: 'text', text: block.head[c] ?? '' }]);
    const rows: Inline[][][] = block.rows.map((r) => Array.from({ length: columns }, (_, c) => r[c] ?? []));
    const widths = this.columnWidths([head, ...rows], [headStyles, ...rows.map(() => this.small)], columns, pad.x);
    const cellLines = (cells: Inline[][], styles: InlineStyles): Line[][] => cells.map((cell, c) => this.lines(cell, styles, widths[c]! - 2 * pad.x));
    const headLines = cellLines(head, headStyles);
    const rowLines = rows.map((r) => cellLines(r, this.small));
    const rowHeight = (lines: Line[][]): number => Math.max(1, ...lines.map((l) => l.length)) * leading + 2 * pad.y;
    const headHeight = rowHeight(headLines);

    const captionLines = block.caption ? this.lines([{ kind: 'text', text: block.caption }], inlineStyles(BODY.size, new Set(), 'bold'), CONTENT_WIDTH) : [];
    this.need(captionLines.length * BODY.leading + 4 + headHeight + (rowLines[0] ? rowHeight(rowLines[0]) : 0));
    const table = this.child(this.root, 'Table');
    if (captionLines.length > 0) {
      const caption = this.child(table, 'Caption');
      const links: LinkNodes = new Map();
      for (const line of captionLines) this.drawLine(line, MARGIN.left, BODY.size, BODY.leading, caption, links);
      this.finish(caption, links);
      this.y += 4;
    }

    const drawHead = (tagged: boolean): void => {
      const tr = tagged ? this.child(table, 'TR') : undefined;
      const cells = tr ? headLines.map(() => this.child(tr, 'TH', { scope: 'Column' })) : undefined;
      this.drawRow(headLines, widths, pad, size, leading, cells, true, undefined);
      if (tr) this.finish(tr);
    };
    drawHead(true);
    rowLines.forEach((lines) => {
      const tr = this.child(table, 'TR');
      const cells = lines.map(() => this.child(tr, 'TD'));
      this.drawRow(lines, widths, pad, size, leading, cells, false, () => {
        this.newPage();
        drawHead(false);
      });
      this.finish(tr);
    });
    this.finish(table);
    this.y += PARAGRAPH_GAP + 4;
  }

  /**
   * Draws a row of cells; `breakPage` starts a new page (with the header repeated). A row
   * that fits on a fresh page moves there whole; a longer one is split between lines.
   */
  private drawRow(
    cells: Line[][],
    widths: readonly number[],
    pad: { x: number; y: number },
    size: number,
    leading: number,
    nodes: Node[] | undefined,
    header: boolean,
    breakPage: (() => void) | undefined,
  ): void {
    const done = cells.map(() => 0);
    const links = cells.map((): LinkNodes => new Map());
    const height = (n: number): number => n * leading + 2 * pad.y;
    let fresh = false;
    for (;;) {
      const left = Math.max(1, ...cells.map((c, k) => c.length - done[k]!));
      const room = Math.floor((BOTTOM - this.y - 2 * pad.y + 0.01) / leading);
      let take = Math.min(left, room);
      if (take < left && breakPage && !fresh && (room < 1 || height(left) <= BOTTOM - MARGIN.top - 60)) {
        breakPage();
        fresh = true;
        continue;
      }
      take = Math.max(1, take);
      const top = this.y;
      const rowHeight = height(take);
      this.artifact(() => {
        if (header) this.doc.rect(MARGIN.left, top, CONTENT_WIDTH, rowHeight).fill(COLOR.fill);
        this.doc
          .lineWidth(header ? 1.2 : 0.6)
          .strokeColor(header ? COLOR.secondary : COLOR.rule)
          .moveTo(MARGIN.left, top + rowHeight)
          .lineTo(MARGIN.left + CONTENT_WIDTH, top + rowHeight)
          .stroke();
      });
      let x = MARGIN.left;
      cells.forEach((lines, c) => {
        this.y = top + pad.y;
        const node = nodes?.[c];
        const slice = lines.slice(done[c], done[c]! + take);
        for (const line of slice) {
          if (node) this.drawLine(line, x + pad.x, size, leading, node, links[c]!);
          else this.artifact(() => this.drawLine(line, x + pad.x, size, leading, undefined, new Map()));
        }
        done[c] = done[c]! + slice.length;
        x += widths[c]!;
      });
      this.closeMark();
      this.y = top + rowHeight;
      if (cells.every((c, k) => done[k]! >= c.length)) break;
      if (breakPage) breakPage();
      else this.newPage();
      fresh = true;
    }
    nodes?.forEach((node, c) => this.finish(node, links[c]));
  }

  /** Column widths filling the measure: each column's longest word at least, the rest shared by natural width. */
  private columnWidths(rows: Inline[][][], styles: InlineStyles[], columns: number, padX: number): number[] {
    const min = new Array<number>(columns).fill(0);
    const max = new Array<number>(columns).fill(0);
    rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        const runs = runsOf(cell, styles[r]!);
        const text = runs.map((run) => this.measure(run.text, run.style)).reduce((a, b) => a + b, 0);
        const longest = Math.max(0, ...runs.flatMap((run) => run.text.split(/\s+/).map((w) => this.measure(w, run.style))));
        min[c] = Math.max(min[c]!, longest + 2 * padX);
        max[c] = Math.max(max[c]!, text + 2 * padX);
      });
    });
    const total = CONTENT_WIDTH;
    const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
    if (sum(max) <= total) return max.map((m) => (m / sum(max)) * total);
    // Narrow columns keep their natural width (a name or a date is not wrapped)…
    const widths = new Array<number | undefined>(columns).fill(undefined);
    for (let changed = true; changed; ) {
      changed = false;
      const open = widths.flatMap((w, c) => (w === undefined ? [c] : []));
      const fair = (total - sum(widths.map((w) => w ?? 0))) / Math.max(1, open.length);
      for (const c of open) {
        if (max[c]! <= fair) {
          widths[c] = max[c]!;
          changed = true;
        }
      }
    }
    // …and the wide ones share the rest, by natural width, each at least its longest word.
    const open = widths.flatMap((w, c) => (w === undefined ? [c] : []));
    const rest = total - sum(widths.map((w) => w ?? 0));
    const share = open.map((c) => (max[c]! / sum(open.map((o) => max[o]!))) * rest);
    const short = open.map((c, k) => Math.max(0, min[c]! - share[k]!));
    const spare = open.map((c, k) => Math.max(0, share[k]! - min[c]!));
    open.forEach((c, k) => {
      widths[c] = short[k]! > 0 ? min[c]! : share[k]! - (sum(short) * spare[k]!) / Math.max(1e-9, sum(spare));
    });
    const result = widths.map((w) => w ?? 0);
    return result.map((w) => (w / sum(result)) * total);
  }

  // --- diagrams --------------------------------------------------------------------------

  private diagramSize(block: Extract<Block, { kind: 'diagram' }>): { width: number; height: number } {
    const natural = { width: block.drawing.width * PX, height: block.drawing.height * PX };
    const maxHeight = BOTTOM - MARGIN.top - 3 * SMALL.leading - 12;
    const scale = Math.min(1, CONTENT_WIDTH / natural.width, maxHeight / natural.height);
    return { width: natural.width * scale, height: natural.height * scale };
  }

  private diagram(block: Extract<Block, { kind: 'diagram' }>): void {
    let { width, height } = this.diagramSize(block);
    const captionStyles = inlineStyles(SMALL.size, new Set(), 'italic', COLOR.secondary);
    const captionLines = block.caption ? this.lines([{ kind: 'text', text: block.caption }], captionStyles, CONTENT_WIDTH) : [];
    const below = 8 + captionLines.length * SMALL.leading;
    // A little smaller rather than a page left half empty; much smaller would be unreadable.
    const room = BOTTOM - this.y - below;
    if (room < height && room >= height * 0.85) {
      width *= room / height;
      height = room;
    }
    this.need(height + below);
    const x = MARGIN.left + (CONTENT_WIDTH - width) / 2;
    const top = this.y;
    const caption = block.caption.trim().replace(/\.$/, '');
    const alt = `${caption ? `${caption}: a diagram` : 'A diagram'}, described in the list that follows it.`;
    const figure = this.child(this.root, 'Figure', { alt, bbox: [x, top, x + width, top + height] });
    this.mark(figure);
    if (block.drawing.width > 0 && block.drawing.height > 0) {
      this.doc.save();
      this.doc.translate(x, top).scale(width / block.drawing.width, height / block.drawing.height);
      for (const item of block.drawing.items) this.drawingItem(item);
      this.doc.restore();
    }
    this.finish(figure);
    this.y = top + height + 8;
    if (captionLines.length > 0) {
      this.paragraph([{ kind: 'text', text: block.caption }], this.root, { styles: captionStyles, leading: SMALL.leading, gap: PARAGRAPH_GAP });
    }
    this.list(block.alternative, this.root, MARGIN.left, CONTENT_WIDTH, 0, this.body, BODY.leading);
    this.y += PARAGRAPH_GAP - ITEM_GAP;
  }

  /** One shape of a diagram, in the diagram's own units (the caller has scaled to them). */
  private drawingItem(item: DrawingItem): void {
    const doc = this.doc;
    switch (item.kind) {
      case 'group':
        for (const inner of item.items) this.drawingItem(inner);
        return;
      case 'box':
        doc.save().lineWidth(item.strokeWidth);
        if (item.dashed) doc.dash(6, { space: 4 });
        doc.roundedRect(item.x, item.y, item.width, item.height, item.radius).fillAndStroke(item.fill, item.stroke);
        doc.restore();
        return;
      case 'text': {
        const font = item.bold ? 'bold' : item.italic ? 'italic' : 'regular';
        const x = item.anchor === 'middle' ? item.x - (this.engine.shapers[font].width(item.text) * item.size) / 2 : item.x;
        this.put(item.text, x, item.baseline, style(font, item.size, item.fill));
        return;
      }
      case 'lines':
        doc.save().lineWidth(item.strokeWidth).strokeColor(item.stroke);
        for (const line of item.lines) line.forEach((p, k) => (k === 0 ? doc.moveTo(p.x, p.y) : doc.lineTo(p.x, p.y)));
        doc.stroke().restore();
        return;
      case 'triangle':
        doc.polygon(...item.points.map((p): [number, number] => [p.x, p.y])).fill(item.fill);
        return;
    }
  }

  // --- footnotes -------------------------------------------------------------------------

  private footnotes(block: Extract<Block, { kind: 'footnotes' }>): void {
    if (block.items.length === 0) return;
    this.y += 6;
    this.need(10 + 2 * SMALL.leading);
    const top = this.y;
    this.artifact(() => {
      this.doc.lineWidth(0.6).strokeColor(COLOR.rule).moveTo(MARGIN.left, top).lineTo(MARGIN.left + 140, top).stroke();
    });
    this.y += 8;
    const node = this.child(this.root, 'L');
    const markerStyle = style('regular', SMALL.size);
    const indent = Math.max(16, Math.ceil(Math.max(...block.items.map((i) => this.measure(i.marker, markerStyle))) + 8));
    for (const item of block.items) {
      const lines = this.lines(item.content, this.small, CONTENT_WIDTH - indent);
      this.need(Math.min(2, Math.max(1, lines.length)) * SMALL.leading);
      const name = footnoteDestination(item.marker);
      if (!this.destinations.has(name)) {
        this.destinations.add(name);
        this.doc.addNamedDestination(name, 'XYZ', null, Math.max(0, this.y - 6), null);
      }
      const li = this.child(node, 'LI');
      const label = this.child(li, 'Lbl');
      this.mark(label);
      this.put(item.marker, MARGIN.left, this.y + baselineOffset(SMALL.size, SMALL.leading), markerStyle);
      this.finish(label);
      const body = this.child(li, 'LBody');
      const links: LinkNodes = new Map();
      this.flow(lines, MARGIN.left + indent, SMALL.size, SMALL.leading, body, links);
      this.finish(body, links);
      this.finish(li);
      this.y += 2;
    }
    this.finish(node);
    this.y += PARAGRAPH_GAP;
  }

  // --- contents --------------------------------------------------------------------------

  /** The table of contents: the headings after it, to level 3, each a link with its page number. */
  private contents(index: number): void {
    const entries = this.source.blocks.slice(index + 1).flatMap((b) => (b.kind === 'heading' && b.level <= 3 && b.id !== '' ? [b] : []));
    if (entries.length === 0) return;
    const top = Math.min(...entries.map((e) => e.level));
    const title = inlineStyles(HEADING[2].size, new Set(), 'bold');
    this.need(HEADING[2].leading + 3 * BODY.leading);
    if (!this.atTop()) this.y += HEADING[2].before;
    this.paragraph([{ kind: 'text', text: 'Contents' }], this.root, { styles: title, leading: HEADING[2].leading, gap: HEADING[2].after + 2 });
    const toc = this.child(this.root, 'TOC');
    const left: ContentsEntry[] = [];
    const numberWidth = 30;
    for (const entry of entries) {
      const indent = (entry.level - top) * 16;
      const styles = entry.level === top ? inlineStyles(BODY.size, new Set(), 'bold') : this.body;
      const lines = this.lines([{ kind: 'text', text: entry.text }], styles, CONTENT_WIDTH - indent - numberWidth - 16);
      if (entry.level === top && !this.atTop()) this.y += 4;
      this.need(lines.length * BODY.leading);
      const start = this.y;
      const item = this.child(toc, 'TOCI');
      const link = this.child(item, 'Link');
      const links: LinkNodes = new Map();
      lines.forEach((line) => this.drawLine(line, MARGIN.left + indent, BODY.size, BODY.leading, link, links));
      const lastTop = this.y - BODY.leading;
      const baseline = lastTop + baselineOffset(BODY.size, BODY.leading);
      const leaderStart = MARGIN.left + indent + (lines[lines.length - 1]?.width ?? 0) + 6;
      const leaderEnd = MARGIN.left + CONTENT_WIDTH - numberWidth + 4;
      this.artifact(() => {
        this.doc.fillColor(COLOR.rule);
        for (let x = leaderEnd; x >= leaderStart; x -= 4) this.doc.circle(x, baseline - 1, 0.55).fill();
      });
      const area: ContentsEntry['area'] = [MARGIN.left + indent, start, CONTENT_WIDTH - indent, this.y - start];
      left.push({ id: entry.id, text: entry.text, page: this.page, baseline, area, item, link, links });
    }
    this.contentsLeft.push({ toc, entries: left });
    this.y += PARAGRAPH_GAP + 6;
  }

  /**
   * Writes the page numbers into the tables of contents, now that every heading is placed,
   * and closes their entries: each number is part of its entry's Link, as the text is.
   */
  private contentsPages(): void {
    this.closeMark();
    if (this.contentsLeft.length === 0) return;
    const { start } = this.doc.bufferedPageRange();
    for (const { toc, entries } of this.contentsLeft) {
      for (const { id, text, page, baseline, area, item, link, links } of entries) {
        this.doc.switchToPage(start + page);
        const found = this.headingPages.get(id);
        const number = found === undefined ? '' : String(found);
        if (number !== '') {
          link.elem.add(this.doc.markStructureContent(link.type));
          this.put(number, MARGIN.left + CONTENT_WIDTH - this.measure(number, this.body.base), baseline, this.body.base);
          this.doc.endMarkedContent();
        }
        const options = { structParent: link.elem, Contents: new String(`${text}, page ${number}`) } as unknown as PDFKit.Mixins.AnnotationOption;
        this.doc.goTo(...area, id, options);
        this.finish(link, links);
        this.finish(item);
      }
      this.finish(toc);
    }
  }

  // --- running heads and page numbers ----------------------------------------------------

  private pageFurniture(): void {
    this.closeMark();
    const { start, count } = this.doc.bufferedPageRange();
    const furniture = style('regular', 9, COLOR.secondary);
    const right = this.source.partnership;
    const rightWidth = this.measure(right, furniture);
    // The partnership at the right of the running head, when the title leaves room for it.
    const room = CONTENT_WIDTH - rightWidth - 24;
    const both = room > Math.min(160, this.measure(this.source.title, furniture));
    const title = truncate(this.source.title, both ? room : CONTENT_WIDTH, (t) => this.measure(t, furniture));
    for (let k = 0; k < count; k++) {
      this.doc.switchToPage(start + k);
      this.doc.markContent('Artifact', { type: 'Pagination' });
      if (k > 0) {
        this.put(title, MARGIN.left, 46, furniture);
        if (both) this.put(right, MARGIN.left + CONTENT_WIDTH - rightWidth, 46, furniture);
        this.doc.lineWidth(0.5).strokeColor(COLOR.rule).moveTo(MARGIN.left, 53).lineTo(MARGIN.left + CONTENT_WIDTH, 53).stroke();
      }
      const label = `Page ${k + 1} of ${count}`;
      this.put(label, MARGIN.left + CONTENT_WIDTH - this.measure(label, furniture), PAGE.height - 40, furniture);
      this.doc.endMarkedContent();
    }
  }
}

function truncate(text: string, width: number, measure: (t: string) => number): string {
  if (measure(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && measure(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function listMarker(ordered: boolean, depth: number, index: number): string {
  if (!ordered) return depth % 2 === 0 ? '•' : '–';
  const n = index + 1;
  switch (depth % 3) {
    case 0:
      return `${n}.`;
    case 1:
      return `${alphabetic(n)}.`;
    default:
      return `${roman(n)}.`;
  }
}

function alphabetic(n: number): string {
  let text = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) text = String.fromCharCode(97 + ((k - 1) % 26)) + text;
  return text;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let text = '';
  let rest = n;
  for (const [value, numeral] of table) {
    while (rest >= value) {
      text += numeral;
      rest -= value;
    }
  }
  return text;
}
