import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Inline, ListBlock } from '../../../src/backends/document/types.js';
import { ID_PREFIX, structureDiagram, structureGraph, type StructureDiagram } from '../../../src/backends/diagram/index.js';
import { SIZES, type Box } from '../../../src/backends/diagram/layout.js';
import { textWidth, wrapText } from '../../../src/backends/diagram/metrics.js';
import { compile } from '../../../src/compile.js';
import type { Model } from '../../../src/model/model.js';
import { compileText, exampleFiles, modelOf } from '../../helpers.js';
import { CHROMIUM, checkFit, HAS_CHROMIUM, IN_CI, renderPng } from './chromium.js';
import { elements, parseXml, textOf, type XmlElement } from './xml.js';

/** Every item's text, nested items indented by two spaces. */
function outline(list: ListBlock | undefined, depth = 0): string[] {
  const text = (content: Inline[]): string => content.map((c) => ('text' in c ? c.text : c.marker)).join('');
  return (list?.items ?? []).flatMap((item) => [`${'  '.repeat(depth)}${text(item.content)}`, ...outline(item.children, depth + 1)]);
}

function byId(root: XmlElement): Map<string, XmlElement> {
  return new Map(elements(root).flatMap((e) => (e.attributes.id === undefined ? [] : [[e.attributes.id, e] as const])));
}

const contains = (outer: Box, inner: Box): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const onBorder = (p: { x: number; y: number }, b: Box): boolean =>
  p.x >= b.x - 1 && p.x <= b.x + b.width + 1 && p.y >= b.y - 1 && p.y <= b.y + b.height + 1;

/** A partnership with what the Isle of Wight lacks: a group accountable to a role, a collaboration group tied to the partnership's, and hostile text. */
const FIXTURE = `partnership p: Test <Partnership> & "Friends"
  safeguarding partners: council, icb and police
  lead safeguarding partners: council-ceo, icb-ceo and chief-constable
  delegated safeguarding partners: dcs, nurse and superintendent
  partnership chair: dcs
  independent scrutineer: scrutineer
  functional links:
    - <b>Bold</b> & 'Quoted' "Board"
    - Health and Wellbeing Board

organisation council: Test Council
  kind: local authority
  post council-ceo: Chief Executive
  post dcs: Director of Children's Services

organisation icb: Test ICB
  kind: integrated care board
  post icb-ceo: Chief Executive
  post nurse: Chief Nurse

organisation police: Test Police
  kind: police
  post chief-constable: Chief Constable
  post superintendent: Detective Superintendent

post scrutineer: Independent Scrutineer

collaboration region: The Regional Safeguarding Collaboration of Somewhere With a Very Long Name

group executive: Executive Group
  kind: executive
  accountable to the lead safeguarding partners

group script: <script>alert(1)</script>
  kind: subgroup
  accountable to executive
  joint with: the <Adults> Board & "friends"

group regional: Regional Child Death Overview Panel with an Extraordinarily Long Name That Wraps
  kind: subgroup
  part of region
  accountable to executive

group regional-sub: Regional Procedures Group
  kind: subgroup
  part of region
  accountable to regional
`;

