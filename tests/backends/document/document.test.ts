import { describe, expect, it } from 'vitest';
import { inline, plain, publishedDocuments, structureAlternative } from '../../../src/backends/document/index.js';
import type { Block, ListBlock, PublishedDocument } from '../../../src/backends/document/types.js';
import { count, numberWords, ordinal } from '../../../src/backends/document/words.js';
import { compile } from '../../../src/compile.js';
import { exampleFiles, modelOf, withPartnership } from '../../helpers.js';

/** The published document tree: prose as written, structured statements as the sentences a reader expects. */

const docsOf = (name: string): PublishedDocument[] => publishedDocuments(modelOf(compile(exampleFiles(name))));
const doc = (docs: readonly PublishedDocument[], slug: string): PublishedDocument => docs.find((d) => d.slug === slug)!;

/** The blocks as lines of text: `## Heading`, paragraphs, `- item` (nested by two spaces), `[table]`, `[note *]`. */
function lines(blocks: readonly Block[]): string[] {
  const list = (l: ListBlock, indent: string): string[] => l.items.flatMap((i) => [`${indent}- ${plain(i.content)}`, ...(i.children ? list(i.children, `${indent}  `) : [])]);
  return blocks.flatMap((b): string[] => {
    switch (b.kind) {
      case 'heading':
        return [`${'#'.repeat(b.level)} ${b.text}`];
      case 'paragraph':
        return [plain(b.content)];
      case 'list':
        return list(b, '');
      case 'table':
        return [`[table ${b.caption}: ${b.head.join(' | ')}]`, ...b.rows.map((r) => r.map(plain).join(' | '))];
      case 'diagram':
        return [`[diagram ${b.caption}]`];
      case 'footnotes':
        return b.items.map((i) => `[note ${i.marker}] ${plain(i.content)}`);
      case 'contents':
        return ['[contents]'];
    }
  });
}

/** The text under one `## heading` of a document. */
function part(d: PublishedDocument, heading: string): string[] {
  const all = lines(d.blocks);
  const start = all.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`no part ${heading} in ${d.slug}: ${all.filter((l) => l.startsWith('## ')).join(', ')}`);
  const end = all.findIndex((l, k) => k > start && l.startsWith('## '));
  return all.slice(start + 1, end < 0 ? undefined : end);
}

describe('words', () => {
  it('writes numbers under ten in words', () => {
    expect([0, 3, 9, 10, 12].map(numberWords)).toEqual(['zero', 'three', 'nine', '10', '12']);
    expect(count(1, 'year')).toBe('one year');
    expect(count(3, 'year')).toBe('three years');
    expect([1, 3, 11, 22].map(ordinal)).toEqual(['first', 'third', '11th', '22nd']);
  });
});

describe('inline prose', () => {
  const notes = new Map([
    ['*', 'fn-1'],
    ['[1]', 'fn-2'],
  ]);

  it('reads bold, web and email addresses, and defined footnote markers', () => {
    expect(inline('A **bold** word, see https://example.org/a_(b). Or mail a.b@example.org.', notes)).toEqual([
      { kind: 'text', text: 'A ' },
      { kind: 'strong', text: 'bold' },
      { kind: 'text', text: ' word, see ' },
      { kind: 'link', text: 'https://example.org/a_(b)', href: 'https://example.org/a_(b)' },
      { kind: 'text', text: '. Or mail ' },
      { kind: 'link', text: 'a.b@example.org', href: 'mailto:a.b@example.org' },
      { kind: 'text', text: '.' },
    ]);
    expect(inline('Working Together 2018[1], and providers*', notes)).toEqual([
      { kind: 'text', text: 'Working Together 2018' },
      { kind: 'footnote-ref', marker: '[1]', id: 'fn-2' },
      { kind: 'text', text: ', and providers' },
      { kind: 'footnote-ref', marker: '*', id: 'fn-1' },
    ]);
  });

  it('leaves undefined markers, stray asterisks and other schemes as text', () => {
    expect(inline('Item[2] and 2 * 3 and providers**', notes)).toEqual([{ kind: 'text', text: 'Item[2] and 2 * 3 and providers**' }]);
    expect(inline('javascript:alert(1) and ftp://x.org')).toEqual([{ kind: 'text', text: 'javascript:alert(1) and ftp://x.org' }]);
  });
});

