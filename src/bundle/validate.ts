import { validate } from './validate-bundle.generated.js';

/** How many schema errors a message names: the first few say where a bundle went wrong. */
const ERRORS_SHOWN = 3;

/**
 * Why `bundle` does not match schema/bundle.schema.json, as `bundle/<path> <problem>` for the
 * first few errors (what ajv's errorsText says); undefined when it matches.
 */
export function bundleSchemaErrors(bundle: unknown): string | undefined {
  if (validate(bundle)) return undefined;
  return (validate.errors ?? [])
    .slice(0, ERRORS_SHOWN)
    .map((error) => `bundle${error.instancePath} ${error.message ?? `fails ${error.keyword}`}`)
    .join(', ');
}
