import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VALIDATOR, REGENERATE_COMMAND, validatorCode } from '../../scripts/schema-validators.js';

/** The config validator tor ships is code ajv generated from src/config/schema.json; this keeps the two in step. */
describe('src/config/validate-config.generated.js', () => {
  it('is what the schema generates now', () => {
    const committed = readFileSync(CONFIG_VALIDATOR.path, 'utf8');
    expect(committed === validatorCode(CONFIG_VALIDATOR), `the config validator is stale — run \`${REGENERATE_COMMAND}\` to regenerate it`).toBe(true);
  });
});
