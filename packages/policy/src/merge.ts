import type {
  AlternativesEffect,
  BlockEffect,
  Decision,
  NotifyEffect,
  RecommendationEffect,
  RefundEffect,
  RequirementEffect,
  TeamEffect,
  WarningEffect,
} from './decision.js';
import type { Facts } from './facts-schema.js';
import type { RuleEvent } from './rule-file-schema.js';
import { CHANNELS, WARNING_LEVELS } from './vocabulary.js';

/** A rule that fired, with what it needs for the merge. */
export interface FiredRule {
  readonly ruleId: string;
  readonly priority: number;
  readonly event: RuleEvent;
  readonly message: string;
  /** For `frequency-warning`: the count over the warning's window. */
  readonly count?: number;
}

type Of<T extends RuleEvent['type']> = FiredRule & { event: Extract<RuleEvent, { type: T }> };
type Effects = Omit<Decision, 'action' | 'now' | 'explanations' | 'policy'>;
type Sourced<E> = E & { ruleIds: string[]; message: string };

/**
 * The fired rules of one event type, best first: highest priority, then (at equal priority) the
 * more cautious by `cautious`, then the order of the rule files and rules.
 */
function ranked<T extends RuleEvent['type']>(
  fired: readonly FiredRule[],
  type: T,
  cautious: (a: Of<T>, b: Of<T>) => number = () => 0,
): Of<T>[] {
  return fired
    .filter((r): r is Of<T> => r.event.type === type)
    .sort((a, b) => b.priority - a.priority || cautious(a, b));
}

/**
 * One effect per key: the first-ranked rule with that key makes it, and every rule sharing the key
 * is named in `ruleIds`.
 */
function perKey<R extends FiredRule, E>(rules: R[], key: (rule: R) => string, make: (winner: R) => E): Sourced<E>[] {
  const groups = new Map<string, R[]>();
  for (const rule of rules) {
    const group = groups.get(key(rule));
    if (group) group.push(rule);
    else groups.set(key(rule), [rule]);
  }
  return [...groups.values()].map((group) => ({
    ...make(group[0]!),
    ruleIds: group.map((r) => r.ruleId),
    message: group[0]!.message,
  }));
}

const single = () => '';

/** The smallest of `values` (`Infinity` when empty), without spreading them into arguments. */
const smallest = (values: readonly number[]): number => values.reduce((min, v) => (v < min ? v : min), Infinity);

function mergeNotify(fired: readonly FiredRule[]): NotifyEffect | null {
  const rules = ranked(fired, 'notify-client');
  const channels = new Set(rules.flatMap((r) => r.event.params.channels));
  const followUps = rules.flatMap((r) => r.event.params.followUp?.afterHours ?? []);
  return (
    perKey(rules, single, () => ({
      channels: CHANNELS.filter((c) => channels.has(c)),
      withinMinutes: smallest(rules.map((r) => r.event.params.withinMinutes)),
      ...(followUps.length > 0 ? { followUp: { afterHours: smallest(followUps) } } : {}),
    }))[0] ?? null
  );
}

function mergeRefund(fired: readonly FiredRule[], facts: Facts): RefundEffect | null {
  const price = facts.session?.price;
  const rules = ranked(
    fired,
    'offer-refund',
    (a, b) =>
      +(b.event.params.mode === 'team-review') - +(a.event.params.mode === 'team-review') ||
      a.event.params.percent - b.event.params.percent,
  );
  if (!price) return null;
  return (
    perKey(rules, single, ({ event: { params } }) => ({
      percent: params.percent,
      amount: Math.floor((price.amount * params.percent) / 100),
      currency: price.currency,
      mode: params.mode,
    }))[0] ?? null
  );
}

function mergeRecommendations(fired: readonly FiredRule[], facts: Facts): RecommendationEffect[] {
  const rules = ranked(
    fired,
    'recommend-visibility',
    (a, b) => +(b.event.params.recommendation === 'hide-profile') - +(a.event.params.recommendation === 'hide-profile'),
  );
  // Hiding and showing exclude each other: the first of them in rank order decides.
  const visibility = rules.find((r) => r.event.params.recommendation !== 'inform-team')?.event.params.recommendation;
  const until = facts.request?.unavailableUntil;
  return perKey(
    rules.filter((r) => [visibility, 'inform-team'].includes(r.event.params.recommendation)),
    (r) => r.event.params.recommendation,
    ({ event: { params } }) => ({ kind: params.recommendation, ...(params.until && until ? { until } : {}) }),
  );
}

/**
 * Merges the effects of the rules that fired into one decision. The merge rules, also in the README:
 * channels are unioned and the shortest deadline wins; single-valued effects (alternatives, refund)
 * take the highest-priority rule, the more cautious one at equal priority; lists (team, requirements,
 * blocks) are unioned by code; warnings keep the most severe per code; recommendations keep one per
 * kind, and the higher-ranked of hide-profile and show-profile.
 */
export function mergeEffects(fired: readonly FiredRule[], facts: Facts): Effects {
  const severity = (r: Of<'frequency-warning'>) =>
    WARNING_LEVELS.indexOf(r.event.params.level) * 1000 + r.event.params.threshold;
  const team: TeamEffect[] = perKey(
    ranked(fired, 'route-to-team'),
    (r) => r.event.params.reason,
    (r) => ({ reason: r.event.params.reason }),
  );
  const blocks: BlockEffect[] = perKey(
    ranked(fired, 'block'),
    (r) => r.event.params.reason,
    (r) => ({ reason: r.event.params.reason }),
  );
  const minLength = (r: Of<'require-reason'>) => r.event.params.minLength ?? 1;
  const requirements: RequirementEffect[] = perKey(
    ranked(fired, 'require-reason', (a, b) => minLength(b) - minLength(a)),
    single,
    (r) => ({
      kind: 'written-reason' as const,
      minLength: minLength(r),
    }),
  );
  const warnings: WarningEffect[] = perKey(
    ranked(fired, 'frequency-warning').sort((a, b) => severity(b) - severity(a)),
    (r) => r.event.params.code ?? 'cancellation-frequency',
    ({ event: { params }, count = 0 }) => ({ ...params, code: params.code ?? 'cancellation-frequency', count }),
  );
  const alternatives: AlternativesEffect | null =
    perKey(
      ranked(fired, 'offer-alternatives', (a, b) => b.event.params.minSlots - a.event.params.minSlots),
      single,
      (r) => ({ ...r.event.params }),
    )[0] ?? null;
  return {
    outcome: blocks.length > 0 ? 'blocked' : team.length > 0 ? 'needs-team' : 'allowed',
    notify: mergeNotify(fired),
    alternatives,
    refund: mergeRefund(fired, facts),
    team,
    requirements,
    warnings,
    recommendations: mergeRecommendations(fired, facts),
    blocks,
  };
}
