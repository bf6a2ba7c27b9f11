import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../../src/syntax/source.js';

/** A partnership read together: the fuzzer mutates one of its files and compiles them all. */
export interface Project {
  /** The folder (or file) under examples/ it was read from. */
  root: string;
  files: SourceFile[];
}

function torFilesUnder(path: string): SourceFile[] {
  if (!statSync(path).isDirectory()) return [{ path, text: readFileSync(path, 'utf8') }];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const full = join(path, name);
      return statSync(full).isDirectory() || name.endsWith('.tor') ? torFilesUnder(full) : [];
    });
}

/** Every example partnership, and every broken example on its own. */
export function exampleProjects(examples = 'examples'): Project[] {
  const good = ['isle-of-wight', 'gloucestershire', 'kent'].map((name) => join(examples, name));
  const broken = readdirSync(join(examples, 'broken'))
    .sort()
    .map((name) => join(examples, 'broken', name));
  return [...good, ...broken].map((root) => ({ root, files: torFilesUnder(root) }));
}
