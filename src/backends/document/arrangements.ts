import { date as dateText } from '../../format/print.js';
import type { Group, Model } from '../../model/model.js';
import type { Drawing } from '../diagram/shapes.js';
import type { Placeholder, Prose } from '../../syntax/ast.js';
import { concat, text } from './inline.js';
import { clampLevel, DocContext, type Level, proseBlocks } from './prose.js';
import { structureAlternative } from './structure.js';
import type { Block, Inline, ListBlock, PublishedDocument } from './types.js';
import { INDEX_SLUG, internalLink, pageSlug, type Writer } from './write.js';

/** Draws the structure diagram: as an SVG, shape by shape, and the same structure as a list. */
export type DiagramFunction = (model: Model) => { svg: string; drawing: Drawing; alternative: ListBlock };

export { INDEX_SLUG };

/** The sections (by their known ids) that are about a role. */
const PREFERRED: Readonly<Record<string, string>> = {
  'role:lead safeguarding partners': 'lead-partners',
  'role:delegated safeguarding partners': 'delegated-partners',
  'role:partnership chair': 'chair',
  'role:independent scrutineer': 'scrutineer',
  'role:relevant agencies': 'relevant-agencies',
};

/**
 * The published arrangements: the top-level sections in order, prose as written, each
 * placeholder filled with what it stands for. `anchors` is filled in as the document is built
 * (where each role and group is described), for the group pages to link back to.
 */
export function arrangements(model: Model, w: Writer, anchors: Map<string, string>, diagram: DiagramFunction | undefined): PublishedDocument {
  const p = model.partnership;
  const ctx = new DocContext(INDEX_SLUG);
  const titled = headedGroupPlaceholders(model);
  const blocks: Block[] = [];

  const fill = (ph: Placeholder, level: Level): Block[] => {
    const here = ctx.current;
    // The first place a role is named, unless the arrangements have a section about it.
    const remember = (key: string): void => {
      if (here !== undefined && (!anchors.has(key) || PREFERRED[key] === here)) anchors.set(key, here);
    };
    switch (ph.name) {
      case 'lead safeguarding partners':
        remember('role:lead safeguarding partners');
        return p.leadPartners.length === 0 ? [] : [{ kind: 'list', ordered: false, items: p.leadPartners.map((id) => ({ content: text(w.names.postItem(id)), children: undefined })) }];
      case 'delegated safeguarding partners':
        remember('role:delegated safeguarding partners');
        return p.delegatedPartners.length === 0 ? [] : [delegatedTable(model, w)];
      case 'partnership chair':
        remember('role:partnership chair');
        return p.partnershipChair ? [{ kind: 'paragraph', content: concat('The partnership chair is ', { kind: 'strong', text: fullName(p.partnershipChair, 'partnership chair', w) }, '.') }] : [];
      case 'independent scrutineer':
        remember('role:independent scrutineer');
        return p.independentScrutineer
          ? [{ kind: 'paragraph', content: concat('The independent scrutineer is ', { kind: 'strong', text: fullName(p.independentScrutineer, 'independent scrutineer', w) }, '.') }]
          : [];
      case 'relevant agencies':
        remember('role:relevant agencies');
        return proseBlocks(p.relevantAgenciesProse, ctx, level);
      case 'functional links':
        return proseBlocks(p.functionalLinksProse, ctx, level);
      case 'structure diagram':
        return structure(model, w, diagram);
      case 'groups':
        return model.groups.filter((g) => !g.partOf).flatMap((g) => groupDescription(g, level, true, ctx, w, anchors));
      case 'group': {
        const g = ph.argument ? w.names.group(ph.argument.name) : undefined;
        return g ? groupDescription(g, level, titled.has(ph), ctx, w, anchors) : [];
      }
      case 'review schedule':
        return p.review ? [{ kind: 'paragraph', content: text(`These arrangements will be reviewed ${w.review(p.review)}.`) }] : [];
      default:
        return [];
    }
  };

  for (const section of model.sections) {
    blocks.push(ctx.heading(2, section.title, section.id), ...proseBlocks(section.body, ctx, 3, fill));
  }
  if (model.sections.length === 0 && model.groups.length > 0) {
    blocks.push(ctx.heading(2, 'Terms of reference'));
    blocks.push({ kind: 'paragraph', content: text(`The terms of reference of the groups of the ${p.name.replace(/^the\s+/i, '')}:`) });
    blocks.push({ kind: 'list', ordered: false, items: model.groups.map((g) => ({ content: [w.group(g.id, `${g.title} Terms of Reference`)], children: undefined })) });
  }
  if (blocks.filter((b) => b.kind === 'heading' && b.level === 2).length >= 2) blocks.unshift({ kind: 'contents' });

  const subtitle = [p.published ? `Published ${dateText(p.published)}` : undefined, p.edition ? `Working Together ${p.edition}` : undefined].filter((s) => s !== undefined).join(' · ');
  return {
    slug: INDEX_SLUG,
    title: arrangementsTitle(model) ?? p.name,
    partnership: p.name,
    lang: 'en-GB',
    subtitle: subtitle === '' ? undefined : subtitle,
    blocks,
  };
}

