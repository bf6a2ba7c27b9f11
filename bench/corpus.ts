/**
 * A deterministic synthetic corpus of `.tor` projects for the benchmark: 150 partnerships of
 * about four files each (shaped like examples/), one single-file partnership of several MB, and
 * single-file projects of any size for the linearity check. Same seed, same bytes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast and good enough to vary words. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  /** n distinct items, in a random order. */
  sample<T>(xs: readonly T[], n: number): T[] {
    const copy = [...xs];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }
}

// ---------------------------------------------------------------------------------------------
// Words

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
const FIRST = ['Alex', 'Amira', 'Ben', 'Carys', 'Daniel', 'Eleanor', 'Fiona', 'Gareth', 'Hannah',
  'Imran', 'Jo', 'Karen', 'Liam', 'Maya', 'Nadia', 'Owen', 'Priya', 'Rachel', 'Sam', 'Tom'];
const LAST = ['Ahmed', 'Baker', 'Clarke', 'Davies', 'Evans', 'Fletcher', 'Green', 'Hughes',
  'Iqbal', 'Jones', 'Khan', 'Lewis', 'Morgan', 'Nolan', 'O’Brien', 'Patel', 'Reid', 'Shaw'];
const PLACE_A = ['Ash', 'Brad', 'Cal', 'Dun', 'Elm', 'Fal', 'Glen', 'Hart', 'Kings', 'Lang',
  'Mar', 'North', 'Oak', 'Pen', 'Red', 'Stan', 'Thorn', 'Wal', 'West', 'Whit'];
const PLACE_B = ['ford', 'ham', 'ley', 'shire', 'ton', 'wick', 'bury', 'field', 'mouth', 'stead'];

const SUBJECTS = ['The partnership', 'Partner agencies', 'The safeguarding partners', 'Practitioners',
  'The group', 'Members', 'Relevant agencies', 'Senior leaders', 'Frontline managers',
  'The business unit', 'Schools and colleges', 'Health providers'];
const VERBS = ['will ensure that', 'seek assurance that', 'work together so that',
  'regularly review whether', 'take account of how', 'are expected to show that',
  'hold each other to account so that', 'report on the extent to which', 'challenge practice where',
  'agree how'];
const OBJECTS = ['children and young people are safeguarded and their welfare promoted',
  'learning from local and national reviews is embedded in practice',
  'the voice of the child informs every decision', 'thresholds are applied consistently',
  'information is shared in a timely and proportionate way',
  'early help is offered as soon as problems emerge', 'multi-agency audits lead to improvement',
  'training reaches the whole children’s workforce', 'families understand what help is available',
  'escalation is used constructively and as a last resort',
  'data on key safeguarding activity is analysed and acted upon',
  'children at risk of exploitation are identified early',
  'the statutory duties of the Children Act 2004 are met',
  'policies and procedures are kept up to date', 'resources are used where they have most impact'];
const TAILS = ['', '', 'across the whole area', 'in line with Working Together to Safeguard Children',
  'through regular audit and challenge', 'with clear lines of accountability',
  'within agreed timescales', 'and report progress to the Executive', 'for every child in the area',
  'while respecting the independence of each agency'];
const DOINGS = ['Develop', 'Monitor', 'Review', 'Commission', 'Oversee', 'Scrutinise', 'Promote',
  'Agree', 'Report on', 'Coordinate', 'Evaluate', 'Maintain', 'Publish', 'Embed'];
const THINGS = ['the multi-agency dataset of agreed safeguarding indicators',
  'the annual programme of multi-agency audits', 'the learning and improvement framework',
  'rapid reviews and local child safeguarding practice reviews', 'the threshold document',
  'the risk register of strategic safeguarding risks', 'the multi-agency training offer',
  'compliance with the self-assessment duties of partner agencies', 'the yearly report',
  'the business plan and its strategic priorities', 'the escalation and resolution protocol',
  'the response to neglect and cumulative harm', 'the work of the front door and the MASH',
  'the pathway for children missing from home, care or education'];

