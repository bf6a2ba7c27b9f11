import type { ListBlock } from '../document/types.js';
import type { Model } from '../../model/model.js';
import { structureAlternative, structureDescription, type AlternativeOptions } from './alternative.js';
import { structureGraph } from './graph.js';
import { layoutStructure, type StructureLayout } from './layout.js';
import { type Drawing, structureDrawing } from './drawing.js';
import { drawingSvg } from './svg.js';

export { structureGraph, type StructureGraph, type StructureNode, type StructureEdge, type StructureCluster } from './graph.js';
export { structureAlternative, structureDescription, type AlternativeOptions } from './alternative.js';
export { layoutStructure, type StructureLayout } from './layout.js';
export { drawingSvg, escapeXml, ID_PREFIX } from './svg.js';
export { structureDrawing, type Drawing, type DrawingItem } from './drawing.js';

export interface StructureDiagram {
  /** A standalone SVG document (no XML declaration), ready to put inline in HTML. */
  svg: string;
  /** The same structure as a nested list, for the text alternative. */
  alternative: ListBlock;
  caption: string;
  /** What the SVG draws, shape by shape, for backends that draw it themselves (the PDF). */
  drawing: Drawing;
  /** Where everything was placed, for tests. */
  layout: StructureLayout;
}

/**
 * The partnership's structure diagram. Async because ELK's layout is: compute it once
 * before building the document and hand the result to the document builder. Everything
 * but the layout is synchronous: structureGraph, structureAlternative, structureDrawing, drawingSvg.
 */
export async function structureDiagram(model: Model, options: AlternativeOptions = {}): Promise<StructureDiagram> {
  const graph = structureGraph(model);
  const layout = await layoutStructure(graph);
  const name = model.partnership.name;
  const title = `Structure of the ${name}`;
  const drawing = structureDrawing(layout);
  const svg = drawingSvg(drawing, { title, description: structureDescription(graph) });
  const parts = ['its groups and their lines of accountability'];
  if (graph.clusters.length > 0) parts.push(graph.clusters.length === 1 ? 'the collaboration it takes part in' : 'the collaborations it takes part in');
  if (graph.functionalLinks.length > 0) parts.push('its functional links');
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  const caption = `The structure of the ${name}: ${list}.`;
  return { svg, drawing, alternative: structureAlternative(graph, options), caption, layout };
}
