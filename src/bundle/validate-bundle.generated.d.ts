// Written by hand: the types of validate-bundle.generated.js, which `npm run schema:validators` writes.
import type { ErrorObject } from 'ajv';

/** An ajv standalone validator: true when `data` matches the schema, else false with `errors` set. */
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Checks a bundle against schema/bundle.schema.json. */
export declare const validate: StandaloneValidator;
export default validate;
