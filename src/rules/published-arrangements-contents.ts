import type { Model } from '../model/model.js';
import { defineRule, type EditionCode, type Finding } from './rule.js';
import { arrangementsTexts, findMention, hasArrangements, hasPlaceholder, hasSection, YOUTH_CUSTODY } from './support.js';

interface Item {
  /** What is missing, in the author's words. */
  what: string;
  editions: readonly EditionCode[];
  present(model: Model): boolean;
  /** The section to add. */
  section: string;
  title: string;
  /** What the section says. */
  says: string;
}

const ALL: readonly EditionCode[] = ['wt18', 'wt23', 'wt26'];
const SINCE_2023: readonly EditionCode[] = ['wt23', 'wt26'];

const ITEMS: readonly Item[] = [
  {
    what: 'the safeguarding partners and their lead and delegated safeguarding partners',
    editions: ALL,
    present: (m) => hasSection(m, 'lead-partners', 'delegated-partners') || hasPlaceholder(m, 'lead safeguarding partners', 'delegated safeguarding partners'),
    section: 'lead-partners',
    title: 'Lead Safeguarding Partners',
    says: 'with `{lead safeguarding partners}`, and `section delegated-partners` with `{delegated safeguarding partners}`',
  },
  { what: 'the geographical area', editions: ALL, present: (m) => hasSection(m, 'area'), section: 'area', title: 'Geographical Area', says: 'naming the local authority area covered' },
  {
    what: 'how local child safeguarding practice reviews are commissioned and published',
    editions: ALL,
    present: (m) => hasSection(m, 'reviews'),
    section: 'reviews',
    title: 'Local Child Safeguarding Practice Reviews',
    says: 'saying how reviews are commissioned and published',
  },
  {
    what: 'the arrangements for independent scrutiny',
    editions: ALL,
    present: (m) => hasSection(m, 'scrutiny', 'scrutineer'),
    section: 'scrutiny',
    title: 'Independent Scrutiny',
    says: 'saying how the arrangements are scrutinised independently',
  },
  {
    what: 'the relevant agencies',
    editions: ALL,
    present: (m) => hasSection(m, 'relevant-agencies') || hasPlaceholder(m, 'relevant agencies'),
    section: 'relevant-agencies',
    title: 'Relevant Agencies',
    says: 'with `{relevant agencies}`',
  },
  {
    what: 'how schools, colleges and early years settings are included',
    editions: ALL,
    present: (m) => hasSection(m, 'education'),
    section: 'education',
    title: 'The Role of Education',
    says: 'saying how education and childcare settings take part, strategically and operationally',
  },
  {
    what: 'youth custody and residential settings (children’s homes)',
    editions: ALL,
    present: (m) => hasSection(m, 'youth-custody') || findMention(arrangementsTexts(m), YOUTH_CUSTODY) !== undefined,
    section: 'youth-custody',
    title: 'Youth Custody and Residential Settings',
    says: 'saying how youth custody and residential settings in the area are included (or that there are none)',
  },
  {
    what: 'how data and intelligence are used, including on early help',
    editions: ALL,
    present: (m) => hasSection(m, 'data'),
    section: 'data',
    title: 'Data and Intelligence',
    says: 'saying how the partners use data and intelligence, early help included',
  },
  {
    what: 'multi-agency training',
    editions: ALL,
    present: (m) => hasSection(m, 'training'),
    section: 'training',
    title: 'Multi-Agency Training',
    says: 'saying how training is commissioned and delivered, and how its impact is checked',
  },
  {
    what: 'the threshold document',
    editions: ALL,
    present: (m) => hasSection(m, 'thresholds'),
    section: 'thresholds',
    title: 'Thresholds',
    says: 'with a link to the published threshold document',
  },
  {
    what: 'the partnership chair',
    editions: SINCE_2023,
    present: (m) => hasSection(m, 'chair') || hasPlaceholder(m, 'partnership chair'),
    section: 'chair',
    title: 'Partnership Chair',
    says: 'with `{partnership chair}`',
  },
  {
    what: 'how the partners fund the arrangements',
    editions: SINCE_2023,
    present: (m) => hasSection(m, 'funding'),
    section: 'funding',
    title: 'Funding Arrangements',
    says: 'saying how the partners fund the arrangements',
  },
  {
    what: 'how the voices of children and families are heard',
    editions: SINCE_2023,
    present: (m) => hasSection(m, 'voice'),
    section: 'voice',
    title: 'Voice of Children and Families',
    says: 'saying how the partners gather and use feedback from children and families',
  },
];

export default defineRule(
  {
    id: 'published-arrangements-contents',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'warning',
    citation: 'Working Together 2018, pp.78–79 (via Bevan Brittan); Working Together 2023, chapter 2 (para not confirmed)',
    confirmed: false,
    description: 'The published arrangements cover each item the guidance lists: one finding per missing item.',
    rationale:
      'Working Together lists what the published arrangements should set out; 2023 adds the partnership chair, funding and the ' +
      'voices of children and families. The model looks for the section each item belongs in (its id), or the placeholder that ' +
      'generates it; youth custody and residential settings may also be mentioned anywhere. It cannot judge whether a section ' +
      'says enough, nor check how the partners will work together to identify and respond to children’s needs (s16E(2)), which ' +
      'no single section shows. Only checked when the sources hold the published arrangements.',
  },
  ({ model, edition }) => {
    if (!hasArrangements(model)) return [];
    const findings: Finding[] = [];
    for (const item of ITEMS) {
      if (!item.editions.includes(edition) || item.present(model)) continue;
      findings.push({
        span: model.partnership.span,
        message: `The published arrangements do not set out ${item.what}.`,
        hint: `Add \`section ${item.section}: ${item.title}\` ${item.says}.`,
      });
    }
    return findings;
  },
);
