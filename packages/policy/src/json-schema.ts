import * as z from 'zod/mini';
import { jsonSchemaHints } from './checks.js';
import { EVENT_PARAMS, factConditionSchema, ruleFileSchema, ruleSchema } from './rule-file-schema.js';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const editorFactCondition = z.extend(factConditionSchema, { value: z.union([scalar, z.array(scalar)]) });

const conditionSchema: z.ZodMiniType = z.union([
  editorFactCondition,
  z.strictObject({
    get all() {
      return z.array(conditionSchema).check(z.minLength(1));
    },
  }),
  z.strictObject({
    get any() {
      return z.array(conditionSchema).check(z.minLength(1));
    },
  }),
  z.strictObject({
    get not() {
      return conditionSchema;
    },
  }),
]);

const [firstEvent, ...otherEvents] = Object.entries(EVENT_PARAMS).map(([type, params]) =>
  z.strictObject({ type: z.literal(type), params }),
);

/**
 * The rule file as an editor sees it: the same leaf schemas the validator uses, composed with
 * unions so that the JSON Schema can say, per place, every shape allowed there.
 */
const editorRuleFileSchema = z.extend(ruleFileSchema, {
  rules: z
    .array(
      z.extend(ruleSchema, {
        conditions: z.union([
          z.strictObject({ all: z.array(conditionSchema).check(z.minLength(1)) }),
          z.strictObject({ any: z.array(conditionSchema).check(z.minLength(1)) }),
          z.strictObject({ not: conditionSchema }),
        ]),
        event: z.discriminatedUnion('type', [firstEvent!, ...otherEvents]),
      }),
    )
    .check(z.minLength(1)),
});

/**
 * The JSON Schema (2020-12) of a rule file, generated from the same zod leaves that validate it.
 * Rule files point at it through `$schema` so editors complete and check them as you type.
 * (It cannot say what only the validator knows: which paths each fact has, value kinds, placeholders.)
 */
export function ruleFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(editorRuleFileSchema, { target: 'draft-2020-12', metadata: jsonSchemaHints }),
    $id: 'https://raincheck.dev/schema/rule-file.schema.json',
    title: 'Raincheck rule file',
  };
}
