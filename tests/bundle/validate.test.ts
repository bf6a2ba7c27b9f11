import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLE_VALIDATOR, REGENERATE_COMMAND, validatorCode } from '../../scripts/schema-validators.js';
import { toBundle } from '../../src/bundle/bundle.js';
import { bundleSchemaErrors } from '../../src/bundle/validate.js';
import { compile } from '../../src/compile.js';
import { exampleFiles, modelOf } from '../helpers.js';

/** The bundle validator is code ajv generated from the schema; this keeps the two in step. */

function isleOfWightBundle(): Record<string, unknown> {
  const result = compile(exampleFiles('isle-of-wight'));
  const bundle = toBundle(modelOf(result), { compilerVersion: '0.1.0', sourceHash: `sha256:${'ab'.repeat(32)}`, edition: result.edition });
  // A deep copy, as a reader of the file would have it.
  return JSON.parse(JSON.stringify(bundle)) as Record<string, unknown>;
}

describe('src/bundle/validate-bundle.generated.js', () => {
  it('is what the schema generates now', () => {
    const committed = readFileSync(BUNDLE_VALIDATOR.path, 'utf8');
    expect(committed === validatorCode(BUNDLE_VALIDATOR), `the bundle validator is stale — run \`${REGENERATE_COMMAND}\` to regenerate it`).toBe(true);
  });

  it('accepts the bundle of an example', () => {
    expect(bundleSchemaErrors(isleOfWightBundle())).toBeUndefined();
  });

  it('rejects a bundle that breaks the schema, naming where', () => {
    const bundle = isleOfWightBundle();
    (bundle['sources'] as Record<string, unknown>)['hash'] = 'md5:0';
    delete (bundle['partnership'] as Record<string, unknown>)['name'];
    const errors = bundleSchemaErrors(bundle);
    expect(errors).toContain('bundle/sources/hash must match pattern');
    expect(errors).toContain("bundle/partnership must have required property 'name'");
  });

  it('names the first three errors only', () => {
    expect(bundleSchemaErrors({ bundleVersion: '1.0.0' })).toBe(
      "bundle must have required property '$schema', bundle must have required property 'compiler', bundle must have required property 'sources'",
    );
  });
});