describe('the Isle of Wight structure diagram', () => {
  let model: Model;
  let diagram: StructureDiagram;
  let root: XmlElement;
  let ids: Map<string, XmlElement>;

  beforeAll(async () => {
    model = modelOf(compile(exampleFiles('isle-of-wight')));
    diagram = await structureDiagram(model);
    root = parseXml(diagram.svg);
    ids = byId(root);
  });

  it('is an accessible, scalable SVG with nothing to fetch or run', () => {
    expect(root.name).toBe('svg');
    expect(root.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(root.attributes.role).toBe('img');
    expect(root.attributes.viewBox).toMatch(/^0 0 [\d.]+ [\d.]+$/);
    const [title, desc] = root.children.filter((c): c is XmlElement => typeof c !== 'string');
    expect(title?.name).toBe('title');
    expect(textOf(title!)).toBe('Structure of the Isle of Wight Safeguarding Children Partnership');
    expect(desc?.name).toBe('desc');
    expect(textOf(desc!)).toContain('are accountable to the Executive Group');
    expect(root.attributes['aria-labelledby']).toBe(title!.attributes.id);
    expect(root.attributes['aria-describedby']).toBe(desc!.attributes.id);
    const names = new Set(elements(root).map((e) => e.name));
    expect([...names].sort()).toEqual(['desc', 'g', 'path', 'rect', 'svg', 'text', 'title']);
    expect(diagram.svg).not.toMatch(/<script|<style|<image|@import|url\(|href|<foreignObject/i);
  });

  it('draws every group, with its whole title, in its own box', () => {
    expect(model.groups).toHaveLength(11);
    for (const g of model.groups) {
      const element = ids.get(`${ID_PREFIX}group-${g.id}`);
      expect(element, g.id).toBeDefined();
      const lines = elements(element!).filter((e) => e.name === 'text' && e.attributes['font-style'] === undefined).map(textOf);
      expect(lines.join(' ')).toBe(g.title);
    }
    const boxes = diagram.layout.nodes;
    expect(boxes.map((b) => b.node.id)).toEqual(model.groups.map((g) => `group-${g.id}`));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `${boxes[i]!.node.id} / ${boxes[j]!.node.id}`).toBe(false);
      expect(contains({ x: 0, y: 0, width: diagram.layout.width, height: diagram.layout.height }, boxes[i]!)).toBe(true);
      // Every line fits in its box in the fonts the diagram names.
      for (const line of boxes[i]!.lines) expect(textWidth(line, SIZES.font)).toBeLessThanOrEqual(boxes[i]!.width - 2 * SIZES.padX);
    }
  });

  it('draws the accountability lines: the board and five subgroups to the executive, HIPS to its own', () => {
    const expected = [
      ['board', 'executive'],
      ['performance-quality', 'executive'],
      ['learning-inquiry', 'executive'],
      ['education-subgroup', 'executive'],
      ['workforce-development', 'executive'],
      ['child-exploitation', 'executive'],
      ['hips-health', 'hips-executive'],
      ['hips-child-exploitation', 'hips-executive'],
      ['hips-procedures', 'hips-executive'],
    ].map(([s, t]) => [`group-${s}`, `group-${t}`]);
    expect(diagram.layout.edges.map((e) => [e.source, e.target])).toEqual(expected);
    // Drawn as one bundle of lines per body accountable to, each with one arrowhead.
    const bundles = elements(root).filter((e) => e.attributes.class === 'edges');
    expect(bundles.flatMap((b) => b.attributes['data-sources']!.split(' ').map((s) => [s, b.attributes['data-target']]))).toEqual(expected);
    for (const b of bundles) {
      const [line, ...heads] = b.children.filter((c): c is XmlElement => typeof c !== 'string');
      expect(line!.attributes.d!.match(/M/g)).toHaveLength(b.attributes['data-sources']!.split(' ').length);
      expect(heads).toHaveLength(1);
    }
    // No lead safeguarding partners box: no Isle of Wight group is accountable to them.
    expect(diagram.layout.nodes.some((n) => n.node.kind === 'role')).toBe(false);
    const box = new Map(diagram.layout.nodes.map((n) => [n.node.id, n]));
    for (const e of diagram.layout.edges) {
      const source = box.get(e.source)!;
      const target = box.get(e.target)!;
      expect(onBorder(e.points[0]!, source), e.id).toBe(true);
      expect(onBorder(e.points[e.points.length - 1]!, target), e.id).toBe(true);
      // The body accountable to is to the left of the groups accountable to it.
      expect(target.x + target.width).toBeLessThan(source.x);
    }
  });

  it('frames the HIPS collaboration around its four groups, and only those', () => {
    expect(diagram.layout.clusters).toHaveLength(1);
    const hips = diagram.layout.clusters[0]!;
    expect(hips.labelLines.join(' ')).toBe('Hampshire, Isle of Wight, Portsmouth and Southampton (HIPS)');
    const cluster = ids.get(`${ID_PREFIX}collaboration-hips`)!;
    expect(elements(cluster).filter((e) => e.name === 'text').map(textOf).join(' ')).toBe(hips.labelLines.join(' '));
    for (const n of diagram.layout.nodes) expect(contains(hips, n), n.node.id).toBe(n.node.id.startsWith('group-hips-'));
  });

  it('marks the joint group', () => {
    const wfd = diagram.layout.nodes.find((n) => n.node.id === 'group-workforce-development')!;
    expect(wfd.noteLines.join(' ')).toBe('Joint with the IOW Safeguarding Adults Board');
    const note = elements(ids.get(`${ID_PREFIX}group-workforce-development`)!).filter((e) => e.attributes['font-style'] === 'italic');
    expect(note.map(textOf).join(' ')).toBe('Joint with the IOW Safeguarding Adults Board');
    expect(diagram.layout.nodes.filter((n) => n.noteLines.length > 0)).toHaveLength(1);
  });

  it('draws the eleven functional links in a dashed box of their own', () => {
    const box = ids.get(`${ID_PREFIX}functional-links`)!;
    const frame = box.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'rect')!;
    expect(frame.attributes['stroke-dasharray']).toBeDefined();
    expect(textOf(box.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'text')!)).toBe('Functional links');
    const links = model.partnership.functionalLinks;
    expect(links).toHaveLength(11);
    links.forEach((link, i) => {
      const item = ids.get(`${ID_PREFIX}functional-link-${i + 1}`)!;
      expect(elements(item).filter((e) => e.name === 'text').map(textOf).join(' ')).toBe(link);
      expect(elements(item).find((e) => e.name === 'rect')!.attributes['stroke-dasharray']).toBeDefined();
    });
    for (const n of diagram.layout.nodes) expect(overlaps(n, diagram.layout.functionalLinks!)).toBe(false);
  });

  it('gives the same structure as a nested list', () => {
    expect(outline(diagram.alternative)).toEqual([
      'Executive Group',
      '  Main Partnership Board — accountable to the Executive Group',
      '  Performance and Quality Assurance Group — accountable to the Executive Group',
      '  Learning Inquiry Group — accountable to the Executive Group',
      '  Education Subgroup — accountable to the Executive Group',
      '  Workforce Development Group — accountable to the Executive Group; joint with the IOW Safeguarding Adults Board',
      '  Child Exploitation Delivery Subgroup — accountable to the Executive Group',
      'Collaboration: Hampshire, Isle of Wight, Portsmouth and Southampton (HIPS)',
      '  HIPS Executive Group',
      '    Health Group — accountable to the HIPS Executive Group',
      '    Child Exploitation Group — accountable to the HIPS Executive Group',
      '    Procedures and Strategy Group — accountable to the HIPS Executive Group',
      'Functional links',
      ...model.partnership.functionalLinks.map((l) => `  ${l}`),
    ]);
    expect(diagram.caption).toBe(
      'The structure of the Isle of Wight Safeguarding Children Partnership: its groups and their lines of accountability, the collaboration it takes part in and its functional links.',
    );
  });

  it('links group names when told where their pages are', async () => {
    const linked = await structureDiagram(model, { groupHref: (id) => (id === 'executive' ? 'executive.html' : undefined) });
    expect(linked.alternative.items[0]!.content[0]).toEqual({ kind: 'link', text: 'Executive Group', href: 'executive.html' });
    expect(linked.alternative.items[0]!.children!.items[0]!.content[0]).toEqual({ kind: 'text', text: 'Main Partnership Board' });
  });

  it('is the same bytes every time, with ids from the model only', async () => {
    const again = await structureDiagram(modelOf(compile(exampleFiles('isle-of-wight'))));
    expect(again.svg).toBe(diagram.svg);
    expect(again.alternative).toEqual(diagram.alternative);
    const all = elements(root).flatMap((e) => (e.attributes.id === undefined ? [] : [e.attributes.id]));
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^tor-structure-[a-z0-9-]+$/);
    expect(diagram.svg).not.toMatch(/\d\.\d{2,}/);
  });
});

