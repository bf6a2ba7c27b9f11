import type { Model } from '../../model/model.js';
import type { StructureDiagram } from '../diagram/index.js';
import type { PublishedDocument } from '../document/types.js';

/**
 * `tor build --format pdf`: one PDF per published document (`index.pdf` for the
 * arrangements, `<group>.pdf` for each terms of reference). Everything heavy — the document
 * builder, the diagram layout, pdfkit and the fonts — is loaded only when a PDF is asked for.
 */

export interface PdfFile {
  path: string;
  content: Uint8Array;
}

export interface PdfBuildOptions {
  /** The structure diagram, drawn once by tor build for every format; drawn here when absent. */
  diagram?: StructureDiagram;
  env?: NodeJS.ProcessEnv;
}

export async function renderPdfs(model: Model, options: PdfBuildOptions = {}): Promise<PdfFile[]> {
  const creationDate = sourceDate(options.env ?? process.env);
  const [documents, { renderPdf }, { loadFonts }] = await Promise.all([publishedDocumentsOf(model, options.diagram), import('./render.js'), import('./fonts.js')]);
  const fonts = await loadFonts();
  const files: PdfFile[] = [];
  // One at a time: pdfkit is synchronous work, and the order of the output is the documents'.
  for (const doc of documents) files.push({ path: `${doc.slug}.pdf`, content: await renderPdf(doc, { creationDate, fonts }) });
  return files;
}

/** The documents to print, with the structure diagram drawn for the arrangements. */
async function publishedDocumentsOf(model: Model, drawn: StructureDiagram | undefined): Promise<PublishedDocument[]> {
  const { publishedDocuments } = await import('../document/index.js');
  const diagram = drawn ?? (await (await import('../diagram/index.js')).structureDiagram(model));
  return publishedDocuments(model, { diagram: () => ({ svg: diagram.svg, drawing: diagram.drawing, alternative: diagram.alternative }) });
}

/**
 * The creation date written into each PDF: SOURCE_DATE_EPOCH (whole seconds) when set, as
 * reproducible builds do, so the same sources give the same bytes; otherwise the clock.
 */
export function sourceDate(env: NodeJS.ProcessEnv): Date | undefined {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return undefined;
  const date = new Date(Number(epoch) * 1000);
  if (!/^\d+$/.test(epoch) || Number.isNaN(date.getTime())) throw new SourceDateProblem(`SOURCE_DATE_EPOCH must be a whole number of seconds, not \`${epoch}\``);
  return date;
}

/** A problem in the build's environment, not a bug: `tor build` says it and writes nothing (by the error's name). */
class SourceDateProblem extends Error {
  override name = 'BuildProblem';
}
