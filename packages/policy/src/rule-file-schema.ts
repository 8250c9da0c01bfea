import * as z from 'zod/mini';
import { matching, namedCheck, nonEmptyList, nonEmptyString, numberBetween, wholeNumber } from './checks.js';
import {
  CHANNELS,
  OPERATORS,
  RECOMMENDATION_KINDS,
  REFUND_MODES,
  WARNING_LEVELS,
  type Channel,
  type EventType,
  type Operator,
  type RecommendationKind,
  type RefundMode,
  type WarningLevel,
} from './vocabulary.js';
import { FACT_NAMES, type FactName } from './fact-catalog.js';

// The shape of a rule file, as zod leaves. The recursive condition tree and the per-type event
// params are dispatched by validate-rule-file.ts (on `all`/`any`/`not`/`fact` and on `event.type`),
// which keeps zod's union machinery out of the browser bundle and names the exact mistake; the
// editor's JSON Schema composes the same leaves with unions (json-schema.ts).

const code = matching(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'expected a kebab-case code, e.g. session-started');
const positiveInt = wholeNumber(1);
/**
 * Most days a rule may count back or look ahead, and most hours it may wait: 100 years. Time
 * arithmetic beyond that leaves the calendar (`Date` ends in the year 275,760), which would make
 * every decision, or the write after it, fail instead of this file.
 */
export const MAX_RULE_DAYS = 36_600;
const dayCount = wholeNumber(1, MAX_RULE_DAYS);
const hourCount = wholeNumber(1, MAX_RULE_DAYS * 24);

/** A JSON value a condition may compare with: a string, number, boolean or null, or a list of them. */
export type ConditionValue = string | number | boolean | null | (string | number | boolean | null)[];

/** `{ "fact": …, "operator": …, "value": … }`: compares one fact with a literal value. */
export const factConditionSchema = z.strictObject({
  fact: z.enum(FACT_NAMES),
  /**
   * A dot path into an object fact (`price.amount`). Anything JSONPath-like (`$`, `..`, brackets,
   * filters) is refused: a rule file only names data, it never evaluates expressions.
   */
  path: z.optional(
    matching(
      /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/,
      'expected a plain dot path such as "price.amount" (JSONPath expressions are not allowed)',
    ),
  ),
  operator: z.enum(OPERATORS),
  value: z.unknown().check(namedCheck('conditionValue')),
  params: z.optional(z.strictObject({ days: dayCount })),
});

/** A comparison of one fact with a value. */
export interface FactCondition {
  readonly fact: FactName;
  readonly path?: string;
  readonly operator: Operator;
  readonly value: ConditionValue;
  readonly params?: { readonly days: number };
}
/** A condition: a fact comparison, or `all` / `any` / `not` of conditions. */
export type Condition =
  | FactCondition
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };
/** A rule's root: `all`, `any` or `not` (json-rules-engine requires a boolean root). */
export type TopCondition = Exclude<Condition, FactCondition>;

/** `{ "all": [...] }` or `{ "any": [...] }`: at least one condition. */
export const groupSchema = (key: 'all' | 'any') => z.strictObject({ [key]: nonEmptyList(z.unknown()) });
/** `{ "not": condition }`. */
export const notSchema = z.strictObject({ not: z.unknown() });

/** Per event type, the params a rule must give. */
export const EVENT_PARAMS = {
  'notify-client': z.strictObject({
    channels: nonEmptyList(z.enum(CHANNELS)),
    withinMinutes: wholeNumber(0),
    followUp: z.optional(z.strictObject({ afterHours: hourCount })),
  }),
  'offer-alternatives': z.strictObject({
    minSlots: positiveInt,
    maxSlots: z.optional(positiveInt),
    withinDays: dayCount,
  }),
  'offer-refund': z.strictObject({
    percent: numberBetween(0, 100),
    mode: z.enum(REFUND_MODES),
  }),
  'route-to-team': z.strictObject({ reason: code }),
  'require-reason': z.strictObject({ minLength: z.optional(positiveInt) }),
  'frequency-warning': z.strictObject({
    level: z.enum(WARNING_LEVELS),
    code: z.optional(code),
    windowDays: dayCount,
    threshold: positiveInt,
  }),
  'recommend-visibility': z.strictObject({
    recommendation: z.enum(RECOMMENDATION_KINDS),
    until: z.optional(z.enum(['return-date'])),
  }),
  block: z.strictObject({ reason: code }),
} satisfies Record<EventType, z.ZodMiniType>;

/** A rule's effect when it fires: a type from the vocabulary and that type's params. */
export type RuleEvent =
  | {
      readonly type: 'notify-client';
      readonly params: { channels: Channel[]; withinMinutes: number; followUp?: { afterHours: number } };
    }
  | {
      readonly type: 'offer-alternatives';
      readonly params: { minSlots: number; maxSlots?: number; withinDays: number };
    }
  | { readonly type: 'offer-refund'; readonly params: { percent: number; mode: RefundMode } }
  | { readonly type: 'route-to-team'; readonly params: { reason: string } }
  | { readonly type: 'require-reason'; readonly params: { minLength?: number } }
  | {
      readonly type: 'frequency-warning';
      readonly params: { level: WarningLevel; code?: string; windowDays: number; threshold: number };
    }
  | {
      readonly type: 'recommend-visibility';
      readonly params: { recommendation: RecommendationKind; until?: 'return-date' };
    }
  | { readonly type: 'block'; readonly params: { reason: string } };

/** One rule's own fields; `conditions` and `event.params` are checked by the walker. */
export const ruleSchema = z.strictObject({
  id: code,
  /**
   * The sentence a therapist reads when the rule fires. Placeholders in braces are filled in:
   * a fact (`{hoursUntilStart}`, `{client.attendedSessions}`), an event param (`{params.windowDays}`),
   * optionally with a format: `{cancellationsInWindow|ordinal}`, `{hoursUntilStart|round}`.
   */
  description: nonEmptyString(),
  priority: z.optional(positiveInt),
  conditions: z.unknown(),
  event: z.strictObject({ type: z.enum(Object.keys(EVENT_PARAMS) as EventType[]), params: z.unknown() }),
});

/** A validated rule: a json-rules-engine rule with a required `id` and a human `description`. */
export interface Rule {
  readonly id: string;
  readonly description: string;
  readonly priority?: number;
  readonly conditions: TopCondition;
  readonly event: RuleEvent;
}

/** A rule file's own fields, with each rule checked by `ruleSchema` and the walker. */
export const ruleFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: code,
  version: matching(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, 'expected a semantic version, e.g. 1.0.0'),
  description: nonEmptyString(),
  rules: nonEmptyList(z.unknown()),
});

/** A validated rule file: one policy area (e.g. `notification-timing`). */
export interface RuleFile {
  readonly $schema?: string;
  readonly id: string;
  readonly version: string;
  readonly description: string;
  readonly rules: readonly Rule[];
}
