/**
 * The published document, independent of how it is printed: the HTML and PDF backends
 * render the same tree, so both say the same thing. Built from the resolved model by
 * src/backends/document/ (prose as written, structured facts as generated sentences).
 */
import type { Drawing } from '../diagram/shapes.js';

/** The title is the document's one level 1 heading: renderers print it; `blocks` start below it. */
export interface PublishedDocument {
  /** The page's file stem: `index` for the arrangements, the group id for terms of reference. */
  slug: string;
  title: string;
  /** The partnership's name, for headers and metadata. */
  partnership: string;
  lang: 'en-GB';
  /** E.g. "Published September 2024 · Working Together 2023". */
  subtitle: string | undefined;
  /** A short name for navigation between the documents ("Executive Group", "Health Group (HIPS)"). */
  label?: string;
  blocks: Block[];
}

/** Where an internal link goes: another published document (by slug), optionally a heading or footnote in it. */
export interface LinkTarget {
  slug: string;
  anchor?: string;
}

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  /**
   * `href` is an `http:`, `https:` or `mailto:` URL, or for a link to a published document
   * (`internal` set) the HTML page's relative address (`executive.html#quorum`); a backend
   * that writes other files (PDF) links to its own rendering of `internal` instead.
   */
  | { kind: 'link'; text: string; href: string; internal?: LinkTarget }
  /** `id`: the anchor of the footnote it refers to in this document. */
  | { kind: 'footnote-ref'; marker: string; id?: string };

export interface ListItem {
  content: Inline[];
  children: ListBlock | undefined;
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  items: ListItem[];
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string; id: string }
  | { kind: 'paragraph'; content: Inline[] }
  | ListBlock
  | { kind: 'table'; caption: string; head: string[]; rows: Inline[][][] }
  /** The SVG for HTML; the same shapes as a Drawing for backends that draw them (the PDF). */
  | { kind: 'diagram'; caption: string; svg: string; drawing: Drawing; alternative: ListBlock }
  /** Footnote definitions where the source defines them; `id` is the anchor footnote references point at. */
  | { kind: 'footnotes'; items: Array<{ marker: string; content: Inline[]; id?: string }> }
  /** The contents: a list of the document's level 2 headings (the renderer collects them). */
  | { kind: 'contents' };
