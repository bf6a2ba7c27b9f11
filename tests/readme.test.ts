import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile.js';
import { formatSource } from '../src/format/format.js';
import { brief } from './helpers.js';

/** The tutorial's `tor` code blocks, in order: partnership.tor, then executive.tor. */
function tutorialFiles(): Array<{ path: string; text: string }> {
  const readme = readFileSync('README.md', 'utf8');
  const blocks = [...readme.matchAll(/```tor\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.map((text, k) => ({ path: k === 0 ? 'northshire/partnership.tor' : 'northshire/executive.tor', text }));
}

describe('the README tutorial', () => {
  it('compiles without errors', () => {
    const files = tutorialFiles();
    expect(files).toHaveLength(2);
    expect(compile(files).diagnostics.filter((d) => d.severity === 'error').map(brief)).toEqual([]);
  });

  it('is written in canonical layout', () => {
    for (const file of tutorialFiles()) expect(formatSource(file).text).toBe(file.text);
  });

  it('shows the message tor really gives for `meets quartely`', () => {
    const [partnership, executive] = tutorialFiles();
    const broken = { ...executive!, text: executive!.text.replace('meets quarterly', 'meets quartely') };
    const d = compile([partnership!, broken]).diagnostics.find((x) => x.severity === 'error');
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(`northshire/executive.tor:${d!.start.line}:${d!.start.column}  error  ${d!.message}  ${d!.code}`);
  });
});
