import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import { formatSource } from '../../src/format/format.js';
import { printFile } from '../../src/format/print.js';
import { buildFile } from '../../src/syntax/build.js';
import { brief } from '../helpers.js';
import { checkCase } from './check.js';
import { exampleProjects } from './corpus.js';
import { loadRegressions } from './regression-file.js';
import { shape } from './shape.js';

/** Every input that ever failed a property or the fuzzer, run through every check again. */
const projects = exampleProjects();
const regressions = loadRegressions();

describe('inputs that once failed', () => {
  it('are kept', () => {
    expect(regressions.length).toBeGreaterThan(0);
  });

  for (const { name, regression } of regressions) {
    it(`${name}: ${regression.failed}`, () => {
      const file = { path: regression.path, text: regression.text };
      const project = projects.find((p) => p.root === regression.project)?.files ?? [file];
      expect(checkCase(project, file)).toEqual([]);
      if (!regression.valid) return;
      const built = buildFile(file.path, file.text);
      expect(built.diagnostics.filter((d) => d.severity === 'error').map(brief)).toEqual([]);
      const printed = printFile(built.ast, file.text);
      expect(shape(buildFile(file.path, printed).ast.declarations)).toBe(shape(built.ast.declarations));
      const formatted = formatSource(file);
      expect(hasErrors(formatted.diagnostics)).toBe(false);
      expect(formatted.text).toBeDefined();
    });
  }
});
