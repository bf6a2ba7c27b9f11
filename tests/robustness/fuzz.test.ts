import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCase } from './check.js';
import { exampleProjects } from './corpus.js';
import { ALL_MUTATORS } from './mutators.js';
import { Random } from './random.js';
import { excerpt } from './shape.js';

/**
 * Mutated examples through the core. Each mutator gets its own fast-check run over
 * (project, file, seed); the seed fixes the mutant, and fast-check prints it on failure.
 */
const RUNS = Number(process.env.TOR_FUZZ_RUNS ?? 300);
const projects = exampleProjects();
const targets = projects.flatMap((project) => project.files.map((file) => ({ project, file })));

describe('fuzzing the front end with mutated examples', () => {
  for (const mutator of ALL_MUTATORS) {
    it(`survives ${mutator.name}`, () => {
      fc.assert(
        // Indices, not files, so a counterexample prints short.
        fc.property(fc.nat({ max: targets.length - 1 }), fc.integer({ min: 0, max: 0x7fffffff }), (target, seed) => {
          const { project, file } = targets[target]!;
          const mutated = { path: file.path, text: mutator.mutate(file.text, new Random(seed)) };
          const failures = checkCase(project.files, mutated);
          expect(failures, `${mutator.name} of ${file.path} with seed ${seed}: ${excerpt(mutated.text, 600)}`).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    });
  }
});