const SUBGROUP_THEMES: ReadonlyArray<[id: string, name: string, short: string]> = [
  ['performance-quality', 'Performance and Quality Assurance Group', 'PQA'],
  ['learning-reviews', 'Learning and Review Group', 'LRG'],
  ['workforce-development', 'Workforce Development Group', 'WFD'],
  ['education-safeguarding', 'Education Safeguarding Group', 'ESG'],
  ['child-exploitation', 'Child Exploitation Group', 'CEG'],
  ['neglect', 'Neglect Strategy Group', 'NSG'],
  ['health', 'Health Safeguarding Group', 'HSG'],
  ['voice-of-child', 'Voice of the Child Group', 'VOC'],
  ['early-help', 'Early Help Partnership Group', 'EHP'],
  ['domestic-abuse', 'Domestic Abuse and Children Group', 'DAC'],
  ['policy-procedures', 'Policy and Procedures Group', 'P&P'],
  ['online-safety', 'Online Safety Group', 'OSG'],
];

// ---------------------------------------------------------------------------------------------
// Prose

/** A line may not start with a word the prose reader would take as a marker. */
const RISKY_START = /^(-|\*|#|\{|\[|\d+\.|section)$/i;

/** Joins words into lines of at most `width` characters under `indent` spaces. */
function wrap(words: readonly string[], indent: number, first = '', width = 100): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  let line = pad + first;
  let empty = true;
  for (const w of words) {
    if (!empty && line.length + 1 + w.length > width && !RISKY_START.test(w)) {
      lines.push(line);
      line = pad + (first === '' ? '' : ' '.repeat(first.length)) + w;
    } else {
      line += (empty ? '' : ' ') + w;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

function sentence(rng: Rng, area: string): string {
  const tail = rng.pick(TAILS).replace('the whole area', `the whole of ${area}`);
  const bold = rng.chance(0.03);
  const obj = rng.pick(OBJECTS);
  return `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${bold ? `**${obj}**` : obj}${tail ? ' ' + tail : ''}.`;
}

function paragraph(rng: Rng, area: string, indent: number, sentences: number): string[] {
  const words: string[] = [];
  for (let i = 0; i < sentences; i++) words.push(...sentence(rng, area).split(' '));
  return wrap(words, indent);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function duty(rng: Rng, area: string): string {
  const tail = rng.pick(TAILS).replace('the whole area', `the whole of ${area}`);
  return `${rng.pick(DOINGS)} ${rng.pick(THINGS)}${tail ? ' ' + tail : ''}`;
}

/** A bullet list; some items get nested bullets, some items are long enough to wrap. */
function bullets(rng: Rng, area: string, indent: number, n: number, nested = true): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const text = rng.chance(0.3) ? `${duty(rng, area)}, so that ${lowerFirst(sentence(rng, area))}` : `${duty(rng, area)}.`;
    out.push(...wrap(text.split(' '), indent, '- '));
    if (nested && rng.chance(0.1)) {
      for (let k = rng.int(2, 3); k > 0; k--) out.push(...wrap(duty(rng, area).split(' '), indent + 2, '- '));
    }
  }
  return out;
}

/** Paragraphs and lists separated by blank lines. */
function proseBlock(rng: Rng, area: string, indent: number, parts: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts; i++) {
    if (i > 0) out.push('');
    if (i > 0 && rng.chance(0.35)) out.push(...bullets(rng, area, indent, rng.int(3, 7)));
    else out.push(...paragraph(rng, area, indent, rng.int(2, 5)));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// One partnership

interface Org {
  id: string;
  name: string;
  kind: string;
  units: Array<[string, string]>;
  posts: Array<[string, string]>;
}

interface Ctx {
  rng: Rng;
  area: string;
  slug: string;
  pid: string;
  short: string;
  partners: [Org, Org, Org];
  lead: string[];
  delegated: string[];
  chair: string;
  scrutineer: string;
  others: Org[];
  /** Every post, unit and organisation id a member list may name. */
  memberPool: string[];
  /** Posts that may chair a subgroup. */
  postPool: string[];
  /** One member id from each safeguarding partner, for quorum coverage. */
  partnerMembers: string[];
  team: string;
}

function person(rng: Rng): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
}

function date(rng: Rng, from: number, to: number): string {
  return rng.chance(0.5) ? `${rng.pick(MONTHS)} ${rng.int(from, to)}` : `${rng.int(1, 28)} ${rng.pick(MONTHS)} ${rng.int(from, to)}`;
}

function makeCtx(rng: Rng, area: string): Ctx {
  const slug = area.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const council: Org = {
    id: rng.pick(['council', 'county-council', `${slug}-council`]), name: `${area} Council`, kind: 'local authority',
    units: [['childrens-social-care', 'Children’s Social Care'], ['early-help-service', 'Early Help'],
      ['education-inclusion', 'Education and Inclusion'], ['public-health', 'Public Health'],
      ['youth-justice', 'Youth Justice Service']],
    posts: [['council-ceo', 'Chief Executive'], ['dcs', 'Director of Children’s Services'],
      ['ad-safeguarding', 'Assistant Director, Safeguarding'], ['head-of-education', 'Head of Education'],
      ['lado', 'Local Authority Designated Officer'], ['cabinet-member', 'Cabinet Member for Children']],
  };
  const icb: Org = {
    id: rng.pick(['icb', 'nhs-icb']), name: `NHS ${area} Integrated Care Board`, kind: 'integrated care board',
    units: [],
    posts: [['icb-ceo', 'Chief Executive'], ['chief-nurse', 'Chief Nursing Officer'],
      ['designated-nurse', 'Designated Nurse for Safeguarding Children'], ['designated-doctor', 'Designated Doctor']],
  };
  const police: Org = {
    id: rng.pick(['police', 'constabulary']), name: `${area} Police`, kind: 'police', units: [],
    posts: [['chief-constable', 'Chief Constable'], ['head-of-public-protection', 'Head of Public Protection'],
      ['detective-superintendent', 'Detective Superintendent, Safeguarding']],
  };
  const others: Org[] = rng.sample<Org>([
    { id: 'hospital-trust', name: `${area} Hospitals NHS Foundation Trust`, kind: 'health provider', units: [], posts: [['trust-safeguarding-lead', 'Head of Safeguarding']] },
    { id: 'community-trust', name: `${area} Community Health NHS Trust`, kind: 'health provider', units: [], posts: [] },
    { id: 'mental-health-trust', name: `${area} Mental Health NHS Trust`, kind: 'health provider', units: [], posts: [] },
    { id: 'probation', name: 'Probation Service', kind: 'probation', units: [], posts: [['probation-head', 'Head of Probation Delivery Unit']] },
    { id: 'fire-rescue', name: `${area} Fire & Rescue Service`, kind: 'fire and rescue', units: [], posts: [] },
    { id: 'opcc', name: 'Office of the Police and Crime Commissioner', kind: 'police and crime commissioner', units: [], posts: [] },
    { id: 'primary-schools', name: 'Primary Schools', kind: 'education', units: [], posts: [['primary-rep', 'Primary Headteacher Representative']] },
    { id: 'secondary-schools', name: 'Secondary Schools', kind: 'education', units: [], posts: [['secondary-rep', 'Secondary Headteacher Representative']] },
    { id: 'early-years', name: 'Early Years Settings', kind: 'early years', units: [], posts: [] },
    { id: 'voluntary-sector', name: `${area} Voluntary and Community Sector`, kind: 'voluntary sector', units: [], posts: [['vcs-rep', 'Voluntary Sector Representative']] },
    { id: 'housing', name: `${area} Housing Association`, kind: 'housing', units: [], posts: [] },
    { id: 'faith-forum', name: `${area} Faith Forum`, kind: 'faith', units: [], posts: [] },
  ], rng.int(7, 12));
  const partners: [Org, Org, Org] = [council, icb, police];
  const chair = rng.chance(0.6) ? 'dcs' : 'independent-chair';
  const notMembers = ['council-ceo', 'icb-ceo', 'chief-constable', 'cabinet-member'];
  const postPool = [...partners, ...others].flatMap((o) => o.posts.map((p) => p[0])).filter((id) => !notMembers.includes(id));
  const memberPool = [...partners.flatMap((o) => o.units.map((u) => u[0])), ...others.map((o) => o.id), ...postPool];
  return {
    rng, area, slug, pid: `${slug}scp`, short: `${area.replace(/[^A-Z]/g, '') || 'X'}SCP`,
    partners, lead: ['council-ceo', 'icb-ceo', 'chief-constable'],
    delegated: ['dcs', 'chief-nurse', 'head-of-public-protection'],
    chair, scrutineer: 'independent-scrutineer', others, memberPool, postPool,
    partnerMembers: [rng.pick(['dcs', 'childrens-social-care', 'ad-safeguarding']),
      rng.pick(['chief-nurse', 'designated-nurse']), rng.pick(['head-of-public-protection', 'detective-superintendent'])],
    team: rng.pick(['the Partnership Team', 'the Business Unit', 'the Safeguarding Children Partnership Team']),
  };
}

function list(ids: readonly string[]): string {
  return ids.length < 2 ? ids.join('') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

function partnershipDecl(c: Ctx): string[] {
  const r = c.rng;
  const review = r.pick(['reviewed annually', 'reviewed every 2 years', `reviewed in ${r.pick(MONTHS)} 2026`,
    `reviewed in ${r.pick(MONTHS)} 2025, then in 2028 and every 3 years`]);
  const edition = r.pick(['2018', '2023', '2023']);
  // Arrangements are published after the edition they follow (the arrangements-published rule).
  const published = edition === '2018' ? date(r, 2019, 2022) : date(r, 2024, 2025);
  const out = [
    `# ${c.area} Safeguarding Children Partnership: the partnership, its organisations and posts.`, '',
    `partnership ${c.pid}: ${c.area} Safeguarding Children Partnership`,
    `  short name: ${c.short}`,
    `  follows Working Together ${edition}`,
    `  published ${published}`,
    `  ${review}`,
    `  document title: ${r.pick(['Local Safeguarding Arrangements', 'Multi-agency Safeguarding Arrangements'])}`,
    `  area: ${c.area}`,
    `  safeguarding partners: ${list(c.partners.map((o) => o.id))}`,
    `  lead safeguarding partners: ${list(c.lead)}`,
    `  delegated safeguarding partners: ${list(c.delegated)}`,
    `  partnership chair: ${c.chair}`,
    `  independent scrutineer: ${c.scrutineer}`, '',
    '  relevant agencies:',
    ...c.others.map((o, i) => `    - ${o.name}${i === 0 ? '*' : ''}`),
    '    - Cafcass', '    - Education providers**', '',
    `    * Including the services it commissions across ${c.area}.`,
    '    ** Primary, secondary, independent and special schools, colleges and early years settings.', '',
    '  functional links:',
    ...r.sample(['Health and Wellbeing Board', 'Community Safety Partnership', 'Safeguarding Adults Board',
      'Corporate Parenting Board', 'Family Justice Board', 'Domestic Abuse Local Partnership Board',
      'Multi-Agency Public Protection Arrangements (MAPPA)', 'Violence Reduction Unit'], 5).map((s) => `    - ${s}`),
  ];
  for (const o of [...c.partners, ...c.others]) {
    out.push('', `organisation ${o.id}: ${o.name}`, `  kind: ${o.kind}`);
    for (const [id, name] of o.units) out.push(`  unit ${id}: ${name}`);
    for (const [id, name] of o.posts) {
      out.push(`  post ${id}: ${name}`);
      if (r.chance(0.7)) out.push(`    held by ${person(r)}`);
    }
  }
  out.push('', `post ${c.scrutineer}: Independent Scrutineer`, `  held by ${person(r)}`);
  if (c.chair === 'independent-chair') out.push('', 'post independent-chair: Independent Chair', `  held by ${person(r)}`);
  out.push('', 'post business-manager: Partnership Business Manager');
  return out;
}

const TOP_SECTIONS: ReadonlyArray<[id: string, title: string, placeholder?: string]> = [
  ['foreword', 'Foreword'], ['introduction', 'Introduction and context'], ['legislation', 'Legislative context'],
  ['lead-partners', 'Lead Safeguarding Partners', '{lead safeguarding partners}'],
  ['delegated-partners', 'Delegated Safeguarding Partners', '{delegated safeguarding partners}'],
  ['chair', 'Partnership Chair', '{partnership chair}'], ['scrutineer', 'Independent Scrutineer', '{independent scrutineer}'],
  ['aims', 'Aims and objectives'], ['thresholds', 'Thresholds'],
  ['relevant-agencies', 'Relevant Agencies', '{relevant agencies}'], ['education', 'Schools, colleges and early years'],
  ['structure', 'Partnership structure', '{structure diagram}'], ['scrutiny', 'Independent scrutiny'],
  ['yearly-report', 'Yearly report'], ['reviews', 'Child safeguarding practice reviews'],
  ['training', 'Multi-agency training'], ['funding', 'Funding'], ['voice', 'The voice of children and families'],
  ['data', 'Information sharing'], ['procedures', 'Multi-agency procedures'],
  ['review', 'Review of these arrangements', '{review schedule}'],
];

function arrangements(c: Ctx, scale: number): string[] {
  const r = c.rng;
  const out = [`# The published arrangements of the ${c.short}, in document order.`];
  for (const [id, title, placeholder] of TOP_SECTIONS) {
    out.push('', `section ${id}: ${title}`, ...proseBlock(r, c.area, 2, r.int(1, 2) * scale));
    if (placeholder) out.push('', `  ${placeholder}`);
    if (id === 'structure') out.push('', '  {groups}');
    if (r.chance(0.25)) {
      out.push('', `  section ${id}-detail: ${title}, further detail`, ...proseBlock(r, c.area, 4, r.int(1, 2) * scale));
    }
  }
  return out;
}

interface GroupPlan {
  id: string;
  name: string;
  short: string | undefined;
  kind: 'executive' | 'board' | 'subgroup' | 'task and finish group';
  accountable: string;
}

function members(c: Ctx, g: GroupPlan, chairs: readonly string[]): { lines: string[]; count: number; chair: string } {
  const r = c.rng;
  if (g.kind === 'executive') {
    const chairOf = chairs.length > 0 ? [`the chairs of ${list(chairs)}`] : [];
    const extra = c.chair === 'independent-chair' ? ['the partnership chair'] : [];
    if (r.chance(0.3)) {
      return {
        chair: 'chaired by the partnership chair', count: 5 + chairOf.length,
        lines: ['  executive members:', ...[...c.delegated, ...extra].map((m) => `    - ${m}`),
          '  non-executive members:', ...['the independent scrutineer', ...chairOf, 'business-manager'].map((m) => `    - ${m}`)],
      };
    }
    const items = ['the independent scrutineer', 'the delegated safeguarding partners', ...extra, ...chairOf];
    return { chair: 'chaired by the partnership chair', count: items.length, lines: ['  members:', ...items.map((m) => `    - ${m}`)] };
  }
  const chairPost = r.pick(c.postPool);
  const chair = g.kind === 'board'
    ? r.pick(['chaired by the partnership chair', 'chaired by the independent scrutineer'])
    : r.pick([`chaired by ${chairPost}`, 'chaired by a member nominated by executive',
      `chaired in yearly rotation by ${list(c.partners.map((o) => o.id))}`]);
  const picked = r.sample(c.memberPool, g.kind === 'board' ? r.int(10, 16) : r.int(3, 7))
    .map((id) => (c.others.some((o) => o.id === id) && r.chance(0.5) ? `a representative of ${id}` : id));
  const base = g.kind === 'board' ? ['the independent scrutineer', 'the safeguarding partners'] : c.partnerMembers;
  const items = [...new Set([...base, ...(chair === `chaired by ${chairPost}` ? [chairPost] : []), ...picked])];
  if (g.kind === 'board' && chair.endsWith('partnership chair')) items.unshift('the partnership chair');
  const lines = ['  members:', ...items.map((m) => `    - ${m}`)];
  if (g.kind === 'board' && r.chance(0.5)) lines.push('  observers:', '    - cabinet-member');
  return { chair, count: items.length, lines };
}

function quorum(c: Ctx, g: GroupPlan, count: number, chair: string): string {
  const r = c.rng;
  const common = [
    'one member from each of the safeguarding partners are present',
    `at least ${r.int(2, Math.max(2, count - 1))} members are present`,
    'two thirds of the members, rounded down, are present',
    'a majority of the members are present',
    'representatives of 3 separate organisations are present',
  ];
  if (g.kind === 'executive') {
    return `quorate when ${r.pick([
      'one member from each of the safeguarding partners and the independent scrutineer are present',
      `(${c.delegated[0]} or the partnership chair) and 2 of the delegated safeguarding partners are present`,
      'half of the members are present, including the partnership chair, the independent scrutineer and one member from each of the safeguarding partners',
      ...common.slice(0, 1),
    ])}`;
  }
  if (g.kind === 'board' && chair.endsWith('partnership chair')) {
    return `quorate when ${r.pick([...common,
      'half of the members are present, including the partnership chair, the independent scrutineer and one member from each of the safeguarding partners'])}`;
  }
  return `quorate when ${r.pick(common)}`;
}

const AGENDA = ['Agree the agenda with the chair at least three weeks before the meeting',
  'Agree the agenda with the chair at least 15 working days before the meeting',
  'Invite agenda items from members at least four weeks before the meeting'];
const PAPERS = ['Send the agenda and supporting papers to members at least 5 working days before the meeting',
  'Circulate papers not less than one week before the meeting',
  'Send the agenda and papers to members one week in advance of the meeting'];
const MINUTES = ['Circulate draft minutes and an action log within 10 working days of the meeting',
  'Send the minutes to members no later than two weeks after the meeting',
  'Produce the minutes and an action tracker no later than 7 days after the meeting'];
const OTHER = ['Maintain an up-to-date list of members and their contact details',
  'Keep a record of attendance and report it yearly to the Executive',
  'Arrange venues and online meeting links for every meeting',
  'Provide updates to the group on local processes and procedures'];

function groupDecl(c: Ctx, g: GroupPlan, chairs: readonly string[], scale: number): string[] {
  const r = c.rng;
  const out = ['', `group ${g.id}: ${g.name}`, `  kind: ${g.kind}`];
  if (g.short) out.push(`  short name: ${g.short}`);
  out.push(`  accountable to ${g.accountable}`, '');
  out.push('  purpose:', ...proseBlock(r, c.area, 4, r.int(1, 2) * scale));
  if (r.chance(0.1)) {
    out.push('', ...wrap(`This group was established under Working Together 2018[1] and reports to the ${c.short}.`.split(' '), 4),
      '', '    [1] Working Together to Safeguard Children, a guide to inter-agency working, 2018');
  }
  out.push(`  ${r.chance(0.2) ? 'key objectives' : 'objectives'}:`, ...bullets(r, c.area, 4, r.int(3, 6) * scale));
  out.push('  responsibilities:', ...bullets(r, c.area, 4, r.int(4, 8) * scale));
  if (r.chance(0.4)) out.push('  membership:', ...proseBlock(r, c.area, 4, scale));
  if (r.chance(0.3)) out.push('  summary:', ...proseBlock(r, c.area, 4, r.int(1, 2)));
  const m = members(c, g, chairs);
  out.push('', `  ${m.chair}`);
  if (g.kind === 'subgroup' && r.chance(0.2)) out.push(`  vice-chaired by ${c.partnerMembers[1]}`);
  out.push(...m.lines);
  const deputies = r.sample(['must have the same decision-making authority', 'at most one grade lower', 'only by exception'], r.int(1, 3));
  deputies.push(r.pick(['count towards the quorum only with full delegated authority', 'count towards the quorum', 'do not count towards the quorum']));
  out.push('  deputies:', ...deputies.map((d) => `    - ${d}`), '');
  out.push(`  meets ${r.pick(['quarterly', 'monthly', 'every 6 weeks', 'every 2 months', 'twice a year',
    'every 2 months in the first year, then as required but at least quarterly'])}`);
  if (r.chance(0.3)) out.push(`  meetings start ${r.int(1, 28)} ${r.pick(MONTHS)} ${r.int(2024, 2026)}`);
  out.push(`  ${quorum(c, g, m.count, m.chair)}`);
  if (r.chance(0.3)) out.push('  if inquorate: the meeting goes ahead but decisions are confirmed by email within 5 working days.');
  out.push(`  decides ${r.pick(['by consensus', 'by consensus, otherwise by a majority vote of the members', 'by a majority vote of the members',
    ...(g.kind === 'executive' ? ['by consensus, otherwise by a majority vote of the delegated safeguarding partners'] : [])])}`);
  out.push(`  ${r.pick(['reviewed annually', 'reviewed every 2 years', `reviewed in ${r.pick(MONTHS)} 2026`])}`, '');
  const duties = [r.pick(AGENDA), r.pick(PAPERS), r.pick(MINUTES), ...r.sample(OTHER, r.int(1, 3))];
  out.push(`  support from ${c.team}:`, ...duties.map((d) => `    - ${d}`));
  if (r.chance(0.5)) {
    out.push('', `  section ${g.id}-escalation: Escalation and disagreement`, ...proseBlock(r, c.area, 4, scale));
  }
  return out;
}

function subgroupPlans(c: Ctx, n: number, suffix: (k: number) => string): GroupPlan[] {
  const themes = c.rng.sample(SUBGROUP_THEMES, Math.min(n, SUBGROUP_THEMES.length));
  const plans: GroupPlan[] = [];
  for (let k = 0; k < n; k++) {
    const [id, name, short] = themes[k % themes.length]!;
    plans.push({ id: id + suffix(k), name, short: c.rng.chance(0.7) ? short : undefined, kind: 'subgroup',
      accountable: c.rng.chance(0.8) ? 'executive' : 'board' });
  }
  return plans;
}

const TOP_PLANS: readonly GroupPlan[] = [
  { id: 'executive', name: 'Executive Group', short: 'Executive', kind: 'executive', accountable: 'the lead safeguarding partners' },
  { id: 'board', name: 'Partnership Board', short: undefined, kind: 'board', accountable: 'executive' },
];

export interface GeneratedFile {
  /** Relative to the project's folder. */
  name: string;
  text: string;
}

/** One partnership in four files: partnership, arrangements, executive and subgroups. */
export function partnershipFiles(seed: number, area: string): GeneratedFile[] {
  const c = makeCtx(new Rng(seed), area);
  const subs = subgroupPlans(c, 7, () => '');
  const tfg: GroupPlan = { id: 'task-finish', name: `${c.rng.pick(['Neglect', 'Exploitation', 'Audit'])} Task and Finish Group`,
    short: undefined, kind: 'task and finish group', accountable: subs[0]!.id };
  const chairs = subs.slice(0, c.rng.int(2, 4)).map((s) => s.id);
  const exec = TOP_PLANS.flatMap((g) => groupDecl(c, g, chairs, 1));
  const subText = [...subs, tfg].flatMap((g) => groupDecl(c, g, [], 1));
  return [
    { name: 'partnership.tor', text: partnershipDecl(c).join('\n') + '\n' },
    { name: 'arrangements.tor', text: arrangements(c, 1).join('\n') + '\n' },
    { name: 'executive.tor', text: [`# The Executive Group and Partnership Board of the ${c.short}.`, ...exec].join('\n') + '\n' },
    { name: 'subgroups.tor', text: [`# The subgroups of the ${c.short}.`, ...subText].join('\n') + '\n' },
  ];
}

/** One partnership in one file, grown with subgroups until it holds at least `bytes` bytes. */
export function singleFileProject(seed: number, bytes: number): string {
  const c = makeCtx(new Rng(seed), 'Greater Examplebury');
  const head = [...partnershipDecl(c), '', ...arrangements(c, 2)];
  const body: string[] = [];
  let size = Buffer.byteLength(head.join('\n'));
  const subs: GroupPlan[] = [];
  for (let k = 1; size < bytes; k++) {
    const [g] = subgroupPlans(c, 1, () => `-${k}`);
    subs.push(g!);
    const text = groupDecl(c, g!, [], 3).join('\n') + '\n';
    body.push(text);
    size += Buffer.byteLength(text);
  }
  const chairs = subs.slice(0, 4).map((s) => s.id);
  const top = TOP_PLANS.flatMap((g) => groupDecl(c, g, chairs, 3));
  return [...head, ...top, ''].join('\n') + body.join('');
}

/** 150 distinct area names, e.g. "Ashford" and "Thornwick". */
export function areaNames(seed: number, n = 150): string[] {
  const all = PLACE_A.flatMap((a) => PLACE_B.map((b) => a + b));
  return new Rng(seed).sample(all, n);
}

export interface Corpus {
  root: string;
  /** One folder per partnership, then the big single file. */
  paths: string[];
  bytes: number;
}

/** Writes the whole corpus under `root` (emptied first). */
export function writeCorpus(root: string, seed = 2024, partnerships = 150, bigBytes = 5_500_000): Corpus {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const paths: string[] = [];
  let bytes = 0;
  areaNames(seed, partnerships).forEach((area, i) => {
    const dir = join(root, `${String(i + 1).padStart(3, '0')}-${area.toLowerCase()}`);
    mkdirSync(dir);
    for (const f of partnershipFiles(seed * 1000 + i, area)) {
      writeFileSync(join(dir, f.name), f.text);
      bytes += Buffer.byteLength(f.text);
    }
    paths.push(dir);
  });
  const big = singleFileProject(seed, bigBytes);
  const bigPath = join(root, 'greater-examplebury.tor');
  writeFileSync(bigPath, big);
  paths.push(bigPath);
  return { root, paths, bytes: bytes + Buffer.byteLength(big) };
}
