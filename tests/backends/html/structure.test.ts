import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../helpers.js';
import { examplePages, headings, ids, main, nestingProblems, tags } from './html.js';

/** Semantic, accessible structure of every page of every example. */

describe.each(EXAMPLES)('the pages of %s', (example) => {
  it('are complete documents in British English with one h1 and headings in order', async () => {
    for (const [path, html] of await examplePages(example)) {
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">'), path).toBe(true);
      expect(nestingProblems(html), path).toEqual([]);
      const levels = headings(html).map((h) => h.level);
      expect(levels.filter((l) => l === 1), path).toHaveLength(1);
      expect(levels[0], path).toBe(1);
      // No level skipped on the way down.
      levels.forEach((level, k) => {
        if (k > 0) expect(level, `${path}: heading ${k} after h${levels[k - 1]}`).toBeLessThanOrEqual(levels[k - 1]! + 1);
      });
      expect(headings(html).every((h) => h.level === 1 || h.id !== undefined), path).toBe(true);
    }
  });

  it('have the landmarks, a skip link to the main content and unique ids', async () => {
    for (const [path, html] of await examplePages(example)) {
      const open = tags(html).filter((t) => !t.closing);
      for (const landmark of ['header', 'nav', 'main', 'footer']) expect(open.filter((t) => t.name === landmark).length, `${path} <${landmark}>`).toBeGreaterThanOrEqual(1);
      expect(open.filter((t) => t.name === 'main')).toHaveLength(1);
      const skip = open.find((t) => t.name === 'a');
      expect(skip?.attrs['href'], path).toBe('#main');
      expect(open.find((t) => t.name === 'main')?.attrs['id']).toBe('main');
      // Several navigation landmarks are told apart by their labels.
      const navs = open.filter((t) => t.name === 'nav');
      expect(navs.every((n) => n.attrs['aria-label'] !== undefined || n.attrs['aria-labelledby'] !== undefined), path).toBe(true);
      const all = ids(html);
      expect(all.filter((id, k) => all.indexOf(id) !== k), path).toEqual([]);
      expect(html).toContain('<meta name="viewport"');
      expect(html).toMatch(/<title>[^<]+<\/title>/);
    }
  });

  it('write lists as lists and tables with a caption and header cells', async () => {
    for (const [path, html] of await examplePages(example)) {
      const body = main(html);
      const open = tags(body).filter((t) => !t.closing);
      const tables = open.filter((t) => t.name === 'table').length;
      expect(open.filter((t) => t.name === 'caption').length, path).toBe(tables);
      if (tables > 0) expect(open.filter((t) => t.name === 'th' && t.attrs['scope'] === 'col').length, path).toBeGreaterThan(0);
      // No bullet characters standing in for lists.
      expect(body, path).not.toMatch(/<p>\s*[•·▪-]\s/);
      // Every list item sits directly in a list.
      const stack: string[] = [];
      for (const t of tags(body)) {
        if (t.closing) stack.pop();
        else if (!t.selfClosing) {
          if (t.name === 'li') expect(['ul', 'ol'], `${path}: <li> in <${stack.at(-1)}>`).toContain(stack.at(-1));
          stack.push(t.name);
        }
      }
    }
  });

  it('carry their styles inline, with a print stylesheet, and load nothing from elsewhere', async () => {
    for (const [path, html] of await examplePages(example)) {
      expect(html).toMatch(/<style>[\s\S]*@media print\{[\s\S]*@page\{size:A4/);
      expect(html).toMatch(/break-after:avoid;page-break-after:avoid/);
      const external = tags(html).filter((t) => (t.name === 'link' && t.attrs['rel'] === 'stylesheet') || t.name === 'script' || (t.attrs['src'] ?? '').startsWith('http'));
      expect(external, path).toEqual([]);
    }
  });
});

describe('the arrangements of the Isle of Wight', () => {
  it('put the delegated safeguarding partners in a table, relevant agencies in a list with footnotes, and the diagram with its text', async () => {
    const html = (await examplePages('isle-of-wight')).get('index.html')!;
    expect(html).toContain('<caption>Delegated safeguarding partners</caption>');
    expect(html).toContain('<thead><tr><th scope="col">Name</th><th scope="col">Post</th><th scope="col">Organisation</th></tr></thead>');
    expect(html).toContain('<th scope="row">Ashley Whittaker</th><td>Director of Children&#x27;s Services</td><td>Isle of Wight Council</td>');
    expect(html).toMatch(/<li>Education providers<sup class="footnote-ref"><a href="#(fn-\d+)">\*<\/a><\/sup><\/li>/);
    const note = /<li>Education providers<sup class="footnote-ref"><a href="#(fn-\d+)">/.exec(html)![1];
    expect(html).toContain(`<li id="${note}"><span class="marker">*</span> Primary, Secondary, Independent`);
    expect(html).toContain('<p>The partnership chair is <strong>Ashley Whittaker, Director of Children&#x27;s Services, Isle of Wight Council</strong>.</p>');
    expect(html).toMatch(/<figure class="diagram">\s*<div class="diagram-image"><svg /);
    expect(html).toContain('<summary>The structure in words</summary>');
    expect(html).toContain('<nav class="contents" aria-labelledby="contents">');
  });
});