describe('the terms of reference of a group', () => {
  it('follow the standard order, then the group’s own sections', () => {
    const kent = doc(docsOf('kent'), 'executive-board');
    expect(kent.title).toBe('Partnership Executive Board Terms of Reference');
    expect(lines(kent.blocks).filter((l) => l.startsWith('## '))).toEqual([
      '## Purpose',
      '## Objectives',
      '## Membership',
      '## Deputies',
      '## Meetings',
      '## Quorum',
      '## Support from the Partnership Team',
      '## Review',
      '## Leadership and Chairing',
      '## Working arrangements of the Partnership Executive Board',
      '## Roles and Responsibilities of members',
      '## Relationship with other groups within KSCMP architecture',
      '## Escalation Processes',
      '## Ratification, Review and Refresh',
    ]);
  });

  it('name the Executive Group’s chair and members as a reader expects', () => {
    const exec = doc(docsOf('isle-of-wight'), 'executive');
    expect(part(exec, 'Membership')).toEqual([
      'The Executive Group is chaired by the partnership chair and includes the independent scrutineer, the delegated safeguarding partners and the chairs of the following subgroups:',
      '- Performance and Quality Assurance Group (PQA)',
      '- Learning Inquiry Group (LIG)',
      '- Education Subgroup',
      '- Workforce Development Group (WFD)',
      '- Child Exploitation Delivery Subgroup',
    ]);
    expect(part(exec, 'Deputies')).toEqual([
      'Any member delegating to another colleague must ensure their deputy has the same decision-making authority. Any deputy should be of the same grade or one grade lower within their organisational structure.',
    ]);
    expect(part(exec, 'Meetings')).toEqual(['The Executive Group will meet quarterly.']);
    expect(part(exec, 'Quorum')).toEqual([
      'The Executive Group is quorate when one member from each of the safeguarding partners (Isle of Wight Council, NHS Hampshire and Isle of Wight Integrated Care Board and Hampshire and Isle of Wight Constabulary) and the independent scrutineer are present.',
    ]);
    expect(part(exec, 'Decisions')).toEqual([
      'Wherever possible, decisions will be made by consensus. Where this is not possible, decisions of the Executive Group will be taken by a majority vote of the delegated safeguarding partners.',
    ]);
    expect(lines(exec.blocks)[0]).toBe('These terms of reference are part of the Local Safeguarding Arrangements of the Isle of Wight Safeguarding Children Partnership.');
  });

  it('list the Board’s members, its observer and the groups around it', () => {
    const board = doc(docsOf('isle-of-wight'), 'board');
    const membership = part(board, 'Membership');
    expect(membership[0]).toBe('The Main Partnership Board is chaired by the partnership chair and includes the independent scrutineer and the following members:');
    expect(membership).toContain('- Isle of Wight Council, Childrens Social Care');
    expect(membership).toContain('- Hampshire and Isle of Wight Fire & Rescue Service (HIOWFRS)');
    expect(membership).toContain('- Primary School Representative');
    expect(membership).toContain('The Cabinet Member for Children’s Services, Education and Skills (Isle of Wight Council) is a participant observer.');
    expect(part(board, 'Accountability')).toEqual(['The Main Partnership Board is accountable to the Executive Group.']);
    expect(part(board, 'Quorum')[0]).toBe(
      'The Main Partnership Board is quorate when half of the members are present, including the partnership chair, the independent scrutineer and one member from each of the safeguarding partners (Isle of Wight Council, NHS Hampshire and Isle of Wight Integrated Care Board and Hampshire and Isle of Wight Constabulary). Participant observers do not count towards the quorum.',
    );
  });

  it('say Kent’s rotation, two-phase meetings, deputies and quorum in words', () => {
    const kent = doc(docsOf('kent'), 'executive-board');
    expect(part(kent, 'Membership')).toEqual([
      'Membership will include, but not be limited to:',
      '- Chief Superintendent, Kent Police',
      '- Corporate Director Children, Young People and Education, Kent County Council – Matt Dunkley',
      '- Chief Nurse, West Kent and Medway Clinical Commissioning Group – Paula Wilkins',
      'The chair of the Partnership Executive Board rotates yearly between Kent Police, Kent County Council and West Kent and Medway Clinical Commissioning Group: Kent Police chairs in the first year, Kent County Council in the second year and West Kent and Medway Clinical Commissioning Group in the third year, and the cycle then repeats every three years.',
    ]);
    expect(part(kent, 'Meetings')).toEqual([
      'The Partnership Executive Board will meet every two months in the first year, then as required but at least quarterly. Meetings are arranged a year in advance, starting in September 2019.',
    ]);
    expect(part(kent, 'Deputies')).toEqual([
      'Sending a deputy is acceptable only by exception. Any member delegating to another colleague must ensure their deputy has the same decision-making authority. A deputy counts towards the quorum only if they have full delegated authority.',
    ]);
    expect(part(kent, 'Quorum')).toEqual([
      'The Partnership Executive Board is quorate when all three members are present.',
      'Where this is not possible the planned meeting will be rearranged at the earliest possible opportunity.',
    ]);
    expect(part(kent, 'Review')).toEqual(['These terms of reference will be reviewed annually.']);
    // Footnotes where the prose defines them, referenced from the text.
    expect(part(kent, 'Purpose')).toContain('[note [1]] Working Together to Safeguard Children – A guide to inter-agency working to safeguards and promote the welfare of children 2018 https://assets.publishing.service.gov.uk/government/uploads/system/uploads/attachment_data/file/779401/Working_Together_to_Safeguard-Children.pdf');
  });

  it('split executive and non-executive members into lists', () => {
    const glos = doc(docsOf('gloucestershire'), 'executive');
    const membership = part(glos, 'Membership');
    expect(membership.slice(0, 2)).toEqual(['The Gloucestershire Safeguarding Children’s Executive has the following executive members:', '- Assistant Chief Constable, Gloucestershire Constabulary']);
    expect(membership.slice(9)).toEqual([
      'The Gloucestershire Safeguarding Children’s Executive has the following non-executive members:',
      '- Chair of the Safeguarding Management Group',
      '- Independent Scrutineer',
      '- Partnerships Business Manager (Lead Safeguarding Support Officer)',
      '- GSCP Performance Improvement Officer',
    ]);
  });

  it('say what quorums, cadences and reviews mean, numbers under ten in words', () => {
    const text = (statements: string) => {
      const model = modelOf(withPartnership(`group g: Group\n  chaired by dcs\n  members:\n    - nurse\n    - superintendent\n    - education\n${statements}`, false));
      return lines(doc(publishedDocuments(model), 'g').blocks);
    };
    expect(text('  quorate when at least 3 members are present\n')).toContain('The Group is quorate when at least three members are present.');
    expect(text('  quorate when two thirds of the members, rounded down, are present\n')).toContain('The Group is quorate when two thirds of the members (rounded down) are present.');
    expect(text('  quorate when (dcs or the partnership chair) and 2 of the delegated safeguarding partners are present\n')).toContain(
      "The Group is quorate when (the Director of Children's Services, Test Council (Ada Lovelace) or the partnership chair) and two of the delegated safeguarding partners are present.",
    );
    expect(text('  quorate when the partnership chair is present\n')).toContain('The Group is quorate when the partnership chair is present.');
    expect(text('  quorate when representatives of 3 separate organisations are present\n')).toContain('The Group is quorate when representatives of three separate organisations are present.');
    expect(text('  meets every 6 weeks\n')).toContain('The Group will meet every six weeks.');
    expect(text('  meets as required but at least twice a year\n')).toContain('The Group will meet as required but at least twice a year.');
    expect(text('  meets every 12 weeks\n  meetings start 3 March 2025\n')).toContain('The Group will meet every 12 weeks. Meetings start on 3 March 2025.');
    expect(text('  reviewed every 2 years\n')).toContain('These terms of reference will be reviewed every two years.');
    expect(text('  decides by a majority vote of the members\n')).toContain('Decisions will be taken by a majority vote of the members.');
    expect(text('  vice-chaired by nurse\n')).toContain('The vice-chair is the Chief Nurse, Test ICB.');
    expect(text('')).toContain("The Group is chaired by the Director of Children's Services, Test Council (Ada Lovelace) and includes the following members:");
  });
});

