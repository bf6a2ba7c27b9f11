import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';

/**
 * A validator for the official OASIS SARIF 2.1.0 schema (tests/fixtures/sarif-schema-2.1.0.json,
 * copied verbatim from oasis-tcs/sarif-spec, Documents/CommitteeSpecifications/2.1.0). The schema
 * is JSON Schema draft-07, ajv's default dialect; its formats (uri, date-time…) need ajv-formats.
 * Compiled once: it takes a third of a second.
 */
let validator: ValidateFunction | undefined;

export function sarifValidator(): ValidateFunction {
  if (validator) return validator;
  const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true });
  addFormats.default(ajv);
  validator = ajv.compile(schema);
  return validator;
}
