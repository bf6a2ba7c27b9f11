/**
 * Fidelity, shared by the HTML and PDF halves: nothing of a seed is lost on the way to a
 * published document. For each example, every prose sentence of its seeds (one the `.tor`
 * sources hold as prose) must be found in the text of the documents, and every fact of
 * tests/seeds/<example>.structured.yaml (the sentences the sources hold as structure) must be
 * stated in the document it belongs on, in the words a reader expects ("The Executive Group is
 * quorate when …"). Documents are named by their stem: `index` for the arrangements, a group's
 * id for its terms of reference.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Model } from '../../src/model/model.js';
import { containsWords, contentSentences, normalise, proseBlocks, withoutComments } from '../examples/seed-sentences.js';
import { exampleModel, ROOT } from './html/html.js';

const SEED_DIR = join(ROOT, '..', 'shared', 'seeds');

export const FIDELITY_EXAMPLES: ReadonlyArray<{ name: string; seeds: readonly string[] }> = [
  { name: 'isle-of-wight', seeds: ['000_bcd761b59354724f.txt', '002_1ad4b38f267d4343.txt', '004_088c1a99b40f910c.txt'] },
  { name: 'gloucestershire', seeds: ['001_854a158aeccc84b6.txt'] },
  { name: 'kent', seeds: ['003_0a344e2d89d1ebe6.txt'] },
];

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
/** Numbers under ten in words, as generated sentences write them. */
const inWords = (text: string): string => text.replace(/\b\d\b/g, (d) => WORDS[Number(d)]!);
const ids = (text: string): string[] => text.split(/\s*,\s*|\s+and\s+/).map((s) => s.trim()).filter(Boolean);

interface Entry {
  seed: string;
  sentence: string;
  facts: Array<Record<string, string>>;
}

/** What the pages must say for one fact: phrases (any case and punctuation) and the page they must be on. */
interface Expectation {
  page: string | undefined;
  phrases: string[];
}

class Expect {
  constructor(private readonly model: Model) {}

  private group(id: string) {
    const g = this.model.groups.find((x) => x.id === id);
    if (!g) throw new Error(`no group ${id}`);
    return g;
  }

  private post(id: string) {
    return this.model.posts.find((p) => p.id === id);
  }

  private orgName(id: string): string {
    return this.model.organisations.find((o) => o.id === id)?.name ?? id;
  }

  /** How a member item is named on a page: the post's title, the organisation's or unit's name. */
  private memberName(id: string): string {
    const post = this.post(id);
    if (post) return post.title;
    const unit = this.model.units.find((u) => u.id === id);
    if (unit) return `${this.orgName(unit.organisation)}, ${unit.name}`;
    return this.orgName(id);
  }

  private cadence(value: string): string {
    return inWords(value);
  }

