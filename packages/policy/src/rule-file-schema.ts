import * as z from 'zod/mini';
import {
  CHANNELS,
  FACT_NAMES,
  OPERATORS,
  RECOMMENDATION_KINDS,
  REFUND_MODES,
  WARNING_LEVELS,
} from './vocabulary.js';

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const code = z.string().check(z.regex(KEBAB, { message: 'expected a kebab-case code, e.g. session-started' }));
const positiveInt = z.int().check(z.minimum(1));
const sentence = z.string().check(z.minLength(1));

/**
 * A dot path into an object fact (`price.amount`). Anything JSONPath-like (`$`, `..`, brackets,
 * filters) is refused: a rule file only names data, it never evaluates expressions.
 */
const dotPath = z.string().check(
  z.regex(/^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/, {
    message: 'expected a plain dot path such as "price.amount" (JSONPath expressions are not allowed)',
  }),
);

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** `{ "fact": …, "operator": …, "value": … }`: compares one fact with a literal value. */
export const factConditionSchema = z.strictObject({
  fact: z.enum(FACT_NAMES),
  path: z.optional(dotPath),
  operator: z.enum(OPERATORS),
  value: z.union([scalar, z.array(scalar)]),
  params: z.optional(z.strictObject({ days: positiveInt })),
});

type FactCondition = z.output<typeof factConditionSchema>;
/** A condition: a fact comparison, or `all` / `any` / `not` of conditions. */
export type Condition = FactCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const conditionSchema: z.ZodMiniType<Condition> = z.union([
  factConditionSchema,
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

/** A rule's root: `all`, `any` or `not` (json-rules-engine requires a boolean root). */
export type TopCondition = Extract<Condition, { all: Condition[] } | { any: Condition[] } | { not: Condition }>;
const topConditionSchema = z.union([
  z.strictObject({ all: z.array(conditionSchema).check(z.minLength(1)) }),
  z.strictObject({ any: z.array(conditionSchema).check(z.minLength(1)) }),
  z.strictObject({ not: conditionSchema }),
]);

const event = <T extends string, P extends z.core.SomeType>(type: T, params: P) =>
  z.strictObject({ type: z.literal(type), params });

/** Per event type, the params a rule must give. */
export const eventSchema = z.discriminatedUnion('type', [
  event(
    'notify-client',
    z.strictObject({
      channels: z.array(z.enum(CHANNELS)).check(z.minLength(1)),
      withinMinutes: z.int().check(z.minimum(0)),
      followUp: z.optional(z.strictObject({ afterHours: positiveInt })),
    }),
  ),
  event(
    'offer-alternatives',
    z.strictObject({
      minSlots: positiveInt,
      maxSlots: z.optional(positiveInt),
      withinDays: positiveInt,
    }),
  ),
  event(
    'offer-refund',
    z.strictObject({
      percent: z.number().check(z.minimum(0), z.maximum(100)),
      mode: z.enum(REFUND_MODES),
    }),
  ),
  event('route-to-team', z.strictObject({ reason: code })),
  event('require-reason', z.strictObject({ minLength: z.optional(positiveInt) })),
  event(
    'frequency-warning',
    z.strictObject({
      level: z.enum(WARNING_LEVELS),
      code: z.optional(code),
      windowDays: positiveInt,
      threshold: positiveInt,
    }),
  ),
  event(
    'recommend-visibility',
    z.strictObject({
      recommendation: z.enum(RECOMMENDATION_KINDS),
      until: z.optional(z.literal('return-date')),
    }),
  ),
  event('block', z.strictObject({ reason: code })),
]);
export type RuleEvent = z.output<typeof eventSchema>;

/** One rule: a json-rules-engine rule with a required `id` and a human `description`. */
export const ruleSchema = z.strictObject({
  id: code,
  /**
   * The sentence a therapist reads when the rule fires. Placeholders in braces are filled in:
   * a fact (`{hoursUntilStart}`, `{client.attendedSessions}`), an event param (`{params.windowDays}`),
   * optionally with a format: `{cancellationsInWindow|ordinal}`, `{hoursUntilStart|round}`.
   */
  description: sentence,
  priority: z.optional(positiveInt),
  conditions: topConditionSchema,
  event: eventSchema,
});
export type Rule = z.output<typeof ruleSchema>;

/** A rule file: one policy area (e.g. `notification-timing`). */
export const ruleFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: code,
  version: z.string().check(
    z.regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, { message: 'expected a semantic version, e.g. 1.0.0' }),
  ),
  description: sentence,
  rules: z.array(ruleSchema).check(z.minLength(1)),
});
export type RuleFile = z.output<typeof ruleFileSchema>;
