import type { Drawing, DrawingItem } from '../../../src/backends/diagram/shapes.js';
import { drawingSvg } from '../../../src/backends/diagram/svg.js';
import type { Block, Inline, ListBlock, PublishedDocument } from '../../../src/backends/document/types.js';

/**
 * Hand-made published documents for the PDF backend, standing in for the document builder:
 * one with every kind of block and inline, one long enough to paginate.
 */

const text = (t: string): Inline => ({ kind: 'text', text: t });
const p = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
const h = (level: 1 | 2 | 3 | 4, t: string, id: string): Block => ({ kind: 'heading', level, text: t, id });
const list = (ordered: boolean, ...items: Array<string | [string, ListBlock]>): ListBlock => ({
  kind: 'list',
  ordered,
  items: items.map((item) => (typeof item === 'string' ? { content: [text(item)], children: undefined } : { content: [text(item[0])], children: item[1] })),
});

export const LONG_ITEM =
  'The Local Authority Designated Officer reports to the Executive Group every quarter on allegations against people who work with children, including the number of referrals, their outcomes and the time taken to reach them.';

const box = (x: number, y: number, width: number, fill: string): DrawingItem => ({ kind: 'box', x, y, width, height: 50, radius: 4, fill, stroke: '#1d4f7a', strokeWidth: 1.5, dashed: false });
const label = (x: number, y: number, text: string): DrawingItem => ({ kind: 'text', text, x, baseline: y, size: 15, bold: false, italic: false, anchor: 'middle', fill: '#0b0c0c' });
const DRAWING: Drawing = {
  width: 480,
  height: 280,
  items: [
    { kind: 'group', id: 'executive', className: 'group', items: [box(160, 14, 160, '#e2edf7'), label(240, 45, 'Executive Group')] },
    box(26, 200, 190, '#ffffff'),
    label(121, 231, 'Scrutiny & Assurance'),
    box(264, 200, 190, '#ffffff'),
    label(359, 231, 'Learning & Improvement'),
    { kind: 'lines', lines: [[{ x: 121, y: 200 }, { x: 121, y: 140 }, { x: 240, y: 140 }, { x: 240, y: 74 }], [{ x: 359, y: 200 }, { x: 359, y: 140 }, { x: 240, y: 140 }]], stroke: '#3b4044', strokeWidth: 1.5 },
    { kind: 'triangle', points: [{ x: 240, y: 64 }, { x: 235, y: 74 }, { x: 245, y: 74 }], fill: '#3b4044' },
    { kind: 'box', x: 20, y: 120, width: 100, height: 30, radius: 6, fill: '#ffffff', stroke: '#505a5f', strokeWidth: 1, dashed: true },
  ],
};

