import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { brief, errors, EXAMPLES, exampleFiles } from '../helpers.js';

describe.each(EXAMPLES)('examples/%s', (name) => {
  it('compiles with no errors', () => {
    const result = compile(exampleFiles(name));
    expect(errors(result).map(brief)).toEqual([]);
    expect(result.model?.groups.length).toBeGreaterThan(0);
  });
});
