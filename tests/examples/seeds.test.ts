/**
 * Nothing of a seed is silently dropped: every content sentence of the seeds an example was
 * written from is either in the example's `.tor` sources as prose, or listed in the example's
 * `tests/seeds/<example>.structured.yaml` with the facts it states, and each of those facts
 * holds in the resolved model.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { compile } from '../../src/compile.js';
import type { Span } from '../../src/diagnostics/diagnostic.js';
import { chair, date, frequency, list, printFile, quorum, review } from '../../src/format/print.js';
import type { Group, Model, Partnership, Seat } from '../../src/model/model.js';
import type * as A from '../../src/syntax/ast.js';
import { containsWords, contentSentences, normalise, normalisedSeed, proseBlocks, withoutComments, wordCount } from './seed-sentences.js';

const ROOT = join(import.meta.dirname, '..', '..');
/** The seed documents, beside the project (see README). */
const SEED_DIR = join(ROOT, '..', 'shared', 'seeds');

/** Each example and the seeds it was written from. (The end of 001 holds no Board text in this copy.) */
const EXAMPLES: ReadonlyArray<{ name: string; seeds: readonly string[] }> = [
  { name: 'isle-of-wight', seeds: ['000_bcd761b59354724f.txt', '002_1ad4b38f267d4343.txt', '004_088c1a99b40f910c.txt'] },
  { name: 'gloucestershire', seeds: ['001_854a158aeccc84b6.txt'] },
  { name: 'kent', seeds: ['003_0a344e2d89d1ebe6.txt'] },
];

// ---- the structured-fact files -------------------------------------------------------------

interface Fact {
  /** `file:line` of the fact in the yaml. */
  where: string;
  fields: Record<string, unknown>;
}

interface Entry {
  where: string;
  seed: string;
  sentence: string;
  normalised: string;
  facts: Fact[];
}

function readEntries(path: string, shown: string, problems: string[]): Entry[] {
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines });
  for (const error of doc.errors) problems.push(`${shown}: yaml error: ${error.message}`);
  const at = (node: YamlNode | null | undefined): string => `${shown}:${node?.range ? lines.linePos(node.range[0]).line : '?'}`;
  const entries: Entry[] = [];
  if (!isSeq(doc.contents)) {
    problems.push(`${shown}: expected a list of entries`);
    return entries;
  }
  for (const item of doc.contents.items) {
    const where = at(item as YamlNode);
    if (!isMap(item)) {
      problems.push(`${where}: an entry must be a map of seed, sentence and facts`);
      continue;
    }
    const json = item.toJSON() as Record<string, unknown>;
    const unknown = Object.keys(json).filter((k) => !['seed', 'sentence', 'facts'].includes(k));
    if (unknown.length > 0) problems.push(`${where}: unknown key(s) ${unknown.join(', ')}`);
    const { seed, sentence } = json;
    if (typeof seed !== 'string' || typeof sentence !== 'string') {
      problems.push(`${where}: an entry needs a seed and a sentence (strings)`);
      continue;
    }
    const factsNode = item.get('facts', true);
    const facts: Fact[] = [];
    if (!isSeq(factsNode) || factsNode.items.length === 0) problems.push(`${where}: "${sentence}": no facts`);
    else {
      for (const f of factsNode.items) {
        if (!isMap(f)) problems.push(`${at(f as YamlNode)}: a fact must be a map`);
        else facts.push({ where: at(f), fields: f.toJSON() as Record<string, unknown> });
      }
    }
    entries.push({ where, seed, sentence, normalised: normalise(sentence), facts });
  }
  return entries;
}

// ---- checking facts against the model ----------------------------------------------------

