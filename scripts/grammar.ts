/**
 * Writes grammar/diagrams.html: the syntax diagrams of the line grammar, drawn by
 * chevrotain from the parser itself. Run with `npm run grammar`;
 * tests/grammar/grammar.test.ts fails when the file is out of date.
 *
 * The page is self-contained: the railroad-diagram scripts and stylesheet that
 * chevrotain's page would load from a CDN are read from the chevrotain package
 * (node_modules/chevrotain/diagrams/) and inlined. The output depends only on the
 * parser and the installed chevrotain, so it is deterministic.
 */
import { createSyntaxDiagramsCode, type ISerializedGast, type TokenType } from 'chevrotain';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineParser } from '../src/syntax/parser.js';
import * as T from '../src/syntax/tokens.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DIAGRAMS_PATH = join(ROOT, 'grammar', 'diagrams.html');

/** The names tor.ebnf gives the tokens that are not keywords. */
export const TERMINAL_NAMES: Readonly<Record<string, string>> = {
  Word: 'WORD',
  DeclarableWord: 'DECLARABLE_WORD',
  TextToken: 'ANY_TOKEN',
  NumberLiteral: 'DIGITS',
  NumberWord: 'NUMBER_WORD',
  Month: 'MONTH',
  IsoDate: 'ISO_DATE',
  Colon: '":"',
  Comma: '","',
  LParen: '"("',
  RParen: '")"',
  Dash: '"-"',
};

/** Hover text for the tokens that are not keywords. */
const TERMINAL_TITLES: Readonly<Record<string, string>> = {
  WORD: 'a word that is not a keyword: an id such as council',
  DECLARABLE_WORD: 'the id being declared: a word, or a one-word keyword',
  ANY_TOKEN: 'any word, number or punctuation: free text to the end of the line',
  DIGITS: 'a number in digits',
  NUMBER_WORD: 'one … twelve',
  MONTH: 'January … December',
  ISO_DATE: '2019-09-01',
};

const KEYWORDS: ReadonlyMap<string, TokenType & { phrases: readonly string[] }> = new Map(T.keywordTokens.map((t) => [t.name, t]));

/** The EBNF spelling of a token: `"chaired by"`, `":"`, `WORD`. Undefined for an unknown token. */
export function ebnfTerminal(tokenName: string): string | undefined {
  const keyword = KEYWORDS.get(tokenName);
  if (keyword) return `"${keyword.phrases[0]!}"`;
  return TERMINAL_NAMES[tokenName];
}

interface SerializedTerminal {
  type: 'Terminal';
  name: string;
  label?: string;
  pattern?: string;
  terminalLabel?: string;
}

/**
 * The parser's productions, with each terminal labelled as in tor.ebnf (keywords
 * keep chevrotain's `'phrase'`) and a hover text instead of chevrotain's placeholder
 * pattern.
 */
export function diagramGrammar(): ISerializedGast[] {
  const grammar = JSON.parse(JSON.stringify(new LineParser().getSerializedGastProductions())) as ISerializedGast[];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Terminal') relabel(record as unknown as SerializedTerminal);
    visit(record.definition);
  };
  visit(grammar);
  return grammar;
}

function relabel(terminal: SerializedTerminal): void {
  const keyword = KEYWORDS.get(terminal.name);
  if (keyword) {
    const others = keyword.phrases.slice(1);
    if (others.length > 0) terminal.pattern = `also written: ${others.join(', ')}`;
    else delete terminal.pattern;
    return;
  }
  const name = (TERMINAL_NAMES[terminal.name] ?? terminal.name).replace(/^"(.*)"$/, "'$1'");
  terminal.label = terminal.terminalLabel ? `${name} (${terminal.terminalLabel})` : name;
  const title = TERMINAL_TITLES[name];
  if (title) terminal.pattern = title;
  else delete terminal.pattern;
}

const ENTRY_RULES: ReadonlyArray<[string, string]> = [
  ['topLine', 'a line at the left margin'],
  ['partnershipLine', 'a line in a partnership'],
  ['organisationLine', 'a line in an organisation'],
  ['postLine', 'a line in a post'],
  ['collaborationLine', 'a line in a collaboration'],
  ['groupLine', 'a line in a group'],
  ['memberItem', 'an item of a member list'],
  ['deputyItem', 'an item of <code>deputies:</code>'],
  ['sectionHeader', 'a sub-section in a section'],
];