/** The title of the arrangements, or undefined when the sources hold no arrangements (only terms of reference). */
export function arrangementsTitle(model: Model): string | undefined {
  if (model.sections.length === 0) return model.partnership.documentTitle;
  return model.partnership.documentTitle ?? 'Safeguarding Arrangements';
}

/** Group placeholders that get a heading of their own: where a section describes more than one group. */
function headedGroupPlaceholders(model: Model): Set<Placeholder> {
  const out = new Set<Placeholder>();
  const walk = (prose: Prose): void => {
    const groups = prose.items.filter((i): i is Placeholder => i.kind === 'placeholder' && i.name === 'group');
    if (groups.length > 1) for (const g of groups) out.add(g);
    for (const i of prose.items) if (i.kind === 'section') walk(i.body);
  };
  for (const s of model.sections) walk(s.body);
  return out;
}

/** "Ashley Whittaker, Director of Children's Services, Isle of Wight Council"; the title is left out when it only repeats the role. */
function fullName(postId: string, role: string, w: Writer): string {
  const post = w.names.posts.get(postId);
  if (!post) return postId;
  const parts = [post.holder, post.title.toLowerCase() === role ? undefined : post.title, post.organisation ? w.names.organisation(post.organisation) : undefined];
  const named = parts.filter((x): x is string => x !== undefined && x !== '');
  return named.length > 0 ? named.join(', ') : post.title;
}

function delegatedTable(model: Model, w: Writer): Block {
  const rows: Inline[][][] = model.partnership.delegatedPartners.map((id) => {
    const post = w.names.posts.get(id);
    return [text(post?.holder ?? ''), text(post?.title ?? id), text(post?.organisation ? w.names.organisation(post.organisation) : '')];
  });
  return { kind: 'table', caption: 'Delegated safeguarding partners', head: ['Name', 'Post', 'Organisation'], rows };
}

function structure(model: Model, w: Writer, diagram: DiagramFunction | undefined): Block[] {
  const caption = `The structure of the ${model.partnership.shortName ?? model.partnership.name.replace(/^the\s+/i, '')}: its groups and their lines of accountability`;
  if (diagram) {
    const drawn = diagram(model);
    return [{ kind: 'diagram', caption, svg: drawn.svg, drawing: drawn.drawing, alternative: drawn.alternative }];
  }
  return [{ kind: 'paragraph', content: text(`${caption}. Each group is listed under the group or partners it is accountable to.`) }, structureAlternative(model, w)];
}

/** The description of one group in the arrangements, with a link to its terms of reference. */
function groupDescription(g: Group, level: Level, heading: boolean, ctx: DocContext, w: Writer, anchors: Map<string, string>): Block[] {
  const blocks: Block[] = [];
  if (heading) blocks.push(ctx.heading(level, g.title, `group-${g.id}`));
  if (ctx.current !== undefined && !anchors.has(`group:${g.id}`)) anchors.set(`group:${g.id}`, ctx.current);
  const sub = heading ? level + 1 : level;
  const subject = w.subject(g);

  const generated: Inline[] = [];
  const chair = w.chair(g);
  const cadence = g.cadence ? w.cadence(g.cadence) : undefined;
  if (chair && cadence) generated.push(...concat(subject, ' is chaired by ', chair, ` and meets ${cadence}.`));
  else if (chair) generated.push(...concat(subject, ' is chaired by ', chair, '.'));
  else if (cadence) generated.push(...text(`${subject} meets ${cadence}.`));
  const rotation = w.rotation(g);
  const joint = w.joint(g);
  const sentences = (...more: Array<Inline[] | undefined | string>): Block[] => {
    const parts = more.filter((m) => m !== undefined && m.length > 0) as Array<Inline[] | string>;
    if (parts.length === 0) return [];
    const joined: Array<Inline[] | string> = [];
    parts.forEach((part, i) => joined.push(...(i > 0 ? [' ', part] : [part])));
    return [{ kind: 'paragraph', content: concat(...joined) }];
  };

  if (g.prose.summary) {
    blocks.push(...proseBlocks(g.prose.summary, ctx, clampLevel(sub)));
    blocks.push(...sentences(generated, rotation, joint));
  } else {
    blocks.push(...sentences(generated, rotation));
    blocks.push(...proseBlocks(g.prose.purpose, ctx, clampLevel(sub)));
    blocks.push(...proseBlocks(g.prose.membership, ctx, clampLevel(sub)));
    if (joint) blocks.push({ kind: 'paragraph', content: text(joint) });
    const responsibilities = proseBlocks(g.prose.responsibilities, ctx, clampLevel(sub + 1));
    if (responsibilities.length > 0) {
      if (sub <= 4 && heading) blocks.push(ctx.heading(clampLevel(sub), 'Responsibilities', `${g.id}-responsibilities`));
      else blocks.push({ kind: 'paragraph', content: text('Responsibilities:') });
      // Headings made for the sub-part must not be what later content links to.
      blocks.push(...responsibilities);
    }
  }
  blocks.push(...sentences(...w.decisions(g)));
  if (w.places.pages.has(g.id)) {
    blocks.push({ kind: 'paragraph', content: concat('Read the ', internalLink(`${g.title} Terms of Reference`, { slug: pageSlug(g.id) }, ctx.slug), '.') });
  }
  return blocks;
}
