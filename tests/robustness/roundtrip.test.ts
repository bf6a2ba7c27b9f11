import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import { formatSource } from '../../src/format/format.js';
import { printFile } from '../../src/format/print.js';
import { buildFile } from '../../src/syntax/build.js';
import { brief } from '../helpers.js';
import { fileModel } from './model.js';
import { PLAIN, render, style } from './render.js';
import { commentTexts, excerpt, proseWords, shape } from './shape.js';

/**
 * Round-trip properties over random valid files. "The model" is the syntax tree with
 * every span removed: parsing the printed tree must give the same tree, and formatting
 * must be idempotent and keep every comment and every word of prose. fast-check prints
 * the seed and the shrunk counterexample when a property fails.
 */
const RUNS = Number(process.env.TOR_PROPERTY_RUNS ?? 500);
const parameters = { numRuns: RUNS };

const source = fc.tuple(fileModel, style).map(([model, s]) => ({ model, text: render(model, s) }));

function parsed(text: string, path = 'generated.tor') {
  const built = buildFile(path, text);
  expect(hasErrors(built.diagnostics), `${built.diagnostics.map(brief).join('\n')}\nin ${excerpt(text)}`).toBe(false);
  return built.ast;
}

describe('random valid files', () => {
  it('parse to the tree they were written from, however they are laid out', () => {
    fc.assert(
      fc.property(source, ({ model, text }) => {
        expect(shape(parsed(text).declarations), excerpt(text)).toBe(shape(model));
      }),
      parameters,
    );
  });

  it('read back from their printed form as the same tree: parse(print(model)) = model', () => {
    fc.assert(
      fc.property(fileModel, (model) => {
        const text = render(model, PLAIN);
        const printed = printFile(parsed(text), text);
        expect(shape(parsed(printed).declarations), `printed:\n${excerpt(printed)}`).toBe(shape(model));
      }),
      parameters,
    );
  });

  it('format to text that formats to itself', () => {
    fc.assert(
      fc.property(source, ({ text }) => {
        const once = formatSource({ path: 'generated.tor', text });
        expect(once.text, `refused ${once.diagnostics.map(brief).join('; ')} for ${excerpt(text)}`).toBeDefined();
        expect(formatSource({ path: 'generated.tor', text: once.text! }).text, excerpt(text)).toBe(once.text);
      }),
      parameters,
    );
  });

  it('keep every comment and every word of prose through formatting, and their tree', () => {
    fc.assert(
      fc.property(source, ({ text }) => {
        const before = parsed(text);
        const formatted = formatSource({ path: 'generated.tor', text }).text;
        expect(formatted, excerpt(text)).toBeDefined();
        const after = parsed(formatted!);
        expect(commentTexts(formatted!), excerpt(text)).toEqual(commentTexts(text));
        expect(proseWords(after.declarations), excerpt(text)).toEqual(proseWords(before.declarations));
        expect(shape(after.declarations), excerpt(text)).toBe(shape(before.declarations));
      }),
      parameters,
    );
  });
});
