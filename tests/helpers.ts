import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type CompileResult } from '../src/compile.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import type { Model } from '../src/model/model.js';
import type { SourceFile } from '../src/syntax/source.js';

/** Compiles one in-memory file; `rules: false` stops after parsing and resolving. */
export function compileText(text: string, path = 'test.tor', rules = true): CompileResult {
  return compile([{ path, text }], rules ? {} : { validate: false });
}

/** A minimal partnership to put groups into. */
export const PARTNERSHIP = `partnership p: Test Partnership
  safeguarding partners: council, icb and police
  lead safeguarding partners: council-ceo, icb-ceo and chief-constable
  delegated safeguarding partners: dcs, nurse and superintendent
  partnership chair: dcs
  independent scrutineer: scrutineer

organisation council: Test Council
  kind: local authority
  post council-ceo: Chief Executive
  post dcs: Director of Children's Services
    held by Ada Lovelace
  unit education: Education

organisation icb: Test ICB
  kind: integrated care board
  post icb-ceo: Chief Executive
  post nurse: Chief Nurse

organisation police: Test Police
  kind: police
  post chief-constable: Chief Constable
  post superintendent: Detective Superintendent

post scrutineer: Independent Scrutineer
  held by Grace Hopper
`;

/** The partnership above plus the given text, compiled; fails loudly on unexpected errors when asked. */
export function withPartnership(text: string, rules = true): CompileResult {
  return compileText(`${PARTNERSHIP}\n${text}`, 'test.tor', rules);
}

export function errors(result: CompileResult): Diagnostic[] {
  return result.diagnostics.filter((d) => d.severity === 'error');
}

/** "line:col code message" — compact, for asserting what and where. */
export function brief(d: Diagnostic): string {
  return `${d.start.line}:${d.start.column} ${d.code} ${d.message}`;
}

export function modelOf(result: CompileResult): Model {
  if (!result.model) throw new Error(`no model: ${result.diagnostics.map(brief).join('\n')}`);
  return result.model;
}

export const EXAMPLES = ['isle-of-wight', 'gloucestershire', 'kent'] as const;

export function exampleFiles(name: string): SourceFile[] {
  const dir = join('examples', name);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tor'))
    .sort()
    .map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}
