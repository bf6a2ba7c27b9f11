import type { StructureDiagram } from '../backends/diagram/index.js';
import type { Model } from '../model/model.js';

/**
 * The structure diagram, laid out again only when what it draws has changed. ELK's layout is
 * the slowest step of building the pages, and most edits (a purpose, a duty, a member's
 * name) leave the structure as it was, so a preview keeps the last diagram and the graph it
 * was drawn from.
 */
export class DiagramCache {
  private last: { key: string; diagram: Promise<StructureDiagram> } | undefined;
  /** How many layouts were run, for the terminal and the tests. */
  layouts = 0;

  async diagramOf(model: Model): Promise<StructureDiagram> {
    const { structureGraph, structureDiagram } = await import('../backends/diagram/index.js');
    // The drawing depends only on the graph and the partnership's name (its title and caption).
    const key = JSON.stringify([model.partnership.name, structureGraph(model)]);
    if (this.last?.key !== key) {
      this.layouts++;
      const diagram = structureDiagram(model);
      this.last = { key, diagram };
      // A failed layout must not be served from the cache to the next build.
      diagram.catch(() => {
        if (this.last?.diagram === diagram) this.last = undefined;
      });
    }
    return this.last.diagram;
  }
}