describe('the published arrangements', () => {
  const index = doc(docsOf('isle-of-wight'), 'index');
  const all = lines(index.blocks);

  it('are titled, with the date and edition, contents and the sections in order', () => {
    expect(index.title).toBe('Local Safeguarding Arrangements');
    expect(index.subtitle).toBe('Published September 2024 · Working Together 2023');
    expect(all[0]).toBe('[contents]');
    expect(all.filter((l) => l.startsWith('## ')).slice(0, 4)).toEqual(['## Forward', '## Introduction and context', '## Legislative context', '## Lead Safeguarding Partners']);
  });

  it('fill each placeholder', () => {
    expect(part(index, 'Lead Safeguarding Partners')).toContain('- Chief Executive, Isle of Wight Council – Wendy Perera');
    expect(part(index, 'Delegated Safeguarding Partners')).toContain("Ashley Whittaker | Director of Children's Services | Isle of Wight Council");
    expect(part(index, 'Partnership Chair')).toContain("The partnership chair is Ashley Whittaker, Director of Children's Services, Isle of Wight Council.");
    expect(part(index, 'Independent Scrutineer')).toContain('The independent scrutineer is Scott MacKechnie.');
    expect(part(index, 'Relevant Agencies')).toContain('- Education providers*');
    expect(part(index, 'Relevant Agencies')).toContain('[note *] Primary, Secondary, Independent, Post 16 years and special schools, pupil referral units and Early Years settings.');
    expect(part(index, 'Review of the Safeguarding Arrangements')[0]).toBe('These arrangements will be reviewed in December 2025, then in 2028 and every three years thereafter.');
  });

  it('describe each group with its summary or its membership and responsibilities, and link to its terms of reference', () => {
    const structure = part(index, 'Partnership Structure and Subgroups');
    expect(structure).toContain('### Executive Group');
    expect(structure).toContain('The Executive Group is chaired by the partnership chair and meets quarterly.');
    expect(structure).toContain('Read the Executive Group Terms of Reference.');
    expect(structure).toContain('The Performance and Quality Assurance Group is chaired by a member of the partnership nominated by the Executive Group.');
    expect(structure).toContain('#### Responsibilities');
    expect(structure).toContain('The Workforce Development Group is a joint subgroup with the IOW Safeguarding Adults Board.');
    // One group in its own section: no heading of its own.
    expect(part(index, 'Hampshire, Isle of Wight, Portsmouth & Southampton (HIPS) Safeguarding Children Partnership Executive Group Arrangements')).toContain(
      'The HIPS Executive Group is chaired by an independent chair appointed by the safeguarding partners.',
    );
  });

  it('show the structure as a list when no diagram is drawn, and the diagram when one is', () => {
    expect(all).toContain('- Executive Group');
    expect(all).toContain('  - Main Partnership Board');
    const model = modelOf(compile(exampleFiles('isle-of-wight')));
    const alternative = structureAlternative(model);
    const drawn = publishedDocuments(model, { diagram: () => ({ svg: '<svg></svg>', drawing: { width: 1, height: 1, items: [] }, alternative }) })[0]!;
    expect(drawn.blocks.filter((b) => b.kind === 'diagram')).toHaveLength(2);
  });

  it('list the terms of reference when the sources hold no arrangements', () => {
    const kent = doc(docsOf('kent'), 'index');
    expect(kent.title).toBe('Kent Safeguarding Children Multi-agency Partnership');
    expect(lines(kent.blocks)).toEqual(['## Terms of reference', 'The terms of reference of the groups of the Kent Safeguarding Children Multi-agency Partnership:', '- Partnership Executive Board Terms of Reference']);
  });

  it('orders the documents as the structure: arrangements, then each group after the one it is accountable to', () => {
    expect(docsOf('isle-of-wight').map((d) => d.label)).toEqual([
      'Local Safeguarding Arrangements',
      'Executive Group',
      'Main Partnership Board',
      'Performance and Quality Assurance Group',
      'Learning Inquiry Group',
      'Education Subgroup',
      'Workforce Development Group',
      'Child Exploitation Delivery Subgroup',
      'HIPS Executive Group',
      'Health Group (HIPS)',
      'Child Exploitation Group (HIPS)',
      'Procedures and Strategy Group (HIPS)',
    ]);
  });

  it('gives a group called index a page that does not replace the arrangements', () => {
    const model = modelOf(withPartnership('group index: Index Group\n  chaired by dcs\n', false));
    expect(publishedDocuments(model).map((d) => d.slug)).toEqual(['index', 'index-group']);
  });
});