  fact(f: Record<string, string>, sentence: string): Expectation {
    if ('group' in f) {
      const g = this.group(f['group']!);
      const page = g.id;
      const [key] = Object.keys(f).filter((k) => k !== 'group');
      const value = f[key!]!;
      switch (key) {
        case 'kind':
          return { page, phrases: [`${g.title} Terms of Reference`] };
        case 'chair': {
          let m: RegExpExecArray | null;
          if ((m = /^a member nominated by (\S+)$/.exec(value))) return { page, phrases: [`is chaired by a member of the partnership nominated by the ${this.group(m[1]!).title}`] };
          if ((m = /^in yearly rotation by (.+)$/.exec(value))) {
            const orgs = ids(m[1]!).map((o) => this.orgName(o));
            return { page, phrases: [`rotates yearly between ${orgs.join(', ').replace(/, ([^,]*)$/, ' and $1')}`, `${orgs[0]} chairs in the first year`, 'the cycle then repeats'] };
          }
          if ((m = /^an independent chair appointed by (.+)$/.exec(value))) return { page, phrases: [`is chaired by an independent chair appointed by ${m[1]}`] };
          if (value.startsWith('the ')) return { page, phrases: [`is chaired by ${value}`] };
          return { page, phrases: [`is chaired by the ${this.memberName(value)}`] };
        }
        case 'cadence':
          return { page, phrases: [`${g.title} will meet ${this.cadence(value)}`] };
        case 'quorum': {
          const parts = inWords(value.replace(/,? are present/, ''))
            .split(/, including |,? and (?=the |one member|a representative)/)
            .map((p) => p.trim());
          return { page, phrases: [`${g.title} is quorate when`, ...parts, 'present'] };
        }
        case 'member':
        case 'executiveMember':
        case 'nonExecutiveMember': {
          const list = key === 'executiveMember' ? ['following executive members'] : key === 'nonExecutiveMember' ? ['following non-executive members'] : [];
          let m: RegExpExecArray | null;
          if ((m = /^the chairs? of (.+)$/.exec(value))) return { page, phrases: [...list, ...ids(m[1]!).map((id) => this.group(id).title)] };
          if (value.startsWith('the ')) return { page, phrases: [...list, value.replace(/^the (partnership chair|independent scrutineer)$/, '$1')] };
          return { page, phrases: [...list, this.memberName(value.replace(/^a representative of /, ''))] };
        }
        case 'observer':
          return { page, phrases: [`${this.memberName(value)}`, 'is a participant observer'] };
        case 'deputies':
          return { page, phrases: [DEPUTIES[value] ?? value] };
        case 'deadline':
          // A duty stays word for word; tor reads its deadline from it.
          return { page, phrases: [sentence] };
        case 'decides': {
          const m = /^(by consensus)?(?:, otherwise )?(?:by a majority vote of (.+))?$/.exec(value)!;
          return { page, phrases: [...(m[1] ? ['decisions will be made by consensus'] : []), ...(m[2] ? [`majority vote of ${m[2]}`] : [])] };
        }
        case 'accountableTo':
          return { page, phrases: [`${g.title} is accountable to ${value.startsWith('the ') ? value : `the ${this.group(value).title}`}`] };
        case 'jointWith':
          return { page, phrases: [`${g.title} is a joint ${g.kind} with ${value}`] };
        case 'meetingsStart':
          return { page, phrases: ['meetings are arranged a year in advance', `in ${value}`] };
        case 'ifInquorate':
          return { page, phrases: [value] };
        case 'review':
          return { page, phrases: [`these terms of reference will be reviewed ${inWords(value)}`] };
        default:
          throw new Error(`no expectation for group fact ${key}`);
      }
    }
    if ('partnership' in f) {
      const statement = f['partnership']!;
      let m: RegExpExecArray | null;
      if ((m = /^(?:short name|document title|area): (.+)$/.exec(statement))) return { page: 'index', phrases: [m[1]!] };
      if ((m = /^follows (Working Together \d{4})$/.exec(statement))) return { page: 'index', phrases: [m[1]!] };
      if ((m = /^published (.+)$/.exec(statement))) return { page: 'index', phrases: [`published ${m[1]}`] };
      if ((m = /^reviewed in (.+), then in (.+) and every (\d+) years$/.exec(statement))) {
        return { page: 'index', phrases: [`these arrangements will be reviewed in ${m[1]} then in ${m[2]} and every ${inWords(m[3]!)} years thereafter`] };
      }
      if ((m = /^safeguarding partners: (.+)$/.exec(statement))) return { page: undefined, phrases: ids(m[1]!).map((o) => this.orgName(o)) };
      if ((m = /^(lead|delegated) safeguarding partners: (.+)$/.exec(statement))) {
        return { page: 'index', phrases: ids(m[2]!).flatMap((p) => [this.post(p)!.title, ...(this.post(p)!.holder ? [this.post(p)!.holder!] : [])]) };
      }
      if ((m = /^partnership chair: (\S+)$/.exec(statement))) return { page: 'index', phrases: [`the partnership chair is ${this.post(m[1]!)!.holder}, ${this.post(m[1]!)!.title}`] };
      if ((m = /^independent scrutineer: (\S+)$/.exec(statement))) {
        const post = this.post(m[1]!)!;
        return post.holder ? { page: 'index', phrases: [`the independent scrutineer is ${post.holder}`] } : { page: undefined, phrases: [post.title] };
      }
      throw new Error(`no expectation for partnership statement ${statement}`);
    }
    if ('post' in f) return { page: undefined, phrases: [f['heldBy']!, this.post(f['post']!)!.title] };
    if ('organisation' in f) return { page: undefined, phrases: [this.orgName(f['organisation']!)] };
    throw new Error(`no expectation for fact ${JSON.stringify(f)}`);
  }
}

