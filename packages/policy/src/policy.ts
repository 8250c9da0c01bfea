import { Engine, Fact, type RuleProperties } from 'json-rules-engine';
import type { Decision, PolicyIdentity, RuleExplanation } from './decision.js';
import { deriveFacts } from './derived-facts.js';
import { EnginePool } from './engine-pool.js';
import { FactsValidationError, issuesAt } from './errors.js';
import { explainCondition, type EvaluatedCondition } from './explain.js';
import { validate } from './compiled/compiled-schema.js';
import { factsSchema } from './compiled/facts-schema.generated.js';
import type { Facts } from './facts-schema.js';
import { mergeEffects, type FiredRule } from './merge.js';
import { resolvePath } from './path.js';
import { findFactCondition } from './find-fact-condition.js';
import type { Rule, RuleFile } from './rule-file-schema.js';
import { fillTemplate } from './template.js';
import { policyHash } from './vouched-rule-files.js';
import type { FactName } from './fact-catalog.js';

export type { RuleFileSources } from './rule-file-sources.js';

/** Names the policy in every decision; defaults are derived from the files. */
export interface PolicyOptions {
  /** Defaults to the file ids joined with `+`. */
  readonly id?: string;
  /** Defaults to the file versions joined with `+`, in the same order. */
  readonly version?: string;
}

/** A rule as the policy holds it, with the file it came from. */
export interface PolicyRule extends Rule {
  readonly file: string;
}

/** A validated, ready-to-evaluate set of rule files. */
export interface Policy extends PolicyIdentity {
  /** The validated rule files, ordered by id. */
  readonly files: readonly RuleFile[];
  /** Every rule, in policy order (files by id, rules as written). */
  readonly rules: readonly PolicyRule[];
  /**
   * Decides what happens for these facts, and why. Safe to call concurrently.
   * @throws FactsValidationError when the facts do not fit the facts schema.
   */
  evaluate(facts: Facts): Promise<Decision>;
}

/** The window a rule's `{cancellationsInWindow}` refers to: its condition's, else its warning's. */
function windowOf(rule: Rule): number | undefined {
  const condition = findFactCondition(rule.conditions, (c) => c.fact === 'cancellationsInWindow');
  return condition?.params?.days ?? (rule.event.type === 'frequency-warning' ? rule.event.params.windowDays : undefined);
}

/**
 * Builds a policy from rule files already validated, by `validateRuleFiles` or as
 * `vouchedRuleFiles` proves: what a page uses to decide without loading the validator.
 * Files that did not come from either are not checked here; use `createPolicy` for them.
 * @param files valid rule files, in policy order (by id).
 */
export function createValidatedPolicy(files: readonly RuleFile[], options: PolicyOptions = {}): Policy {
  const rules: PolicyRule[] = files.flatMap((file) => file.rules.map((rule) => ({ ...rule, file: file.id })));
  const identity: PolicyIdentity = {
    id: options.id ?? files.map((f) => f.id).join('+'),
    version: options.version ?? files.map((f) => f.version).join('+'),
    hash: policyHash(files),
  };
  const windows = new Map(rules.map((rule) => [rule.id, windowOf(rule)]));
  const engineRules: RuleProperties[] = rules.map((rule) => ({
    name: rule.id,
    priority: rule.priority ?? 1,
    conditions: rule.conditions as RuleProperties['conditions'],
    event: rule.event,
  }));
  const pool = new EnginePool(
    () => new Engine(engineRules, { allowUndefinedFacts: true, pathResolver: resolvePath, replaceFactsInEventParams: false }),
  );

  async function evaluate(input: Facts): Promise<Decision> {
    const parsed = validate(factsSchema, input);
    if (!parsed.success) throw new FactsValidationError(issuesAt('facts', parsed.issues));
    // A copy: the decision must not change if the caller edits its facts while the engine runs.
    const facts = structuredClone(parsed.data);
    const derived = deriveFacts(facts);
    // What conditions read, by fact name; the engine gets the same values.
    const values: Record<Exclude<FactName, 'cancellationsInWindow'>, unknown> = {
      action: facts.action,
      now: facts.now,
      session: facts.session,
      client: facts.client,
      therapist: facts.therapist,
      history: facts.history ?? [],
      request: facts.request ?? {},
      hoursUntilStart: derived.hoursUntilStart,
      sessionStarted: derived.sessionStarted,
      daysUnavailable: derived.daysUnavailable,
    };
    const actual = (fact: FactName, path: string | undefined, days: number | undefined): unknown =>
      fact === 'cancellationsInWindow'
        ? days === undefined ? undefined : derived.cancellationsInWindow(days)
        : path === undefined ? values[fact] : resolvePath(values[fact], path);
    const runtimeFacts = {
      ...values,
      cancellationsInWindow: new Fact<number>(
        'cancellationsInWindow',
        (params: Record<string, unknown>) => derived.cancellationsInWindow(params.days as number),
        { cache: false },
      ),
    };
    const { results, failureResults } = await pool.use((engine) => engine.run(runtimeFacts));
    const outcomes = new Map<string, { fired: boolean; conditions: EvaluatedCondition }>();
    for (const r of results) outcomes.set(r.name, { fired: true, conditions: r.conditions as EvaluatedCondition });
    for (const r of failureResults) outcomes.set(r.name, { fired: false, conditions: r.conditions as EvaluatedCondition });

    const fired: FiredRule[] = [];
    const explanations: RuleExplanation[] = rules.map((rule) => {
      const outcome = outcomes.get(rule.id);
      const window = windows.get(rule.id);
      const params = rule.event.params as Record<string, unknown>;
      const description = fillTemplate(rule.description, (name) =>
        name.startsWith('params.') ? params[name.slice(7)]
        : name === 'cancellationsInWindow' ? actual('cancellationsInWindow', undefined, window)
        : actual(name.split('.')[0] as FactName, name.includes('.') ? name.slice(name.indexOf('.') + 1) : undefined, undefined),
      );
      const isFired = outcome?.fired === true;
      if (isFired) {
        fired.push({
          ruleId: rule.id,
          priority: rule.priority ?? 1,
          event: rule.event,
          message: description,
          ...(rule.event.type === 'frequency-warning' ? { count: derived.cancellationsInWindow(rule.event.params.windowDays) } : {}),
        });
      }
      return {
        ruleId: rule.id,
        file: rule.file,
        priority: rule.priority ?? 1,
        eventType: rule.event.type,
        description,
        fired: isFired,
        conditions: explainCondition(rule.conditions, outcome?.conditions, actual, isFired),
      };
    });
    return {
      action: facts.action,
      now: facts.now,
      ...mergeEffects(fired, facts),
      explanations,
      policy: identity,
    };
  }

  return { ...identity, files, rules, evaluate };
}
