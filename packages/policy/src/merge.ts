import type {
  AlternativesEffect,
  BlockEffect,
  Decision,
  NotifyEffect,
  Outcome,
  RecommendationEffect,
  RefundEffect,
  RequirementEffect,
  TeamEffect,
  WarningEffect,
} from './decision.js';
import type { RuleEvent } from './rule-file-schema.js';
import { CHANNELS, WARNING_LEVELS } from './vocabulary.js';
import type { Facts } from './facts-schema.js';

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

function ofType<T extends RuleEvent['type']>(fired: readonly FiredRule[], type: T): Of<T>[] {
  return fired.filter((r): r is Of<T> => r.event.type === type);
}

/**
 * Highest priority first; at equal priority, `cautious` puts the more careful effect first, and
 * after that the order of the rule files and rules decides.
 */
function rank<T extends FiredRule>(rules: T[], cautious: (a: T, b: T) => number = () => 0): T[] {
  return [...rules].sort((a, b) => b.priority - a.priority || cautious(a, b));
}

function source(rules: readonly FiredRule[]): { ruleIds: string[]; message: string } {
  return { ruleIds: rules.map((r) => r.ruleId), message: rules[0]!.message };
}

/** Groups rules by a key, keeping each group's ranked order. */
function groupBy<T extends FiredRule>(rules: T[], key: (r: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const rule of rules) groups.set(key(rule), [...(groups.get(key(rule)) ?? []), rule]);
  return [...groups.values()];
}

function mergeNotify(fired: readonly FiredRule[]): NotifyEffect | null {
  const rules = rank(ofType(fired, 'notify-client'));
  if (rules.length === 0) return null;
  const channels = new Set(rules.flatMap((r) => r.event.params.channels));
  const followUps = rules.flatMap((r) => (r.event.params.followUp ? [r.event.params.followUp.afterHours] : []));
  return {
    ...source(rules),
    channels: CHANNELS.filter((c) => channels.has(c)),
    withinMinutes: Math.min(...rules.map((r) => r.event.params.withinMinutes)),
    ...(followUps.length > 0 ? { followUp: { afterHours: Math.min(...followUps) } } : {}),
  };
}

function mergeAlternatives(fired: readonly FiredRule[]): AlternativesEffect | null {
  const rules = rank(ofType(fired, 'offer-alternatives'), (a, b) => b.event.params.minSlots - a.event.params.minSlots);
  const winner = rules[0];
  return winner ? { ...source(rules), ...winner.event.params } : null;
}

function mergeRefund(fired: readonly FiredRule[], facts: Facts): RefundEffect | null {
  const rules = rank(
    ofType(fired, 'offer-refund'),
    (a, b) =>
      Number(b.event.params.mode === 'team-review') - Number(a.event.params.mode === 'team-review') ||
      a.event.params.percent - b.event.params.percent,
  );
  const winner = rules[0];
  const price = facts.session?.price;
  if (!winner || !price) return null;
  return {
    ...source(rules),
    percent: winner.event.params.percent,
    amount: Math.floor((price.amount * winner.event.params.percent) / 100),
    currency: price.currency,
    mode: winner.event.params.mode,
  };
}

function mergeWarnings(fired: readonly FiredRule[]): WarningEffect[] {
  const severity = (r: Of<'frequency-warning'>) => WARNING_LEVELS.indexOf(r.event.params.level);
  const rules = [...ofType(fired, 'frequency-warning')].sort(
    (a, b) => severity(b) - severity(a) || b.event.params.threshold - a.event.params.threshold || b.priority - a.priority,
  );
  return groupBy(rules, (r) => r.event.params.code ?? 'cancellation-frequency').map((group) => {
    const { params } = group[0]!.event;
    return {
      ...source(group),
      level: params.level,
      code: params.code ?? 'cancellation-frequency',
      count: group[0]!.count ?? 0,
      windowDays: params.windowDays,
      threshold: params.threshold,
    };
  });
}

function mergeRecommendations(fired: readonly FiredRule[], facts: Facts): RecommendationEffect[] {
  const rules = rank(ofType(fired, 'recommend-visibility'), (a, b) =>
    Number(b.event.params.recommendation === 'hide-profile') - Number(a.event.params.recommendation === 'hide-profile'),
  );
  // Hiding and showing exclude each other: the first of them in rank order decides.
  const visibility = rules.find((r) => r.event.params.recommendation !== 'inform-team')?.event.params.recommendation;
  const kept = rules.filter((r) => r.event.params.recommendation === 'inform-team' || r.event.params.recommendation === visibility);
  const until = facts.request?.unavailableUntil;
  return groupBy(kept, (r) => r.event.params.recommendation).map((group) => ({
    ...source(group),
    kind: group[0]!.event.params.recommendation,
    ...(group.some((r) => r.event.params.until === 'return-date') && until !== undefined ? { until } : {}),
  }));
}

/**
 * Merges the effects of the rules that fired into one decision. The merge rules, also in the README:
 * channels are unioned and the shortest deadline wins; single-valued effects (alternatives, refund)
 * take the highest-priority rule, the more cautious one at equal priority; lists (team, requirements,
 * blocks) are unioned by code; warnings keep the most severe per code; recommendations keep one per
 * kind, and the higher-ranked of hide-profile and show-profile.
 */
export function mergeEffects(fired: readonly FiredRule[], facts: Facts): Effects {
  const team: TeamEffect[] = groupBy(rank(ofType(fired, 'route-to-team')), (r) => r.event.params.reason).map((g) => ({
    ...source(g),
    reason: g[0]!.event.params.reason,
  }));
  const blocks: BlockEffect[] = groupBy(rank(ofType(fired, 'block')), (r) => r.event.params.reason).map((g) => ({
    ...source(g),
    reason: g[0]!.event.params.reason,
  }));
  const reasonRules = rank(ofType(fired, 'require-reason'), (a, b) => (b.event.params.minLength ?? 1) - (a.event.params.minLength ?? 1));
  const requirements: RequirementEffect[] = reasonRules.length
    ? [{ ...source(reasonRules), kind: 'written-reason', minLength: Math.max(...reasonRules.map((r) => r.event.params.minLength ?? 1)) }]
    : [];
  const outcome: Outcome = blocks.length > 0 ? 'blocked' : team.length > 0 ? 'needs-team' : 'allowed';
  return {
    outcome,
    notify: mergeNotify(fired),
    alternatives: mergeAlternatives(fired),
    refund: mergeRefund(fired, facts),
    team,
    requirements,
    warnings: mergeWarnings(fired),
    recommendations: mergeRecommendations(fired, facts),
    blocks,
  };
}