const SPAN: Span = { file: '', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** The canonical text of one group statement, without its keyword (`deputies:` items, `decides …`). */
function printed(stmt: A.GroupStmt): string[] {
  const decl: A.GroupDecl = { kind: 'group', id: { name: 'g', span: SPAN }, title: { text: 'G', span: SPAN }, body: [stmt], span: SPAN };
  const text = printFile({ path: '', declarations: [decl], comments: [] }, '');
  return text
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter(Boolean);
}

function deputyTexts(g: Group): string[] {
  if (!g.deputies) return [];
  return printed({ kind: 'deputies', rules: g.deputies.rules.map((rule) => ({ rule, span: SPAN })), span: SPAN })
    .slice(1)
    .map((l) => l.replace(/^- /, ''));
}

function decidesText(g: Group): string | undefined {
  if (!g.decisions) return undefined;
  const [line] = printed({ kind: 'decides', consensus: g.decisions.consensus, majorityOf: g.decisions.majorityOf, span: SPAN });
  return line?.replace(/^decides /, '');
}

function chairText(g: Group): string | undefined {
  if (g.chair?.kind === 'rotation') return `in yearly rotation by ${list(g.chair.organisations)}`;
  return g.chairSpec ? chair(g.chairSpec) : undefined;
}

function cadenceText(g: Group): string | undefined {
  if (!g.cadence) return undefined;
  const { first, thereafter } = g.cadence;
  return `${frequency(first)}${thereafter ? ` in the first year, then ${frequency(thereafter)}` : ''}`;
}

const withoutPresent = (text: string): string => text.trim().replace(/,? are present$/, '');

/** "a, b and c" → [a, b, c]. */
function ids(text: string): string[] {
  return text
    .split(/\s*,\s*|\s+and\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const show = (value: string | undefined): string => (value === undefined ? 'nothing' : `"${value}"`);

const LIST_OF: Record<string, A.MemberListKind> = {
  member: 'members',
  executiveMember: 'executive members',
  nonExecutiveMember: 'non-executive members',
  observer: 'observers',
};

function seatText(s: Seat): string {
  return s.roles.length > 0 ? `${s.id} (${s.roles.join(', ')})` : s.id;
}

/** Whether a member-list item (`- dcs`, `- the chairs of a and b`, …) is seated in `listKind`; a problem if not. */
function checkMember(g: Group, p: Partnership, listKind: A.MemberListKind, item: string): string | undefined {
  const inList = g.seats.filter((s) => s.list === listKind);
  const seated = (id: string | undefined, role?: string): boolean => inList.some((s) => (id === undefined || s.id === id) && (role === undefined || s.roles.includes(role)));
  const missing: string[] = [];
  let m: RegExpExecArray | null;
  if ((m = /^the chairs? of (.+)$/.exec(item))) {
    for (const id of ids(m[1]!)) if (!seated(undefined, `chair of ${id}`)) missing.push(`the chair of ${id}`);
  } else if (item === 'the partnership chair' || item === 'the independent scrutineer') {
    const role = item.slice(4);
    const post = role === 'partnership chair' ? p.partnershipChair : p.independentScrutineer;
    if (!post || !seated(post, role)) missing.push(item);
  } else if (item === 'the lead safeguarding partners' || item === 'the delegated safeguarding partners') {
    const role = item.slice(4);
    const posts = role === 'lead safeguarding partners' ? p.leadPartners : p.delegatedPartners;
    if (posts.length === 0) missing.push(`${item} (the partnership names none)`);
    for (const post of posts) if (!seated(post, role)) missing.push(`${post} as one of ${item}`);
  } else if (item === 'the safeguarding partners') {
    if (p.safeguardingPartners.length === 0) missing.push(`${item} (the partnership names none)`);
    for (const org of p.safeguardingPartners) if (!seated(org, 'safeguarding partners')) missing.push(`${org} as one of ${item}`);
  } else if ((m = /^a representative of ([a-z0-9-]+)$/.exec(item))) {
    const id = m[1]!;
    if (!inList.some((s) => s.id === id && (s.kind === 'organisation' || s.kind === 'unit'))) missing.push(item);
  } else if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(item)) {
    if (!seated(item)) missing.push(item);
  } else {
    return `unknown member item form "${item}"`;
  }
  if (missing.length === 0) return undefined;
  const elsewhere = g.seats.filter((s) => s.list !== listKind && missing.some((x) => x.startsWith(s.id) || s.roles.some((r) => x.includes(r))));
  return (
    `group ${g.id} ${listKind}: ${missing.join('; ')} not found; the model's ${listKind}: [${inList.map(seatText).join(', ')}]` +
    (elsewhere.length > 0 ? `; seated in another list: ${elsewhere.map((s) => `${seatText(s)} in ${s.list}`).join(', ')}` : '')
  );
}

const DEADLINE_FACT = /^(agenda|papers|minutes|other) (\d+) (day|working day|week) (before|after)$/;

function checkDeadline(g: Group, value: string, sentence: string): string | undefined {
  const m = DEADLINE_FACT.exec(value);
  if (!m) return `unknown deadline form "${value}" (expected "<agenda|papers|minutes|other> <n> <day|working day|week> <before|after>")`;
  const duties = g.support?.duties ?? [];
  if (duties.length === 0) return `group ${g.id} has no support duties`;
  const wanted = normalise(sentence);
  const same = duties.filter((d) => containsWords(normalise(d.text), wanted) || containsWords(wanted, normalise(d.text)));
  const candidates = same.length > 0 ? same : duties;
  const describe = (d: (typeof duties)[number]): string =>
    `${d.kind} ${d.deadline ? `${d.deadline.amount} ${d.deadline.unit} ${d.deadline.relation}` : '(no deadline)'}`;
  const ok = candidates.some(
    (d) => d.kind === m[1] && d.deadline && d.deadline.amount === Number(m[2]) && d.deadline.unit === m[3] && d.deadline.relation === m[4],
  );
  if (ok) return undefined;
  return `group ${g.id} deadline: expected "${value}", the model has ${candidates.map((d) => `"${describe(d)}" for "${d.text}"`).join('; ')}`;
}

function checkGroupFact(model: Model, groupId: string, key: string, value: string, sentence: string): string | undefined {
  const g = model.groups.find((x) => x.id === groupId);
  if (!g) return `no group "${groupId}" in the model (groups: ${model.groups.map((x) => x.id).join(', ')})`;
  const p = model.partnership;
  const compare = (what: string, actual: string | undefined, norm = false): string | undefined => {
    const equal = actual !== undefined && (norm ? normalise(actual) === normalise(value) : actual === value);
    return equal ? undefined : `group ${g.id} ${what}: yaml says "${value}", the model says ${show(actual)}`;
  };
  switch (key) {
    case 'kind':
      return compare('kind', g.kind);
    case 'chair':
      return compare('chair', chairText(g));
    case 'cadence':
      return compare('cadence', cadenceText(g));
    case 'quorum': {
      const actual = g.quorum ? withoutPresent(quorum(g.quorum.expr)) : undefined;
      return actual !== undefined && normalise(actual) === normalise(withoutPresent(value))
        ? undefined
        : `group ${g.id} quorum: yaml says "${value}", the model says ${show(actual)}`;
    }
    case 'member':
    case 'executiveMember':
    case 'nonExecutiveMember':
    case 'observer':
      return checkMember(g, p, LIST_OF[key]!, value.trim());
    case 'deputies': {
      const rules = deputyTexts(g);
      return rules.includes(value) ? undefined : `group ${g.id} deputies: "${value}" is not a rule; the model's rules: [${rules.map((r) => `"${r}"`).join(', ')}]`;
    }
    case 'deadline':
      return checkDeadline(g, value, sentence);
    case 'decides':
      return compare('decides', decidesText(g));
    case 'accountableTo': {
      const a = g.accountableTo;
      return compare('accountable to', a === undefined ? undefined : a.kind === 'group' ? a.group : `the ${a.role}`);
    }
    case 'jointWith':
      return compare('joint with', g.jointWith, true);
    case 'meetingsStart':
      return compare('meetings start', g.meetingsStart ? date(g.meetingsStart.date) : undefined);
    case 'ifInquorate':
      return compare('if inquorate', g.ifInquorate, true);
    case 'review':
      return compare('review', g.review ? review(g.review.schedule) : undefined);
    default:
      return `unknown group fact "${key}"`;
  }
}

/** The model's own statement for the key of a partnership statement, or undefined if the key is unknown. */
function partnershipStatement(p: Partnership, statement: string): { expected: string; actual: string | undefined } | undefined {
  const text = statement.trim().replace(/\s+/g, ' ');
  let m: RegExpExecArray | null;
  if ((m = /^(short name|document title|area): (.+)$/.exec(text))) {
    const value = m[1] === 'short name' ? p.shortName : m[1] === 'document title' ? p.documentTitle : p.area;
    return { expected: text, actual: value === undefined ? undefined : `${m[1]}: ${value}` };
  }
  if (/^follows Working Together \d{4}$/.test(text)) {
    return { expected: text, actual: p.edition === undefined ? undefined : `follows Working Together ${p.edition}` };
  }
  if (/^published .+$/.test(text)) return { expected: text, actual: p.published ? `published ${date(p.published)}` : undefined };
  if (/^reviewed .+$/.test(text)) return { expected: text, actual: p.review ? `reviewed ${review(p.review)}` : undefined };
  if ((m = /^(safeguarding partners|lead safeguarding partners|delegated safeguarding partners): (.+)$/.exec(text))) {
    const value = m[1] === 'safeguarding partners' ? p.safeguardingPartners : m[1] === 'lead safeguarding partners' ? p.leadPartners : p.delegatedPartners;
    return { expected: `${m[1]}: ${list(ids(m[2]!))}`, actual: value.length === 0 ? undefined : `${m[1]}: ${list(value)}` };
  }
  if ((m = /^(partnership chair|independent scrutineer): ([a-z0-9-]+)$/.exec(text))) {
    const value = m[1] === 'partnership chair' ? p.partnershipChair : p.independentScrutineer;
    return { expected: text, actual: value === undefined ? undefined : `${m[1]}: ${value}` };
  }
  return undefined;
}

function checkFact(model: Model, fact: Fact, sentence: string): string | undefined {
  const f = fact.fields;
  const keys = Object.keys(f).sort();
  const str = (k: string): string | undefined => (typeof f[k] === 'string' ? (f[k] as string) : undefined);
  const form = `{ ${keys.join(', ')} }`;
  if (keys.length === 2 && 'group' in f) {
    const key = keys.find((k) => k !== 'group')!;
    const group = str('group');
    const value = str(key);
    if (group === undefined || value === undefined) return `${form}: values must be strings`;
    return checkGroupFact(model, group, key, value, sentence);
  }
  if (keys.length === 1 && keys[0] === 'partnership') {
    const statement = str('partnership');
    if (statement === undefined) return `${form}: the statement must be a string`;
    const s = partnershipStatement(model.partnership, statement);
    if (!s) return `unknown partnership statement "${statement}"`;
    return s.actual === s.expected ? undefined : `partnership: yaml says "${s.expected}", the model says ${show(s.actual)}`;
  }
  if (keys.length === 2 && keys.includes('post') && keys.includes('heldBy')) {
    const id = str('post');
    const heldBy = str('heldBy');
    if (id === undefined || heldBy === undefined) return `${form}: values must be strings`;
    const post = model.posts.find((x) => x.id === id);
    if (!post) return `no post "${id}" in the model`;
    return post.holder === heldBy ? undefined : `post ${id} held by: yaml says "${heldBy}", the model says ${show(post.holder)}`;
  }
  if (keys.length === 2 && keys.includes('organisation') && keys.includes('kind')) {
    const id = str('organisation');
    const kind = str('kind');
    if (id === undefined || kind === undefined) return `${form}: values must be strings`;
    const org = model.organisations.find((x) => x.id === id);
    if (!org) return `no organisation "${id}" in the model`;
    return org.kind === kind ? undefined : `organisation ${id} kind: yaml says "${kind}", the model says ${show(org.kind)}`;
  }
  return `unknown fact form ${form}`;
}

// ---- one example -----------------------------------------------------------------------------

interface Coverage {
  problems: string[];
  prose: number;
  structure: number;
  entries: number;
  facts: number;
}

function checkExample(name: string, seeds: readonly string[]): Coverage {
  const problems: string[] = [];
  const folder = join(ROOT, 'examples', name);
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.tor'))
    .sort()
    .map((f) => ({ path: `examples/${name}/${f}`, text: readFileSync(join(folder, f), 'utf8') }));
  const { model, diagnostics } = compile(files);
  for (const d of diagnostics) if (d.severity === 'error') problems.push(`compile error ${d.file}:${d.start.line}:${d.start.column} ${d.code} ${d.message}`);
  const blocks = files.flatMap((f) => proseBlocks(withoutComments(f.text)));
  const inSources = (n: string): boolean => blocks.some((b) => containsWords(b, n));

  const yamlName = `${name}.structured.yaml`;
  const entries = readEntries(join(ROOT, 'tests', 'seeds', yamlName), `tests/seeds/${yamlName}`, problems);
  const seedText = new Map(seeds.map((s) => [s, readFileSync(join(SEED_DIR, s), 'utf8')]));

  // Every entry: its sentence is in its seed, and every fact of it holds.
  let facts = 0;
  for (const entry of entries) {
    const text = seedText.get(entry.seed);
    if (text === undefined) problems.push(`${entry.where}: seed ${entry.seed} is not one of this example's seeds (${seeds.join(', ')})`);
    else if (!containsWords(normalisedSeed(text), entry.normalised)) problems.push(`${entry.where}: sentence not found in ${entry.seed}: "${entry.sentence}"`);
    if (!model) continue;
    for (const fact of entry.facts) {
      facts++;
      const problem = checkFact(model, fact, entry.sentence);
      if (problem) problems.push(`${fact.where}: ("${entry.sentence}") ${problem}`);
    }
  }
  if (!model) problems.push('the sources give no model');

  // Every content sentence of every seed: prose, or an entry of the yaml.
  let prose = 0;
  let structure = 0;
  for (const [seed, text] of seedText) {
    for (const s of contentSentences(seed, text)) {
      const n = normalise(s.text);
      if (!n) continue;
      if (inSources(n)) {
        prose++;
        continue;
      }
      const where = `${seed.slice(0, 3)}:${s.line}`;
      const ofSeed = entries.filter((e) => e.seed === seed);
      const whole = ofSeed.some((e) => containsWords(e.normalised, n));
      const parts = ofSeed.filter((e) => containsWords(n, e.normalised));
      if (!whole && parts.length === 0) {
        problems.push(`${where}: neither in the sources as prose nor in ${yamlName}: "${s.text}"`);
        continue;
      }
      structure++;
      if (whole) continue;
      // Only shorter entries lie inside this sentence: what is left of it must still be in the sources.
      let rest = ` ${n} `;
      for (const e of [...parts].sort((a, b) => b.normalised.length - a.normalised.length)) rest = rest.split(` ${e.normalised} `).join(' | ');
      const left = rest
        .split('|')
        .map((x) => x.trim())
        .filter((x) => wordCount(x) >= 2 && !inSources(x));
      if (left.length > 0) problems.push(`${where}: only partly in ${yamlName} (${parts.map((e) => e.where).join(', ')}); not found elsewhere: ${left.map((x) => `"${x}"`).join(', ')} — in "${s.text}"`);
    }
  }
  return { problems, prose, structure, entries: entries.length, facts };
}

describe('the examples hold every sentence of their seeds', () => {
  for (const { name, seeds } of EXAMPLES) {
    it(`${name} (seeds ${seeds.map((s) => s.slice(0, 3)).join(', ')})`, () => {
      const c = checkExample(name, seeds);
      console.log(`${name}: ${c.prose} sentences as prose, ${c.structure} as structure; ${c.entries} yaml entries, ${c.facts} facts checked`);
      expect(c.problems).toEqual([]);
    });
  }
});
