/**
 * Fidelity, the HTML half: every prose sentence and every structured fact of the seeds is in
 * the published pages (see ../fidelity.ts for what is looked for, and where).
 */
import { describe, expect, it } from 'vitest';
import { normalise } from '../../examples/seed-sentences.js';
import { FIDELITY_EXAMPLES, findSeeds } from '../fidelity.js';
import { examplePages, pageText } from './html.js';

describe('fidelity: the published pages hold every sentence and fact of the seeds', () => {
  for (const { name } of FIDELITY_EXAMPLES) {
    it(name, async () => {
      const pages = await examplePages(name);
      const text = new Map([...pages].map(([path, html]) => [path.replace(/\.html$/, ''), normalise(pageText(html))]));
      const { prose, facts, missing } = findSeeds(name, text, 'pages');
      console.log(`${name}: ${prose.found}/${prose.total} prose sentences and ${facts.found}/${facts.total} structured facts found in ${pages.size} pages`);
      expect(missing).toEqual([]);
      expect(prose.total).toBeGreaterThan(0);
    });
  }
});
