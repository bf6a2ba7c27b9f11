/**
 * The long fuzz run for release checks: mutates the examples for as long as asked and
 * checks every case as the test suite does (tests/robustness/check.ts).
 *
 *   npm run fuzz -- --minutes 10 [--seed 42]
 *
 * Prints the cases tried per mutator. Any failing input is saved under
 * tests/robustness/regressions/ with a name saying what failed, where the regression
 * test picks it up; the run then exits 1.
 */
import { parseArgs } from 'node:util';
import { checkCase, type Failure } from '../tests/robustness/check.js';
import { exampleProjects } from '../tests/robustness/corpus.js';
import { ALL_MUTATORS } from '../tests/robustness/mutators.js';
import { Random } from '../tests/robustness/random.js';
import { saveRegression } from '../tests/robustness/regression-file.js';

interface Options {
  minutes: number;
  seed: number;
}

function options(argv: readonly string[]): Options {
  const { values } = parseArgs({ args: [...argv], options: { minutes: { type: 'string', default: '1' }, seed: { type: 'string' } } });
  const minutes = Number(values.minutes);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 0x7fffffff) : Number(values.seed);
  if (!(minutes > 0) || !Number.isInteger(seed)) {
    process.stderr.write('usage: npm run fuzz -- --minutes <n> [--seed <integer>]\n');
    process.exit(2);
  }
  return { minutes, seed };
}

interface Tally {
  cases: number;
  failures: number;
}

function main(): void {
  const { minutes, seed } = options(process.argv.slice(2));
  const targets = exampleProjects().flatMap((project) => project.files.map((file) => ({ project, file })));
  const master = new Random(seed);
  const tallies = new Map(ALL_MUTATORS.map((m) => [m.name, { cases: 0, failures: 0 } satisfies Tally]));
  const deadline = Date.now() + minutes * 60_000;
  process.stdout.write(`fuzzing for ${minutes} minute(s) with --seed ${seed}\n`);
  let round = 0;
  while (Date.now() < deadline) {
    // Round-robin, so every mutator gets its share however long the run.
    const mutator = ALL_MUTATORS[round++ % ALL_MUTATORS.length]!;
    const { project, file } = master.pick(targets);
    const caseSeed = master.int(0, 0x7fffffff);
    const text = mutator.mutate(file.text, new Random(caseSeed));
    const failures = checkCase(project.files, { path: file.path, text });
    const tally = tallies.get(mutator.name)!;
    tally.cases++;
    if (failures.length > 0) {
      tally.failures++;
      report(failures, { mutator: mutator.name, seed: caseSeed, project: project.root, path: file.path, text });
    }
  }
  printTallies(tallies);
  const failed = [...tallies.values()].reduce((n, t) => n + t.failures, 0);
  process.exit(failed > 0 ? 1 : 0);
}

function report(failures: readonly Failure[], found: { mutator: string; seed: number; project: string; path: string; text: string }): void {
  const kinds = [...new Set(failures.map((f) => f.kind))].join('-');
  const saved = saveRegression(`${kinds}-${found.mutator}-${found.seed}`, {
    failed: failures.map((f) => `${f.kind}: ${f.detail.split('\n')[0]}`).join('; '),
    valid: false,
    ...found,
  });
  process.stdout.write(`FAIL ${found.mutator} of ${found.path} (seed ${found.seed}): ${failures.map((f) => f.kind).join(', ')}\n  ${failures[0]!.detail.split('\n')[0]}\n  saved ${saved}\n`);
}

function printTallies(tallies: ReadonlyMap<string, Tally>): void {
  const width = Math.max(...[...tallies.keys()].map((k) => k.length));
  let cases = 0;
  let failures = 0;
  process.stdout.write(`\n${'mutator'.padEnd(width)}  ${'cases'.padStart(8)}  failures\n`);
  for (const [name, t] of tallies) {
    process.stdout.write(`${name.padEnd(width)}  ${String(t.cases).padStart(8)}  ${t.failures}\n`);
    cases += t.cases;
    failures += t.failures;
  }
  process.stdout.write(`${'total'.padEnd(width)}  ${String(cases).padStart(8)}  ${failures}\n`);
}

main();
