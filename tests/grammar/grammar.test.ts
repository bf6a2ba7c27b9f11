import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGRAMS_PATH, diagramsHtml, ebnfTerminal } from '../../scripts/grammar.js';
import { LineParser } from '../../src/syntax/parser.js';
import { keywordTokens } from '../../src/syntax/tokens.js';

/**
 * Keeps grammar/tor.ebnf (part B, the line grammar) and grammar/diagrams.html in step
 * with the parser. When this fails, the message says which rule differs and how:
 * fix the EBNF (or the parser), then run `npm run grammar`.
 */

const EBNF_PATH = fileURLToPath(new URL('../../grammar/tor.ebnf', import.meta.url));
const PART_B = 'PART B — THE LINE GRAMMAR';
const PART_C = 'PART C — TOKENS';

interface References {
  /** Keyword phrases and punctuation, quoted: `"chaired by"`, `":"`. */
  literals: Set<string>;
  /** Token names in capitals: `WORD`, `DIGITS`. */
  tokens: Set<string>;
  /** Productions used: `name`, `role`. */
  rules: Set<string>;
}

const empty = (): References => ({ literals: new Set(), tokens: new Set(), rules: new Set() });
const sorted = (set: Set<string>) => [...set].sort();
const isToken = (identifier: string) => /^[A-Z][A-Z0-9_]*$/.test(identifier);

/** The text of one part of tor.ebnf, from after its heading comment to the next part's. */
function part(ebnf: string, heading: string, next: string | undefined): string {
  const at = ebnf.indexOf(heading);
  if (at < 0) throw new Error(`grammar/tor.ebnf has no heading "${heading}"`);
  const start = ebnf.indexOf('*)', at) + 2;
  const end = next === undefined ? ebnf.length : ebnf.lastIndexOf('(*', ebnf.indexOf(next));
  if (end < start) throw new Error(`grammar/tor.ebnf: "${next}" must follow "${heading}"`);
  return ebnf.slice(start, end);
}

/** `name = body ;` productions of a part, comments removed; literals must not contain `;`. */
function productions(text: string): Map<string, References> {
  const out = new Map<string, References>();
  const withoutComments = text.replace(/\(\*[\s\S]*?\*\)/g, ' ');
  for (const chunk of withoutComments.split(';')) {
    if (chunk.trim() === '') continue;
    const match = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*=([\s\S]*)$/.exec(chunk);
    if (!match) throw new Error(`grammar/tor.ebnf: cannot read the production "${chunk.trim().slice(0, 80)}"`);
    const [, name, body] = match as unknown as [string, string, string];
    if (out.has(name)) throw new Error(`grammar/tor.ebnf defines ${name} twice`);
    const refs = empty();
    for (const literal of body.matchAll(/"([^"]*)"/g)) refs.literals.add(`"${literal[1]!}"`);
    for (const identifier of body.replace(/"[^"]*"/g, ' ').match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
      (isToken(identifier) ? refs.tokens : refs.rules).add(identifier);
    }
    out.set(name, refs);
  }
  return out;
}

interface GastNode {
  type: string;
  name?: string;
  definition?: GastNode[];
}

/** What a parser rule refers to directly (not through the rules it calls). */
function parserReferences(rule: GastNode): References {
  const refs = empty();
  const visit = (node: GastNode): void => {
    if (node.type === 'Terminal') {
      const spelled = ebnfTerminal(node.name!);
      if (spelled === undefined) refs.tokens.add(`<token ${node.name!} has no EBNF name: add it to TERMINAL_NAMES in scripts/grammar.ts>`);
      else (spelled.startsWith('"') ? refs.literals : refs.tokens).add(spelled);
      return;
    }
    if (node.type === 'NonTerminal') {
      refs.rules.add(node.name!);
      return;
    }
    for (const child of node.definition ?? []) visit(child);
  };
  for (const child of rule.definition ?? []) visit(child);
  return refs;
}

const ebnf = readFileSync(EBNF_PATH, 'utf8');
const lineGrammar = productions(part(ebnf, PART_B, PART_C));
const tokenDefinitions = productions(part(ebnf, PART_C, undefined));
const parserRules = new Map(
  (new LineParser(true).getSerializedGastProductions() as unknown as GastNode[]).map((rule) => [rule.name!, parserReferences(rule)]),
);

/** For each rule in both, how `kind` differs: what only the parser has, what only the EBNF has. */
function differences(kind: keyof References): string[] {
  const out: string[] = [];
  for (const [rule, parsed] of parserRules) {
    const written = lineGrammar.get(rule);
    if (!written) continue;
    const onlyParser = sorted(parsed[kind]).filter((x) => !written[kind].has(x));
    const onlyEbnf = sorted(written[kind]).filter((x) => !parsed[kind].has(x));
    if (onlyParser.length > 0) out.push(`${rule}: the parser has ${onlyParser.join(', ')}, tor.ebnf does not`);
    if (onlyEbnf.length > 0) out.push(`${rule}: tor.ebnf has ${onlyEbnf.join(', ')}, the parser does not`);
  }
  return out;
}

describe('grammar/tor.ebnf matches the parser', () => {
  it('has one production in part B for each parser rule, with the same name', () => {
    expect(sorted(new Set(lineGrammar.keys())), 'productions of tor.ebnf part B vs rules of LineParser').toEqual(
      sorted(new Set(parserRules.keys())),
    );
  });

  it('uses the same keyword phrases and punctuation in each production', () => {
    expect(differences('literals')).toEqual([]);
  });

  it('uses the same sub-rules in each production', () => {
    expect(differences('rules')).toEqual([]);
  });

  it('uses the same tokens (WORD, DIGITS, …) in each production', () => {
    expect(differences('tokens')).toEqual([]);
  });

  it('defines in part C every token that part B uses', () => {
    const used = new Set([...lineGrammar.values()].flatMap((refs) => [...refs.tokens]));
    expect(sorted(used).filter((t) => !tokenDefinitions.has(t))).toEqual([]);
  });

  it('mentions every other spelling of the keywords it uses', () => {
    const literals = new Set([...lineGrammar.values()].flatMap((refs) => [...refs.literals]));
    const missing = keywordTokens
      .filter((t) => literals.has(`"${t.phrases[0]!}"`))
      .flatMap((t) => t.phrases.slice(1).filter((p) => !ebnf.includes(`"${p}"`)).map((p) => `"${p}" (for "${t.phrases[0]!}")`));
    expect(missing).toEqual([]);
  });
});

describe('grammar/diagrams.html', () => {
  it('is up to date', () => {
    const current = existsSync(DIAGRAMS_PATH) ? readFileSync(DIAGRAMS_PATH, 'utf8') : '';
    expect(current === diagramsHtml(), 'grammar/diagrams.html is out of date: run `npm run grammar`').toBe(true);
  });
});

describe('the grammar itself', () => {
  it("passes chevrotain's own checks (no ambiguity, no left recursion)", () => {
    // The compiler skips these checks at start-up; this test is where they run.
    expect(() => new LineParser(true)).not.toThrow();
  });
});