export const everyBlock: PublishedDocument = {
  slug: 'index',
  title: 'Northshire Safeguarding Children Partnership arrangements',
  partnership: 'Northshire Safeguarding Children Partnership',
  lang: 'en-GB',
  subtitle: 'Published September 2024 · Working Together 2023',
  blocks: [
    { kind: 'contents' },
    h(2, 'Purpose', 'purpose'),
    p(
      text('The partnership keeps children in Northshire safe by bringing together the three safeguarding partners. '),
      { kind: 'strong', text: 'Every agency' },
      text(' that works with children has a part to play, as set out in '),
      { kind: 'link', text: 'Working Together to Safeguard Children 2023', href: 'https://www.gov.uk/government/publications/working-together-to-safeguard-children--2' },
      text('.'),
      { kind: 'footnote-ref', marker: '1' },
      text(' Questions go to '),
      { kind: 'link', text: 'the business unit', href: 'mailto:nscp@example.org' },
      text(' and never to '),
      { kind: 'link', text: 'a script', href: 'javascript:alert(1)' },
      text('.'),
    ),
    h(2, 'Membership', 'membership'),
    h(3, 'Who sits on the Executive Group', 'executive-members'),
    list(
      false,
      'The Director of Children’s Services, Northshire County Council.',
      LONG_ITEM,
      ['The Chief Nurse of the Integrated Care Board, who may send a deputy:', list(false, 'the Designated Nurse for Safeguarding Children;', 'the Designated Doctor.')],
      'The Chief Superintendent for Northshire, Northshire Police.',
    ),
    h(3, 'How it decides', 'decisions'),
    list(true, 'The chair opens the meeting and confirms it is quorate.', ['Decisions are taken by consensus; where there is none:', list(true, 'the item is deferred once;', 'then the three partners decide together.')], 'The minutes are published within 20 working days.'),
    h(2, 'Meetings', 'meetings'),
    {
      kind: 'table',
      caption: 'Meetings of the partnership in 2024–25',
      head: ['Group', 'Meets', 'Quorum'],
      rows: [
        [[text('Executive Group')], [text('Quarterly')], [text('One senior leader from each safeguarding partner')]],
        [[{ kind: 'strong', text: 'Scrutiny & Assurance' }], [text('Every two months')], [text('Four members, including the chair')]],
        [[text('Learning and Improvement')], [text('Monthly')], [text('Half the members')]],
      ],
    },
    h(2, 'Structure', 'structure'),
    {
      kind: 'diagram',
      caption: 'How the groups of the partnership are accountable',
      svg: drawingSvg(DRAWING, { title: 'Structure', description: 'Two groups accountable to the Executive Group.' }),
      drawing: DRAWING,
      alternative: list(false, ['The Executive Group is accountable to the safeguarding partners.', list(false, 'The Scrutiny & Assurance Group is accountable to the Executive Group.', 'The Learning & Improvement Group is accountable to the Executive Group.')]),
    },
    h(4, 'A fourth-level heading', 'level-four'),
    p(text('Short closing paragraph under a fourth-level heading.')),
    h(2, 'Notes', 'notes'),
    { kind: 'footnotes', items: [{ marker: '1', content: [text('Working Together to Safeguard Children 2023, chapter 2, paragraph 40.')] }] },
  ],
};

const SENTENCES = [
  'The group holds partners to account for the effectiveness of their work to safeguard children.',
  'It receives reports from each subgroup and agrees the priorities for the year ahead.',
  'Members attend in person where they can, and send a named deputy with the authority to decide when they cannot.',
  'The business unit circulates papers five working days before each meeting.',
  'Independent scrutiny is provided by a scrutineer appointed by the three partners.',
];

/** Twelve sections of prose, lists and a long table: several pages, with page breaks in every kind of block. */
export function longDocument(): PublishedDocument {
  const blocks: Block[] = [h(1, 'Terms of reference: the Executive Group', 'top'), { kind: 'contents' }];
  for (let s = 1; s <= 12; s++) {
    blocks.push(h(2, `Section ${s}: ${['Purpose', 'Membership', 'Meetings', 'Quorum', 'Reporting', 'Review'][s % 6]}`, `section-${s}`));
    for (let k = 0; k < 3; k++) blocks.push(p(text(`Paragraph ${s}.${k + 1}. ${SENTENCES.slice(0, 2 + ((s + k) % 4)).join(' ')}`)));
    if (s % 3 === 0) {
      blocks.push(h(3, `Duties under section ${s}`, `duties-${s}`));
      blocks.push(list(false, ...Array.from({ length: 6 }, (_, i) => `Item ${s}.${i + 1}: ${i % 2 === 0 ? LONG_ITEM : SENTENCES[i % SENTENCES.length]!}`)));
    }
    if (s === 7) {
      blocks.push({
        kind: 'table',
        caption: 'Members of the Executive Group',
        head: ['Member', 'Organisation', 'Role on the group'],
        rows: Array.from({ length: 40 }, (_, i) => [[text(`Member ${i + 1}`)], [text(i % 3 === 0 ? 'Northshire County Council, Children’s Services' : 'Northshire Police')], [text(i % 4 === 0 ? SENTENCES[2]! : 'Member')]]),
      });
    }
  }
  return { slug: 'executive', title: 'Executive Group: terms of reference', partnership: 'Northshire Safeguarding Children Partnership', lang: 'en-GB', subtitle: undefined, blocks };
}
