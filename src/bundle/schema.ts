import schema from '../../schema/bundle.schema.json' with { type: 'json' };

/** The JSON Schema (2020-12) of the bundle, schema/bundle.schema.json; its `$id` carries the bundle version. */
export const bundleSchema: Readonly<Record<string, unknown>> = schema;