describe('a structure with a role at the top, a collaboration tied in, and hostile text', () => {
  let diagram: StructureDiagram;
  let root: XmlElement;

  beforeAll(async () => {
    diagram = await structureDiagram(modelOf(compileText(FIXTURE, 'fixture.tor', false)));
    root = parseXml(diagram.svg);
  });

  it('puts the lead safeguarding partners at the top when a group is accountable to them', () => {
    const role = diagram.layout.nodes.find((n) => n.node.kind === 'role')!;
    expect(role.lines.join(' ')).toBe('Lead safeguarding partners');
    expect(diagram.layout.edges.map((e) => [e.source, e.target])).toEqual([
      ['group-executive', 'role-lead-safeguarding-partners'],
      ['group-script', 'group-executive'],
      ['group-regional', 'group-executive'],
      ['group-regional-sub', 'group-regional'],
    ]);
    for (const n of diagram.layout.nodes) if (n !== role) expect(role.x + role.width).toBeLessThan(n.x);
    expect(outline(diagram.alternative)).toEqual([
      'Executive Group — accountable to the lead safeguarding partners',
      '  <script>alert(1)</script> — accountable to the Executive Group; joint with the <Adults> Board & "friends"',
      '  Regional Child Death Overview Panel with an Extraordinarily Long Name That Wraps — accountable to the Executive Group; part of The Regional Safeguarding Collaboration of Somewhere With a Very Long Name',
      '    Regional Procedures Group — accountable to the Regional Child Death Overview Panel with an Extraordinarily Long Name That Wraps',
      'Collaboration: The Regional Safeguarding Collaboration of Somewhere With a Very Long Name',
      'Functional links',
      `  <b>Bold</b> & 'Quoted' "Board"`,
      '  Health and Wellbeing Board',
    ]);
  });

  it('frames the collaboration around its groups even when they answer to the partnership', () => {
    const [region] = diagram.layout.clusters;
    for (const n of diagram.layout.nodes) expect(contains(region!, n), n.node.id).toBe(n.node.id.startsWith('group-regional'));
  });

  it('escapes every text from the sources: it reads as text and the SVG stays well-formed', () => {
    expect(diagram.svg).not.toContain('<script');
    expect(diagram.svg).not.toContain('<b>');
    expect(diagram.svg).not.toContain('<Adults>');
    expect(diagram.svg).toContain('&lt;script&gt;');
    const texts = elements(root).filter((e) => e.name === 'text').map(textOf);
    const all = texts.join(' ');
    expect(all.replace(/\s/g, '')).toContain('<script>alert(1)</script>');
    expect(all).toContain('Joint with the <Adults> Board & "friends"');
    expect(all).toContain(`<b>Bold</b> & 'Quoted' "Board"`);
    expect(textOf(elements(root).find((e) => e.name === 'title')!)).toBe('Structure of the Test <Partnership> & "Friends"');
    expect(textOf(elements(root).find((e) => e.name === 'desc')!)).toContain('<script>alert(1)</script>');
  });
});

