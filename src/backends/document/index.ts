import type { Model } from '../../model/model.js';
import { arrangements, arrangementsTitle, type DiagramFunction, INDEX_SLUG } from './arrangements.js';
import { Names } from './names.js';
import { structureOrder } from './structure.js';
import { termsOfReference } from './terms.js';
import type { PublishedDocument } from './types.js';
import { pageSlug, Writer } from './write.js';

/**
 * The published documents of a partnership, built from the resolved model: the arrangements
 * (`index`) and one terms of reference per group. Pure and browser-safe; the HTML and PDF
 * backends render these trees.
 */

export interface DocumentOptions {
  /** Draws the structure diagram; without it, `{structure diagram}` shows the structure as a list. */
  diagram?: DiagramFunction;
}

export function publishedDocuments(model: Model, options: DocumentOptions = {}): PublishedDocument[] {
  const names = new Names(model);
  const anchors = new Map<string, string>();
  const places = { pages: new Set(model.groups.map((g) => g.id)), anchors, index: INDEX_SLUG };
  // The arrangements first: building them records where each role and group is described.
  const index = arrangements(model, new Writer(names, places, INDEX_SLUG), anchors, options.diagram);
  const title = arrangementsTitle(model);
  const groups = structureOrder(model).map((g) => {
    const doc = termsOfReference(g, model, new Writer(names, places, pageSlug(g.id)), title);
    // A collaboration's group is told apart from the partnership's own ("Health Group (HIPS)").
    const collaboration = g.partOf ? model.collaborations.find((c) => c.id === g.partOf) : undefined;
    const short = collaboration?.shortName;
    doc.label = short && !g.title.includes(short) ? `${g.title} (${short})` : g.title;
    return doc;
  });
  index.label = index.title;
  return [index, ...groups];
}

export { structureAlternative, structureOrder } from './structure.js';
export { inline, plain } from './inline.js';
export type { DiagramFunction } from './arrangements.js';
export { INDEX_SLUG } from './arrangements.js';
export type * from './types.js';
