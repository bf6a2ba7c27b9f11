import { beforeAll, describe, expect, it } from 'vitest';
import type { Inline, ListBlock, PublishedDocument } from '../../../src/backends/document/types.js';
import { loadFonts, type PdfFonts } from '../../../src/backends/pdf/fonts.js';
import { renderPdf } from '../../../src/backends/pdf/render.js';
import { everyBlock, LONG_ITEM, longDocument } from './fixtures.js';
import { flatten, HAVE_POPPLER, headingTree, IN_CI, lines, outline, pdffonts, pdfinfo, pdftotext, rows, squash, structText, titles } from './poppler.js';

/** The PDF backend read back with poppler: metadata, tags, outline, text, layout, determinism. */

const EPOCH = new Date(1_700_000_000_000);
let fonts: PdfFonts;
let every: Uint8Array;
let long: Uint8Array;
const longDoc = longDocument();

beforeAll(async () => {
  fonts = await loadFonts();
  every = await renderPdf(everyBlock, { creationDate: EPOCH, fonts });
  long = await renderPdf(longDoc, { creationDate: EPOCH, fonts });
}, 30_000);

describe('renderPdf without poppler', () => {
  it('writes a PDF 1.7 that marks itself tagged, with the title shown in the window', () => {
    const raw = Buffer.from(every).toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toContain('/MarkInfo');
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
  });

  it('is byte-identical for the same document and creation date', async () => {
    expect(Buffer.from(await renderPdf(everyBlock, { creationDate: EPOCH, fonts })).equals(Buffer.from(every))).toBe(true);
    expect(Buffer.from(await renderPdf(longDoc, { creationDate: EPOCH, fonts })).equals(Buffer.from(long))).toBe(true);
    const later = await renderPdf(everyBlock, { creationDate: new Date(1_800_000_000_000), fonts });
    expect(Buffer.from(later).equals(Buffer.from(every))).toBe(false);
  });

  it('links only web and mail addresses', () => {
    const raw = Buffer.from(every).toString('latin1');
    expect(raw).toContain('/URI (https://www.gov.uk/government/publications/working-together-to-safeguard-children--2)');
    expect(raw).toContain('/URI (mailto:nscp@example.org)');
    expect(raw).not.toContain('javascript');
    // The SVG's own link to an HTML page is not carried into the PDF.
    expect(raw).not.toContain('executive.html');
  });

  it('gives the figure its alternative text', () => {
    const raw = Buffer.from(every).toString('latin1');
    expect(raw).toMatch(/\/S \/Figure[\s\S]{0,200}\/Alt \(How the groups of the partnership are accountable: a diagram, described in the list that follows it.\)/);
  });

  it('escapes the title in the XMP metadata', async () => {
    const doc: PublishedDocument = { ...everyBlock, title: 'Scrutiny & Assurance <Group>' };
    const raw = Buffer.from(await renderPdf(doc, { creationDate: EPOCH, fonts })).toString('latin1');
    const xmp = raw.slice(raw.indexOf('<x:xmpmeta'), raw.indexOf('</x:xmpmeta>'));
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Scrutiny &amp; Assurance &lt;Group&gt;</rdf:li>');
    expect(xmp).not.toContain('Scrutiny & Assurance <Group>');
  });
});

