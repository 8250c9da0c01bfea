import type { DecisionRecord, DecisionShown } from '@raincheck/host-api';
import type { ConditionExplanation, Decision } from '@raincheck/policy';

type Effect = DecisionRecord['effects'][number];
type DecidingFact = DecisionRecord['rules'][number]['facts'][number];

/**
 * What the host keeps of its decision at a write, for the team who reviews it: the policy's
 * identity and outcome, every effect in words, and the rules that fired with the facts they saw.
 */
export function recordDecision(decision: Decision, shown: DecisionShown | null): DecisionRecord {
  const effect =
    (kind: Effect['kind']) =>
    (e: { readonly message: string; readonly ruleIds: readonly string[] }): Effect => ({
      kind,
      message: e.message,
      ruleIds: [...e.ruleIds],
    });
  const effects: Effect[] = [
    ...(decision.notify ? [effect('notify')(decision.notify)] : []),
    ...(decision.alternatives ? [effect('alternatives')(decision.alternatives)] : []),
    ...(decision.refund ? [effect('refund')(decision.refund)] : []),
    ...decision.team.map(effect('team')),
    ...decision.requirements.map(effect('requirement')),
    ...decision.warnings.map(effect('warning')),
    ...decision.recommendations.map(effect('recommendation')),
    ...decision.blocks.map(effect('block')),
  ].filter((e) => e.message.trim() !== '');
  return {
    action: decision.action,
    at: decision.now,
    outcome: decision.outcome,
    policy: { id: decision.policy.id, version: decision.policy.version, hash: decision.policy.hash },
    shown,
    effects,
    rules: decision.explanations
      .filter((rule) => rule.fired)
      .map((rule) => ({
        ruleId: rule.ruleId,
        file: rule.file,
        description: rule.description,
        facts: decidingFacts(rule.conditions),
      })),
  };
}

/** The leaf conditions that held, in order: what made the rule fire. */
function decidingFacts(condition: ConditionExplanation): DecidingFact[] {
  if (condition.kind !== 'fact') return condition.conditions.flatMap(decidingFacts);
  if (condition.passed !== true) return [];
  return [
    {
      fact: condition.fact,
      ...(condition.path === undefined ? {} : { path: condition.path }),
      operator: condition.operator,
      expected: condition.expected,
      actual: condition.actual,
    },
  ];
}
