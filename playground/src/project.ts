import { publishedDocuments } from '../../src/backends/document/index.js';
import { renderHtml, type Templates } from '../../src/backends/html/render.js';
import type { Model } from '../../src/model/model.js';
import { compile, type Diagnostic, type SourceFile } from '../../src/index.js';

/**
 * The playground's compiler pass: every file of the project compiled together, the diagnostics
 * counted, and the chosen published document rendered. Pure: the templates come in as text and
 * today's date as an argument, so tests run it without a browser.
 */

export interface Example {
  /** The folder under examples/: `isle-of-wight`. */
  id: string;
  title: string;
  files: SourceFile[];
}

export interface PreviewDocument {
  slug: string;
  label: string;
}

export interface Compiled {
  model: Model | undefined;
  diagnostics: Diagnostic[];
  documents: PreviewDocument[];
  /** The page of the chosen document (or the first), or undefined when none could be rendered. */
  page: { slug: string; html: string } | undefined;
  /** Why no page could be rendered, when one could not. */
  problem: string | undefined;
}

export interface CompileInput {
  files: readonly SourceFile[];
  templates: Templates;
  /** The slug of the document to render; the arrangements (`index`) when absent or gone. */
  slug: string | undefined;
  today: { year: number; month: number; day: number };
}

export function compileProject(input: CompileInput): Compiled {
  const result = compile(input.files, { validate: { today: input.today } });
  const none = { model: result.model, diagnostics: result.diagnostics, documents: [], page: undefined };
  if (!result.model) return { ...none, problem: 'The sources could not be read, so there is nothing to preview.' };
  try {
    // Without a diagram function the structure is drawn as a list: the diagram's layout engine stays out of the page.
    const documents = publishedDocuments(result.model);
    const chosen = documents.find((d) => d.slug === input.slug) ?? documents[0];
    // Only the chosen page is shown: the others go in without their text, which keeps the
    // navigation and the links between pages while rendering a tenth of the words.
    const pages = renderHtml(
      documents.map((d) => (d === chosen ? d : { ...d, blocks: [] })),
      { templates: input.templates },
    );
    const page = pages.find((p) => p.path === `${chosen?.slug}.html`);
    return {
      model: result.model,
      diagnostics: result.diagnostics,
      documents: documents.map((d) => ({ slug: d.slug, label: d.label ?? d.title })),
      page: chosen && page ? { slug: chosen.slug, html: page.content } : undefined,
      problem: undefined,
    };
  } catch (error) {
    // A half-written partnership can be more than the document builder expects: keep the last preview.
    return { ...none, problem: `The preview could not be built from these sources (${(error as Error).message.split('\n')[0]}).` };
  }
}

export interface DiagnosticCount {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCount {
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    infos: diagnostics.filter((d) => d.severity === 'info').length,
    files: new Set(diagnostics.map((d) => d.file)).size,
  };
}

/** "No problems." or "2 errors and 1 warning in 2 files." — what the live region says. */
export function countText(count: DiagnosticCount): string {
  const parts = [plural(count.errors, 'error'), plural(count.warnings, 'warning'), plural(count.infos, 'note')].filter((p) => p !== '');
  if (parts.length === 0) return 'No problems.';
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${list} in ${plural(count.files, 'file')}.`;
}

function plural(n: number, word: string): string {
  return n === 0 ? '' : `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A diagnostic as one line of text: the message and, when there is one, how to fix it. */
export function diagnosticMessage(d: Diagnostic): string {
  return d.hint ? `${d.message} ${d.hint}` : d.message;
}

/**
 * A diagnostic's range in a document of `length` characters: clamped to the text, and at least
 * one character wide where there is one, so an underline can be seen.
 */
export function diagnosticRange(d: Diagnostic, length: number): { from: number; to: number } {
  const from = Math.min(Math.max(0, d.start.offset), length);
  const to = Math.min(Math.max(from, d.end.offset), length);
  if (to > from) return { from, to };
  return from < length ? { from, to: from + 1 } : { from: Math.max(0, length - 1), to: length };
}

/** The file to open first: the partnership's own file when there is one, else the first. */
export function firstFile(files: readonly SourceFile[]): string | undefined {
  return (files.find((f) => /(^|\/)partnership\.tor$/.test(f.path)) ?? files[0])?.path;
}