describe.runIf(HAVE_POPPLER || IN_CI)('renderPdf read back with poppler', () => {
  it('says Tagged: yes, A4, the title, the partnership as author and the creation date', () => {
    const info = pdfinfo(every);
    expect(info['Tagged']).toBe('yes');
    expect(info['Page size']).toMatch(/^595\.2\d? x 841\.8\d? pts \(A4\)$/);
    expect(info['Title']).toBe(everyBlock.title);
    expect(info['Author']).toBe(everyBlock.partnership);
    expect(info['PDF version']).toBe('1.7');
    expect(info['CreationDate']).toMatch(/2023/);
    expect(Number(pdfinfo(long)['Pages'])).toBeGreaterThanOrEqual(6);
  });

  it('embeds its fonts, and only its own', () => {
    const rows = pdffonts(every).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows.length).toBe(3);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+SourceSans3-(Regular|Bold|It)\s/);
      expect(row).toMatch(/\byes\s+yes\s+yes\b/);
    }
  });

  it('has an outline that mirrors the headings, each entry opening the page the heading is on', () => {
    for (const [doc, bytes] of [[everyBlock, every], [longDoc, long]] as const) {
      const tree = outline(bytes);
      expect(titles(tree)).toEqual(headingTree(doc.blocks));
      for (const item of flatten(tree)) expect(squash(pdftotext(bytes, item.page))).toContain(item.title);
    }
  });

  it('lists the headings after the contents block with their page numbers', () => {
    // Each entry is a row of page 1: the heading, then its page number.
    const toc = new Map(
      rows(long, 1)
        .filter((r) => r.words.length > 1 && /^\d+$/.test(r.words[r.words.length - 1]!.text))
        .map((r) => [r.words.slice(0, -1).map((w) => w.text).join(' '), Number(r.words[r.words.length - 1]!.text)]),
    );
    const listed = flatten(outline(long)).filter((i) => i.title !== 'Terms of reference: the Executive Group');
    expect(listed.length).toBeGreaterThan(10);
    for (const item of listed) expect(toc.get(item.title), item.title).toBe(item.page);
  });

  it('tags headings, paragraphs, lists, tables, the figure, the contents and links', () => {
    const tree = structText(every);
    expect(tree.split('\n')[0]).toBe('Document');
    for (const tag of ['H1', 'H2', 'H3', 'H4', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'Caption', 'TR', 'TH', 'TD', 'Figure', 'TOC', 'TOCI', 'Link']) {
      expect(tree, tag).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
    }
    expect(tree).toMatch(/TH:\s*\n\s*\/Scope \/Column/);
    // Running heads and page numbers are artifacts: on the page, not in the structure.
    expect(pdftotext(every, 2)).toContain('Page 2 of');
    expect(tree).not.toContain('Page 2 of');
    // Words either side of a line break stay apart for a screen reader.
    expect(tree).toContain(`"${LONG_ITEM}`);
  });

  it('prints every heading, paragraph, list item, table cell and note of the document', () => {
    for (const [doc, bytes] of [[everyBlock, every], [longDoc, long]] as const) {
      const text = squash(pdftotext(bytes));
      for (const sentence of documentText(doc)) expect(text).toContain(squash(sentence));
    }
  });

  it('wraps a long list item with a hanging indent', () => {
    const all = lines(every);
    const first = all.findIndex((l) => l.some((w) => w.text === 'Local') && l.some((w) => w.text === 'Authority'));
    expect(first).toBeGreaterThanOrEqual(0);
    const [bullet, text] = all[first]!;
    expect(bullet!.text).toBe('•');
    expect(text!.xMin).toBeGreaterThan(bullet!.xMin + 8);
    const continuation = all.slice(first + 1, first + 3);
    expect(continuation.map((l) => l[0]!.text)).toEqual(['allegations', 'outcomes']);
    for (const line of continuation) expect(line[0]!.xMin).toBeCloseTo(text!.xMin, 0);
  });

  it('puts the title in a running head on every page but the first, and numbers every page', () => {
    const pages = Number(pdfinfo(long)['Pages']);
    for (let page = 1; page <= pages; page++) {
      const text = pdftotext(long, page);
      expect(text).toContain(`Page ${page} of ${pages}`);
      if (page === 1) expect(text.indexOf(longDoc.title)).toBeLessThan(0);
      else expect(text.trimStart().startsWith(longDoc.title)).toBe(true);
    }
  });

  it('repeats the header row of a table that runs onto another page', () => {
    const pages = Number(pdfinfo(long)['Pages']);
    const withHeader = Array.from({ length: pages }, (_, k) => pdftotext(long, k + 1)).filter((t) => /Member\s+Organisation\s+Role on the group/.test(t));
    expect(withHeader.length).toBeGreaterThanOrEqual(2);
    // The repeated header is an artifact: the table has one header row.
    expect(structText(long).match(/TH:/g)?.length).toBe(3);
  });

  it('never leaves a heading at the foot of a page', () => {
    const headings = new Set(longDoc.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : [])));
    const pages = Number(pdfinfo(long)['Pages']);
    for (let page = 2; page <= pages; page++) {
      const body = rows(long, page).filter((r) => !r.text.startsWith('Page ') && r.text !== `${longDoc.title} ${longDoc.partnership}`);
      expect(headings.has(body[body.length - 1]!.text), `page ${page} ends with a heading`).toBe(false);
    }
  });

  it('fails in CI when poppler-utils is missing', () => {
    expect(HAVE_POPPLER).toBe(true);
  });
});


function plain(content: readonly Inline[]): string {
  return content.map((i) => (i.kind === 'footnote-ref' ? '' : i.text)).join('');
}

/** What a reader must find in the PDF: every heading, paragraph, list item, table cell and note. */
function documentText(doc: PublishedDocument): string[] {
  const out: string[] = [];
  const list = (l: ListBlock): void => {
    for (const item of l.items) {
      out.push(plain(item.content));
      if (item.children) list(item.children);
    }
  };
  for (const block of doc.blocks) {
    if (block.kind === 'heading') out.push(block.text);
    else if (block.kind === 'paragraph') out.push(...plain(block.content).split(/(?<=\.)\s+/));
    else if (block.kind === 'list') list(block);
    else if (block.kind === 'diagram') list(block.alternative);
    else if (block.kind === 'footnotes') for (const item of block.items) out.push(plain(item.content));
    else if (block.kind === 'table') out.push(block.caption, ...block.head, ...block.rows.flat().map(plain));
  }
  return out.filter((s) => s.trim() !== '');
}
