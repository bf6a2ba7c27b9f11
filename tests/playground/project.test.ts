import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/backends/html/templates.js';
import type { Templates } from '../../src/backends/html/render.js';
import type { Diagnostic, SourceFile } from '../../src/index.js';
import { compileProject, countDiagnostics, countText, diagnosticRange, firstFile } from '../../playground/src/project.js';
import { ROOT } from '../backends/html/html.js';

const TODAY = { year: 2025, month: 1, day: 15 };
let templates: Templates;

beforeAll(async () => {
  const loaded = await loadTemplates(undefined);
  if (!loaded.ok) throw new Error(loaded.problem);
  templates = loaded.templates;
});

function example(id: string): SourceFile[] {
  const dir = join(ROOT, 'examples', id);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tor'))
    .sort()
    .map((path) => ({ path, text: readFileSync(join(dir, path), 'utf8') }));
}

function at(offset: number, end = offset): Pick<Diagnostic, 'start' | 'end'> {
  return { start: { line: 1, column: offset + 1, offset }, end: { line: 1, column: end + 1, offset: end } };
}

describe('the playground compiler pass', () => {
  it('compiles every file of an example together and renders the arrangements by default', () => {
    const result = compileProject({ files: example('isle-of-wight'), templates, slug: undefined, today: TODAY });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.documents[0]?.slug).toBe('index');
    expect(result.documents.map((d) => d.slug)).toContain('executive');
    expect(result.page?.slug).toBe('index');
    expect(result.page?.html).toContain('<h1>Local Safeguarding Arrangements</h1>');
    expect(result.problem).toBeUndefined();
  });

  it('renders the document asked for, and falls back to the first when it is gone', () => {
    const files = example('isle-of-wight');
    const executive = compileProject({ files, templates, slug: 'executive', today: TODAY });
    expect(executive.page?.slug).toBe('executive');
    expect(executive.page?.html).toContain('Executive Group');
    expect(compileProject({ files, templates, slug: 'no-such-group', today: TODAY }).page?.slug).toBe('index');
  });

  it('reports a mistake in one file with its place, and still previews what it can', () => {
    const files = example('gloucestershire').map((f) => (f.path === 'executive.tor' ? { ...f, text: f.text.replace('quorate when', 'quorat when') } : f));
    const result = compileProject({ files, templates, slug: undefined, today: TODAY });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.file).toBe('executive.tor');
    expect(countText(countDiagnostics(result.diagnostics))).toMatch(/^\d+ errors? .*in \d+ files?\.$/);
  });

  it('says why there is nothing to preview when the sources cannot be read', () => {
    const result = compileProject({ files: [{ path: 'a.tor', text: 'nonsense here' }], templates, slug: undefined, today: TODAY });
    expect(result.page).toBeUndefined();
    expect(result.problem).toMatch(/nothing to preview|could not be built/);
  });
});

describe('diagnostic helpers', () => {
  it('counts by severity and file, in words', () => {
    const d = (severity: Diagnostic['severity'], file: string) => ({ severity, file }) as Diagnostic;
    expect(countText(countDiagnostics([]))).toBe('No problems.');
    expect(countText(countDiagnostics([d('error', 'a'), d('error', 'b'), d('warning', 'a')]))).toBe('2 errors and 1 warning in 2 files.');
    expect(countText(countDiagnostics([d('info', 'a')]))).toBe('1 note in 1 file.');
  });

  it('gives every diagnostic a visible range inside the text', () => {
    expect(diagnosticRange(at(2, 5) as Diagnostic, 10)).toEqual({ from: 2, to: 5 });
    expect(diagnosticRange(at(4) as Diagnostic, 10)).toEqual({ from: 4, to: 5 });
    expect(diagnosticRange(at(10) as Diagnostic, 10)).toEqual({ from: 9, to: 10 });
    expect(diagnosticRange(at(8, 40) as Diagnostic, 10)).toEqual({ from: 8, to: 10 });
    expect(diagnosticRange(at(0) as Diagnostic, 0)).toEqual({ from: 0, to: 0 });
  });

  it('opens the partnership file first', () => {
    expect(firstFile([{ path: 'arrangements.tor', text: '' }, { path: 'partnership.tor', text: '' }])).toBe('partnership.tor');
    expect(firstFile([{ path: 'b.tor', text: '' }])).toBe('b.tor');
    expect(firstFile([])).toBeUndefined();
  });
});