const DEPUTIES: Record<string, string> = {
  'must have the same decision-making authority': 'must ensure their deputy has the same decision-making authority',
  'at most one grade lower': 'of the same grade or one grade lower',
  'only by exception': 'a deputy is acceptable only by exception',
  'count towards the quorum only with full delegated authority': 'counts towards the quorum only if they have full delegated authority',
  'count towards the quorum': 'deputies count towards the quorum',
  'do not count towards the quorum': 'deputies do not count towards the quorum',
};

export interface FidelityResult {
  /** Prose sentences of the seeds the sources hold, and how many of them were found. */
  prose: { total: number; found: number };
  /** Structured facts of the seeds, and how many were stated where they belong. */
  facts: { total: number; found: number };
  /** One line for each sentence or fact not found. */
  missing: string[];
}

/**
 * Looks for the seeds of example `name` in `documents`: the text a reader gets of each
 * published document, by stem (`index`, or a group's id), normalised with `normalise`.
 * `kind` names the documents in messages ("pages", "PDFs").
 */
export function findSeeds(name: string, documents: ReadonlyMap<string, string>, kind: string): FidelityResult {
  const seeds = FIDELITY_EXAMPLES.find((e) => e.name === name)?.seeds;
  if (!seeds) throw new Error(`no seeds for ${name}`);
  const everything = [...documents.values()].join(' | ');

  // Prose sentences: those the sources hold as prose.
  const folder = join(ROOT, 'examples', name);
  const blocks = readdirSync(folder)
    .filter((f) => f.endsWith('.tor'))
    .flatMap((f) => proseBlocks(withoutComments(readFileSync(join(folder, f), 'utf8'))));
  const missingProse: string[] = [];
  let prose = 0;
  for (const seed of seeds) {
    for (const s of contentSentences(seed, readFileSync(join(SEED_DIR, seed), 'utf8'))) {
      const n = normalise(s.text);
      if (!n || !blocks.some((b) => containsWords(b, n))) continue;
      prose++;
      if (!containsWords(everything, n)) missingProse.push(`${seed.slice(0, 3)}:${s.line} prose not in the ${kind}: "${s.text}"`);
    }
  }

  // Structured sentences: each fact stated in its document.
  const expect_ = new Expect(exampleModel(name));
  const entries = parse(readFileSync(join(ROOT, 'tests', 'seeds', `${name}.structured.yaml`), 'utf8')) as Entry[];
  const missingFacts: string[] = [];
  let facts = 0;
  for (const entry of entries) {
    for (const fact of entry.facts) {
      facts++;
      const { page, phrases } = expect_.fact(fact, entry.sentence);
      const haystack = page === undefined ? everything : documents.get(page);
      if (haystack === undefined) {
        missingFacts.push(`${JSON.stringify(fact)}: no document ${page}`);
        continue;
      }
      const absent = phrases.filter((p) => !containsWords(haystack, normalise(p)));
      if (absent.length > 0) missingFacts.push(`${JSON.stringify(fact)} ("${entry.sentence}"): ${page ?? `the ${kind}`} lack ${absent.map((p) => `"${p}"`).join(', ')}`);
    }
  }
  return {
    prose: { total: prose, found: prose - missingProse.length },
    facts: { total: facts, found: facts - missingFacts.length },
    missing: [...missingProse, ...missingFacts],
  };
}
