import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../helpers.js';
import { examplePages, hrefs, ids, main } from './html.js';

/** Links between the pages resolve: to a page that was written, and to an anchor on it. */

describe.each(EXAMPLES)('links in %s', (example) => {
  it('resolve to a written page and an id on it', async () => {
    const pages = await examplePages(example);
    const anchors = new Map([...pages].map(([path, html]) => [path, new Set(ids(html))]));
    const broken: string[] = [];
    let internal = 0;
    for (const [path, html] of pages) {
      for (const href of hrefs(html)) {
        if (/^(https?:|mailto:)/.test(href)) continue;
        internal++;
        const [file, anchor] = href.startsWith('#') ? [path, href.slice(1)] : (href.split('#') as [string, string | undefined]);
        if (!anchors.has(file)) broken.push(`${path}: ${href} (no such page)`);
        else if (anchor !== undefined && anchor !== '' && !anchors.get(file)!.has(anchor)) broken.push(`${path}: ${href} (no such id)`);
      }
    }
    expect(broken).toEqual([]);
    expect(internal).toBeGreaterThan(0);
  });

  it('link every page from every other, and each group page back to the arrangements', async () => {
    const pages = await examplePages(example);
    for (const [path, html] of pages) {
      const targets = new Set(hrefs(html).map((h) => h.split('#')[0]));
      for (const other of pages.keys()) if (other !== path) expect(targets.has(other), `${path} → ${other}`).toBe(true);
      if (path !== 'index.html') expect(hrefs(main(html)).some((h) => h.startsWith('index.html')), `${path} links back in its text`).toBe(true);
    }
  });
});

describe('links in the Isle of Wight pages', () => {
  it('go from the arrangements to each group, and from each group to where the arrangements describe it', async () => {
    const pages = await examplePages('isle-of-wight');
    const index = main(pages.get('index.html')!);
    for (const group of ['executive', 'board', 'performance-quality', 'learning-inquiry', 'education-subgroup', 'workforce-development', 'child-exploitation', 'hips-executive']) {
      expect(hrefs(index), group).toContain(`${group}.html`);
    }
    expect(hrefs(main(pages.get('executive.html')!))).toContain('index.html#group-executive');
    expect(hrefs(main(pages.get('hips-executive.html')!))).toContain('index.html#hips-chair');
  });

  it('link the Executive Group to the subgroups whose chairs sit on it, and the roles to the arrangements', async () => {
    const html = main((await examplePages('isle-of-wight')).get('executive.html')!);
    expect(html).toContain(
      'The Executive Group is chaired by the <a href="index.html#chair">partnership chair</a> and includes the <a href="index.html#scrutineer">independent scrutineer</a>, the <a href="index.html#delegated-partners">delegated safeguarding partners</a> and the chairs of the following subgroups:',
    );
    expect(html).toContain('<li><a href="performance-quality.html">Performance and Quality Assurance Group (PQA)</a></li>');
    const board = main((await examplePages('isle-of-wight')).get('board.html')!);
    expect(board).toContain('The Main Partnership Board is accountable to the <a href="executive.html">Executive Group</a>.');
  });
});
