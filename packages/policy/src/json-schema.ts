import * as z from 'zod/mini';
import { ruleFileSchema } from './rule-file-schema.js';

/**
 * The JSON Schema (2020-12) of a rule file, generated from the same zod schema that validates it.
 * Rule files point at it through `$schema` so editors complete and check them as you type.
 */
export function ruleFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ruleFileSchema, { target: 'draft-2020-12' }),
    $id: 'https://raincheck.dev/schema/rule-file.schema.json',
    title: 'Raincheck rule file',
  };
}