describe('the structure graph and text measurement', () => {
  it('is empty but well-formed for a partnership with no groups and no links', async () => {
    const model = modelOf(compileText(FIXTURE.split('collaboration region')[0]!.replace(/ {2}functional links:[\s\S]*?\n\n/, '\n'), 'x.tor', false));
    expect(structureGraph(model).nodes).toEqual([]);
    const diagram = await structureDiagram(model);
    parseXml(diagram.svg);
    expect(diagram.alternative.items).toEqual([]);
    expect(diagram.layout.legend).toBeUndefined();
  });

  it('wraps at spaces and splits a word too long for any line', () => {
    expect(wrapText('Performance and Quality Assurance Group', 190, 15)).toEqual(['Performance and Quality', 'Assurance Group']);
    const long = wrapText('Supercalifragilisticexpialidociouslylongword', 100, 15);
    expect(long.join('')).toBe('Supercalifragilisticexpialidociouslylongword');
    for (const line of long) expect(textWidth(line, 15)).toBeLessThanOrEqual(100);
  });
});

describe.skipIf(!HAS_CHROMIUM && !IN_CI)('rendered by Chromium', () => {
  it('draws the Isle of Wight diagram with every label inside its box and nothing overlapping', { timeout: 120_000 }, async () => {
    if (!HAS_CHROMIUM) throw new Error(`CI=true but ${CHROMIUM} is missing: .ci/run must install chromium`);
    for (const [name, diagram] of [
      ['isle-of-wight', await structureDiagram(modelOf(compile(exampleFiles('isle-of-wight'))))],
      ['fixture', await structureDiagram(modelOf(compileText(FIXTURE, 'fixture.tor', false)))],
    ] as const) {
      const dir = join(tmpdir(), 'tor-diagram-render');
      mkdirSync(dir, { recursive: true });
      const png = join(dir, `${name}-structure.png`);
      const size = await renderPng(diagram.svg, png);
      expect(size).toEqual({ width: Math.ceil(diagram.layout.width), height: Math.ceil(diagram.layout.height) });
      console.log(`structure diagram rendered: ${png}`);
      const fit = await checkFit(diagram.svg);
      expect(fit.problems, name).toEqual([]);
      expect(fit.texts).toBeGreaterThan(diagram.layout.nodes.length);
    }
  });
});

if (!HAS_CHROMIUM && !IN_CI) {
  console.warn(`\n  ⚠ SKIPPED: the structure diagram's render check needs ${CHROMIUM}, which is not installed (required when CI=true)\n`);
}
