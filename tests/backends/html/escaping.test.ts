import { describe, expect, it } from 'vitest';
import { publishedDocuments } from '../../../src/backends/document/index.js';
import { renderHtml, safeHref } from '../../../src/backends/html/render.js';
import { loadTemplates } from '../../../src/backends/html/templates.js';
import { modelOf, withPartnership } from '../../helpers.js';
import { hrefs, main, pageText, tags } from './html.js';

/** Every word from the sources is text in the page, never markup; only http(s) and mailto addresses become links. */

const SOURCE = `
group executive: Executive <b>Group</b> & "Friends"
  kind: executive
  chaired by the partnership chair
  purpose:
    To test <script>alert(1)</script> escaping & "quotes" in a purpose.
    See javascript:alert(1) and JavaScript:alert(2) and data:text/html,<b>x</b> here.
    Visit https://example.org/a?b=1&c=<x> or write to team@example.org.
  meets quarterly

section foreword: Foreword <img src=x onerror=alert(1)>
  The {{partnership}} and {{{triple}}} braces stay as written.
  **<i>bold</i>** text.
`;

async function pages(): Promise<Map<string, string>> {
  const model = modelOf(withPartnership(SOURCE));
  const loaded = await loadTemplates(undefined);
  if (!loaded.ok) throw new Error(loaded.problem);
  return new Map(renderHtml(publishedDocuments(model), { templates: loaded.templates }).map((p) => [p.path, p.content]));
}

describe('escaping', () => {
  it('shows a purpose containing <script>alert(1)</script> as text', async () => {
    const html = (await pages()).get('executive.html')!;
    expect(html).toContain('To test &lt;script&gt;alert(1)&lt;/script&gt; escaping &amp; &quot;quotes&quot; in a purpose.');
    expect(tags(html).some((t) => t.name === 'script')).toBe(false);
    expect(pageText(html)).toContain('To test <script>alert(1)</script> escaping & "quotes" in a purpose.');
  });

  it('escapes titles in headings, the <title> and the navigation', async () => {
    const all = await pages();
    const html = all.get('executive.html')!;
    expect(html).toContain('<h1>Executive &lt;b&gt;Group&lt;/b&gt; &amp; &quot;Friends&quot; Terms of Reference</h1>');
    expect(html).toContain('<title>Executive &lt;b&gt;Group&lt;/b&gt; &amp; &quot;Friends&quot; Terms of Reference – Test Partnership</title>');
    const index = all.get('index.html')!;
    expect(index).toContain('Foreword &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    for (const page of all.values()) {
      expect(tags(page).filter((t) => t.name === 'b' || t.name === 'img' || t.name === 'i')).toEqual([]);
      expect(page).not.toMatch(/onerror=/);
    }
  });

  it('does not link javascript:, data: or anything but http(s) and mailto', async () => {
    const html = (await pages()).get('executive.html')!;
    const links = hrefs(main(html));
    expect(links).toContain('https://example.org/a?b=1&c=');
    expect(links).toContain('mailto:team@example.org');
    expect(links.filter((h) => !/^(https?:|mailto:|#|[a-z0-9-]+\.html)/.test(h))).toEqual([]);
    expect(html.toLowerCase()).not.toContain('href="javascript');
    expect(html.toLowerCase()).not.toContain('href="data');
    expect(pageText(html)).toContain('See javascript:alert(1) and JavaScript:alert(2) and data:text/html,<b>x</b> here.');
  });

  it('keeps handlebars syntax in the sources as text', async () => {
    const index = (await pages()).get('index.html')!;
    expect(pageText(index)).toContain('The {{partnership}} and {{{triple}}} braces stay as written.');
    expect(index).toContain('<strong>&lt;i&gt;bold&lt;/i&gt;</strong>');
  });

  it('refuses unsafe addresses even when the document tree holds them', () => {
    const pages = new Set(['index', 'executive']);
    expect(safeHref('javascript:alert(1)', undefined)).toBeUndefined();
    expect(safeHref(' javascript:alert(1)', undefined)).toBeUndefined();
    expect(safeHref('JAVASCRIPT:alert(1)', undefined)).toBeUndefined();
    expect(safeHref('vbscript:x', undefined)).toBeUndefined();
    expect(safeHref('data:text/html,x', undefined)).toBeUndefined();
    expect(safeHref('https://example.org/"onmouseover="x', undefined)).toBeUndefined();
    expect(safeHref('https://example.org/', undefined)).toBe('https://example.org/');
    expect(safeHref('mailto:a@b.org', undefined)).toBe('mailto:a@b.org');
    // Internal links: only published pages and anchors.
    expect(safeHref('executive.html#quorum', pages)).toBe('executive.html#quorum');
    expect(safeHref('missing.html', pages)).toBeUndefined();
    expect(safeHref('https://example.org/', pages)).toBeUndefined();
    expect(safeHref('#quorum', pages)).toBe('#quorum');
  });

  it('drops a diagram SVG that carries script', () => {
    const doc = {
      slug: 'index',
      title: 'T',
      partnership: 'P',
      lang: 'en-GB' as const,
      subtitle: undefined,
      blocks: [
        { kind: 'heading' as const, level: 2 as const, text: 'S', id: 's' },
        { kind: 'diagram' as const, caption: 'C', svg: '<svg onload="alert(1)"><script>alert(2)</script></svg>', drawing: { width: 1, height: 1, items: [] }, alternative: { kind: 'list' as const, ordered: false, items: [] } },
      ],
    };
    return loadTemplates(undefined).then((loaded) => {
      if (!loaded.ok) throw new Error(loaded.problem);
      const [page] = renderHtml([doc], { templates: loaded.templates });
      expect(page!.content).not.toContain('alert');
    });
  });
});
