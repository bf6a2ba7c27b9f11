import type { Group, Model } from '../../model/model.js';
import { concat, plain, text } from './inline.js';
import { membershipBlocks } from './membership.js';
import { clampLevel, DocContext, type Level, proseBlocks } from './prose.js';
import type { Block, PublishedDocument } from './types.js';
import { internalLink, pageSlug, type Writer } from './write.js';

/**
 * One group's terms of reference, in a standard order: purpose, objectives, responsibilities,
 * accountability, membership, deputies, meetings, quorum, decisions, support, review, then the
 * group's own sections as written.
 */
export function termsOfReference(g: Group, model: Model, w: Writer, arrangementsTitle: string | undefined): PublishedDocument {
  const ctx = new DocContext(pageSlug(g.id));
  const blocks: Block[] = [];
  const part = (title: string, content: Block[], id?: string): void => {
    if (content.length === 0) return;
    blocks.push(ctx.heading(2, title, id ?? title), ...content);
  };
  const para = (sentences: readonly string[]): Block[] => (sentences.length === 0 ? [] : [{ kind: 'paragraph', content: text(sentences.join(' ')) }]);
  const prose = (key: keyof Group['prose'], level: Level = 3) => proseBlocks(g.prose[key], ctx, level);


  // The summary is written for the arrangements; shown here only when they do not describe the group.
  if (!w.places.anchors.has(`group:${g.id}`)) part('Summary', prose('summary'));
  part('Purpose', prose('purpose'));
  part('Objectives', prose('objectives'));
  part('Key objectives', prose('key objectives'));
  part('Responsibilities', prose('responsibilities'));
  const lines = accountability(g, model, w);
  part('Accountability', [...lines.before, ...prose('accountability'), ...lines.after]);

  const membershipProse = prose('membership');
  // Prose that leads into the list ("Membership will include, but not be limited to:") goes first.
  const lastProse = membershipProse[membershipProse.length - 1];
  const leadsIn = lastProse?.kind === 'paragraph' && /:\s*$/.test(plain(lastProse.content));
  const generated = membershipBlocks(g, w, leadsIn);
  part('Membership', leadsIn ? [...membershipProse, ...generated] : [...generated, ...membershipProse]);

  part('Deputies', para(w.deputies(g)));
  part('Meetings', para(w.meetings(g)));
  const quorum = w.quorum(g);
  const quorumBlocks: Block[] = [];
  if (quorum) {
    const observers = g.seats.some((s) => s.list === 'observers') ? ' Participant observers do not count towards the quorum.' : '';
    quorumBlocks.push({ kind: 'paragraph', content: text(quorum + observers) });
  }
  if (g.ifInquorate) quorumBlocks.push({ kind: 'paragraph', content: text(g.ifInquorate) });
  part('Quorum', quorumBlocks);
  part('Decisions', para(w.decisions(g)));
  if (g.support) part(`Support from ${g.support.by}`, proseBlocks(g.support.prose, ctx, 3), 'support');
  if (g.review) part('Review', para([`These terms of reference will be reviewed ${w.review(g.review.schedule)}.`]));

  for (const section of g.sections) {
    blocks.push(ctx.heading(2, section.title, section.id), ...proseBlocks(section.body, ctx, clampLevel(3)));
  }
  blocks.unshift(introduction(g, model, w, arrangementsTitle, blocks.length === 0));

  return {
    slug: pageSlug(g.id),
    title: `${g.title} Terms of Reference`,
    partnership: model.partnership.name,
    lang: 'en-GB',
    subtitle: model.partnership.name,
    blocks,
  };
}

/** "These terms of reference are part of the Local Safeguarding Arrangements of the …". */
function introduction(g: Group, model: Model, w: Writer, arrangementsTitle: string | undefined, empty: boolean): Block {
  const anchor = w.places.anchors.get(`group:${g.id}`);
  const target = anchor === undefined ? { slug: w.places.index } : { slug: w.places.index, anchor };
  const name = model.partnership.name;
  if (empty) {
    return { kind: 'paragraph', content: concat(`${w.subject(g)} is part of the `, internalLink(name.replace(/^the\s+/i, ''), target, pageSlug(g.id)), '. Its terms of reference are not set out here.') };
  }
  if (arrangementsTitle !== undefined) {
    return { kind: 'paragraph', content: concat('These terms of reference are part of the ', internalLink(arrangementsTitle, target, pageSlug(g.id)), ` of the ${name.replace(/^the\s+/i, '')}.`) };
  }
  return { kind: 'paragraph', content: concat(`These are the terms of reference of ${w.subject(g).replace(/^The /, 'the ')} of the `, internalLink(name.replace(/^the\s+/i, ''), target, pageSlug(g.id)), '.') };
}

/** "The Main Partnership Board is accountable to the Executive Group." and who is accountable to it. */
function accountability(g: Group, model: Model, w: Writer): { before: Block[]; after: Block[] } {
  const out: Block[] = [];
  const after: Block[] = [];
  const subject = w.subject(g);
  const a = g.accountableTo;
  if (a) out.push({ kind: 'paragraph', content: concat(subject, ' is accountable to ', a.kind === 'group' ? w.theGroup(a.group) : w.role(a.role), '.') });
  const joint = w.joint(g);
  if (joint) out.push({ kind: 'paragraph', content: text(joint) });
  if (g.partOf) out.push({ kind: 'paragraph', content: text(`${subject} is part of the ${w.names.collaboration(g.partOf)} arrangements.`) });
  const below = model.groups.filter((x) => x.accountableTo?.kind === 'group' && x.accountableTo.group === g.id);
  if (below.length === 1) after.push({ kind: 'paragraph', content: concat(w.capitalised(w.theGroup(below[0]!.id)), ` is accountable to ${subject.replace(/^The /, 'the ')}.`) });
  else if (below.length > 1) {
    after.push({ kind: 'paragraph', content: text(`These groups are accountable to ${subject.replace(/^The /, 'the ')}:`) });
    after.push({ kind: 'list', ordered: false, items: below.map((x) => ({ content: [w.group(x.id, w.names.groupLabel(x.id))], children: undefined })) });
  }
  return { before: out, after };
}
