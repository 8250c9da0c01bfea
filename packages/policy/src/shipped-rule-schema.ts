/**
 * The `$schema` of a rule file as the package ships it (in its `rules/` folder, and through
 * `@raincheck/policy/rules`): the package's own rule-file JSON Schema, relative to `rules/`, so it
 * resolves in an installed package. The repository's copies point at packages/policy/schema/ instead.
 */
export const SHIPPED_RULE_SCHEMA = '../schema/rule-file.schema.json';

/** `value` with its `$schema` (if it has one) pointing at the package's schema from `depth` folders below the package. */
export function withShippedSchema(value: Readonly<Record<string, unknown>>, depth = 1): Record<string, unknown> {
  if (!('$schema' in value)) return { ...value };
  return { ...value, $schema: `${'../'.repeat(depth - 1)}${SHIPPED_RULE_SCHEMA}` };
}
