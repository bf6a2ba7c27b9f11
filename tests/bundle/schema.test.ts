import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { BUNDLE_SCHEMA_ID, BUNDLE_VERSION, toBundle, type Bundle } from '../../src/bundle/bundle.js';
import type { JsonLogic } from '../../src/bundle/json-logic.js';
import { bundleSchema } from '../../src/bundle/schema.js';
import { projects } from './fixture.js';

const HASH = `sha256:${'ab'.repeat(32)}`;
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(bundleSchema);

function bundleOf(project: ReturnType<typeof projects>[number]): Bundle {
  return toBundle(project.model, { compilerVersion: '0.1.0', sourceHash: HASH, edition: project.edition });
}

/** A deep copy, as a reader of the file would have it. */
function asJson(bundle: Bundle): Record<string, unknown> {
  return JSON.parse(JSON.stringify(bundle)) as Record<string, unknown>;
}

describe('schema/bundle.schema.json', () => {
  it('is versioned: its $id carries the bundle version', () => {
    expect(bundleSchema['$id']).toBe(BUNDLE_SCHEMA_ID);
    expect(BUNDLE_SCHEMA_ID).toContain(BUNDLE_VERSION);
    expect(bundleSchema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(projects().map((p) => [p.name, p] as const))('the bundle of %s validates', (_name, project) => {
    const ok = validate(asJson(bundleOf(project)));
    expect(ajv.errorsText(validate.errors)).toBe('No errors');
    expect(ok).toBe(true);
  });

  it('describes every property it allows', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}/${i}`));
      if (node === null || typeof node !== 'object') return;
      const properties = (node as { properties?: Record<string, unknown> }).properties;
      for (const [key, value] of Object.entries(properties ?? {})) {
        const v = value as Record<string, unknown>;
        // A property is documented by its own description or by the definition it refers to.
        const ref = typeof v['$ref'] === 'string' ? resolveRef(v['$ref']) : undefined;
        // A `const` discriminator (`op`, `kind`) is explained by the description of its branch.
        const discriminator = 'const' in v && (key === 'op' || key === 'kind');
        if (!v['description'] && !ref?.['description'] && !discriminator) missing.push(`${path}/properties/${key}`);
      }
      for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
    };
    walk(bundleSchema, '#');
    expect(missing).toEqual([]);
  });

  it('rejects a bundle that breaks it', () => {
    const kent = projects().find((p) => p.name === 'kent')!;
    const cases: Array<[string, (b: Record<string, unknown>) => void]> = [
      ['a missing field', (b) => delete b['partnership']],
      ['an unknown field', (b) => (b['extra'] = 1)],
      ['a bad hash', (b) => ((b['sources'] as Record<string, unknown>)['hash'] = 'md5:0')],
      ['another version', (b) => (b['bundleVersion'] = '2.0.0')],
      ['an unknown rule op', (b) => (((b['groups'] as Record<string, Record<string, Record<string, unknown>>>[])[0]!['quorum']!['rule'] as Record<string, unknown>)['op'] = 'most')],
      ['a bad RRULE', (b) => ((b['groups'] as Record<string, Record<string, Array<Record<string, unknown>>>>[])[0]!['cadence']!['recurrence']![0]!['rrule'] = 'FREQ=FORTNIGHTLY')],
    ];
    for (const [what, breakIt] of cases) {
      const b = asJson(bundleOf(kent));
      breakIt(b);
      expect(validate(b), what).toBe(false);
    }
  });
});

describe('the JSON Logic', () => {
  const STANDARD = new Set(['var', 'in', 'and', 'or', 'if', '+', '>=']);

  function operations(logic: JsonLogic, into: Set<string>): Set<string> {
    if (Array.isArray(logic)) logic.forEach((l) => operations(l, into));
    else if (logic !== null && typeof logic === 'object') {
      for (const [op, args] of Object.entries(logic)) {
        into.add(op);
        operations(args, into);
      }
    }
    return into;
  }

  it('uses only standard operations', () => {
    const used = new Set<string>();
    for (const project of projects()) {
      for (const g of bundleOf(project).groups) {
        if (g.quorum) operations(g.quorum.jsonLogic, used);
        if (g.decisions?.majorityVote) operations(g.decisions.majorityVote.jsonLogic, used);
      }
    }
    expect([...used].filter((op) => !STANDARD.has(op))).toEqual([]);
    expect(used).toContain('>=');
  });
});

function resolveRef(ref: string): Record<string, unknown> | undefined {
  const name = /^#\/\$defs\/(.+)$/.exec(ref)?.[1];
  return name ? ((bundleSchema['$defs'] as Record<string, Record<string, unknown>>)[name]) : undefined;
}