const RESOURCE_BASE = 'chevrotain-diagrams:/';
const CSS = 'chevrotain-diagrams:/diagrams.css';

function chevrotainDiagramsDir(): string {
  const api = createRequire(import.meta.url).resolve('chevrotain'); // …/chevrotain/lib/src/api.js
  return join(dirname(api), '..', '..', 'diagrams');
}

/** The page, as `npm run grammar` writes it. */
export function diagramsHtml(): string {
  const dir = chevrotainDiagramsDir();
  const read = (file: string) => readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n').trimEnd();
  let html = createSyntaxDiagramsCode(diagramGrammar(), { resourceBase: RESOURCE_BASE, css: CSS });

  const replaceOnce = (from: string, to: string) => {
    if (!html.includes(from)) throw new Error(`chevrotain's diagrams page has changed: cannot find ${from}`);
    html = html.replace(from, () => to);
  };
  replaceOnce(`<link rel='stylesheet' href='${CSS}'>`, `<style>\n${read('diagrams.css')}\n${PAGE_CSS}</style>`);
  for (const script of ['vendor/railroad-diagrams.js', 'src/diagrams_builder.js', 'src/diagrams_behavior.js', 'src/main.js']) {
    const code = read(script);
    if (/<\/script/i.test(code)) throw new Error(`${script} cannot be inlined`);
    replaceOnce(`<script src='${RESOURCE_BASE}${script}'></script>`, `<script>\n${code}\n</script>`);
  }
  replaceOnce('<!-- This is a generated file -->\n<!DOCTYPE html>\n<meta charset="utf-8">', `<!DOCTYPE html>\n<!-- Generated by \`npm run grammar\` (scripts/grammar.ts) from src/syntax/parser.ts. Do not edit. -->\n<html lang="en">\n<meta charset="utf-8">\n<title>tor — syntax diagrams of the line grammar</title>`);
  replaceOnce('<div id="diagrams"', `${intro()}\n<div id="diagrams"`);
  replaceOnce('main.drawDiagramsFromSerializedGrammar(serializedGrammar, diagramsDiv);', `main.drawDiagramsFromSerializedGrammar(serializedGrammar, diagramsDiv);
    // Anchors, so that the list of entry rules can link to the diagrams.
    Array.prototype.forEach.call(document.getElementsByClassName("diagramHeader"), function (h) { h.id = h.textContent; });
    if (location.hash) { var target = document.getElementById(location.hash.slice(1)); if (target) target.scrollIntoView(); }`);
  return html.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

const PAGE_CSS = `header.intro {
    max-width: 50em;
    margin: 1em auto 2em;
    font: 16px/1.5 system-ui, sans-serif;
}
header.intro code {
    font-size: 0.95em;
}
`;

function intro(): string {
  const entries = ENTRY_RULES.map(([rule, what]) => `<li><a href="#${rule}"><code>${rule}</code></a>: ${what}</li>`).join('\n    ');
  return `<header class="intro">
  <h1>The line grammar of <code>.tor</code> files</h1>
  <p>
    Each structured line of a <code>.tor</code> file is parsed on its own, by one rule of the
    parser chosen by the block the line is in. These diagrams are drawn from the parser itself
    (<code>src/syntax/parser.ts</code>). Quoted boxes are keyword phrases and punctuation; keywords
    are matched in any case. Capitals are tokens: <code>WORD</code> an id, <code>DIGITS</code> and
    <code>NUMBER_WORD</code> numbers, <code>ANY_TOKEN</code> free text. Hover over a box for other
    spellings; click a rule name in a diagram to go to its diagram.
  </p>
  <p>
    How lines make blocks, and how prose is read, is in the grammar
    <a href="tor.ebnf"><code>tor.ebnf</code></a> (part A); its part B is these diagrams as text.
    The language is described for authors in <a href="LANGUAGE.md"><code>LANGUAGE.md</code></a>.
  </p>
  <p>The rules that read whole lines:</p>
  <ul>
    ${entries}
  </ul>
</header>`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(DIAGRAMS_PATH, diagramsHtml());
  console.log(`wrote ${DIAGRAMS_PATH}`);
}
