import { Engine, Fact, type RuleProperties } from 'json-rules-engine';
import type { Decision, PolicyIdentity, RuleExplanation } from './decision.js';
import { deriveFacts } from './derived-facts.js';
import { DEFAULT_MAX_ENGINES, EnginePool } from './engine-pool.js';
import { FactsValidationError, issuesAt } from './errors.js';
import { explainCondition, type EvaluatedCondition } from './explain.js';
import { validate } from './compiled/compiled-schema.js';
import { FACT_CHECKS } from './fact-checks.js';
import { DATA_CHECKS } from './named-checks.js';
import { factsSchema } from './compiled/facts-schema.generated.js';
import type { Facts } from './facts-schema.js';
import { mergeEffects, type FiredRule } from './merge.js';
import { resolvePath } from './path.js';
import { findFactCondition } from './find-fact-condition.js';
import { historyReachDays, trimHistory } from './history-reach.js';
import type { Rule, RuleFile } from './rule-file-schema.js';
import { fillTemplate } from './template.js';
import type { RuleFileSources } from './rule-file-sources.js';
import { hashedRuleFiles, policyHash } from './vouched-rule-files.js';
import type { FactName } from './fact-catalog.js';

export type { RuleFileSources } from './rule-file-sources.js';

/** Names the policy in every decision (defaults are derived from the files), and bounds its memory. */
export interface PolicyOptions {
  /** Defaults to the file ids joined with `+`. */
  readonly id?: string;
  /** Defaults to the file versions joined with `+`, in the same order. */
  readonly version?: string;
  /**
   * How many evaluations run at once, each on a json-rules-engine Engine of its own that holds
   * every rule; further calls to `evaluate` wait their turn, first come, first served. Default 8.
   */
  readonly maxEngines?: number;
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
  evaluate(facts: Facts, options?: EvaluateOptions): Promise<Decision>;
}

/** How one evaluation runs. */
export interface EvaluateOptions {
  /**
   * Awaited between the evaluation's steps (the facts checked and copied, the engine's run, the
   * explanations): a page passes a yield to the main thread, so that on a slow phone the three are
   * tasks of their own instead of one long task. What it throws (an abort, say) ends the evaluation.
   */
  readonly between?: () => Promise<void>;
}

/** The checks the facts schema names. */
const FACT_SCHEMA_CHECKS = { ...DATA_CHECKS, ...FACT_CHECKS };

/** The window a rule's `{cancellationsInWindow}` refers to: its condition's, else its warning's. */
function windowOf(rule: Rule): number | undefined {
  const condition = findFactCondition(rule.conditions, (c) => c.fact === 'cancellationsInWindow');
  return (
    condition?.params?.days ?? (rule.event.type === 'frequency-warning' ? rule.event.params.windowDays : undefined)
  );
}

/**
 * Builds a policy from rule files already validated, by `validateRuleFiles` or as
 * `vouchedRuleFiles` proves: what a page uses to decide without loading the validator.
 * Files that did not come from either are not checked here; use `createPolicy` for them.
 * @param files valid rule files, in policy order (by id).
 */
export function createValidatedPolicy(files: readonly RuleFile[], options: PolicyOptions = {}): Policy {
  return buildPolicy(files, policyHash(files), options);
}

/**
 * The policy for the rule files a host vouched for by their policy `hash` (see `vouchedRuleFiles`),
 * built with the hash checked there rather than computing it a second time. `undefined` when the
 * files are not the ones vouched for: validate them instead.
 */
export function vouchedPolicy(sources: RuleFileSources, hash: string, options: PolicyOptions = {}): Policy | undefined {
  const vouched = hashedRuleFiles(sources, hash);
  return vouched && buildPolicy(vouched.files, vouched.hash, options);
}

/** The policy for valid `files` whose policy hash is `hash`. */
function buildPolicy(files: readonly RuleFile[], hash: string, options: PolicyOptions): Policy {
  const rules: PolicyRule[] = files.flatMap((file) => file.rules.map((rule) => ({ ...rule, file: file.id })));
  const identity: PolicyIdentity = {
    id: options.id ?? files.map((f) => f.id).join('+'),
    version: options.version ?? files.map((f) => f.version).join('+'),
    hash,
  };
  const windows = rules.map(windowOf);
  const reachDays = historyReachDays(rules);
  const engineRules: RuleProperties[] = rules.map((rule) => ({
    name: rule.id,
    priority: rule.priority ?? 1,
    conditions: rule.conditions as RuleProperties['conditions'],
    event: rule.event,
  }));
  const pool = new EnginePool(
    () =>
      new Engine(engineRules, {
        allowUndefinedFacts: true,
        pathResolver: resolvePath,
        replaceFactsInEventParams: false,
      }),
    options.maxEngines ?? DEFAULT_MAX_ENGINES,
  );

  async function evaluate(input: Facts, { between }: EvaluateOptions = {}): Promise<Decision> {
    // History no rule can reach is left out before the work that grows with it (validation, copy, counts).
    const parsed = validate(factsSchema, trimHistory(input, reachDays), FACT_SCHEMA_CHECKS);
    if (!parsed.success) {
      // Again on the facts as given, so each issue names the caller's own history index.
      const asGiven = validate(factsSchema, input, FACT_SCHEMA_CHECKS);
      throw new FactsValidationError(issuesAt('facts', (asGiven.success ? parsed : asGiven).issues));
    }
    // A copy: the decision must not change if the caller edits its facts while the engine runs.
    const facts = copyOfFacts(parsed.data);
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
        ? days === undefined
          ? undefined
          : derived.cancellationsInWindow(days)
        : path === undefined
          ? values[fact]
          : resolvePath(values[fact], path);
    const runtimeFacts = {
      ...values,
      cancellationsInWindow: new Fact<number>(
        'cancellationsInWindow',
        (params: Record<string, unknown>) => derived.cancellationsInWindow(params.days as number),
        { cache: false },
      ),
    };
    await between?.();
    const { results, failureResults } = await pool.use((engine) => engine.run(runtimeFacts));
    await between?.();
    const outcomes = new Map<string, { fired: boolean; conditions: EvaluatedCondition }>();
    for (const r of results) outcomes.set(r.name, { fired: true, conditions: r.conditions as EvaluatedCondition });
    for (const r of failureResults)
      outcomes.set(r.name, { fired: false, conditions: r.conditions as EvaluatedCondition });

    const fired: FiredRule[] = [];
    const explanations: RuleExplanation[] = rules.map((rule, i) => {
      const outcome = outcomes.get(rule.id);
      const window = windows[i];
      const params = rule.event.params as Record<string, unknown>;
      const description = fillTemplate(rule.description, (name) => {
        // `{fact}`, `{fact.path}` or `{params.key}`; a count without a path is over the rule's window.
        // Own names only: rules the host vouched for skip the validator, and `constructor` or
        // `toString` must not reach Object.prototype there either.
        const [fact, path] = name.split(/\.(.*)/) as [string, string | undefined];
        if (fact === 'params') return path === undefined ? undefined : resolvePath(params, path);
        if (fact !== 'cancellationsInWindow' && !Object.hasOwn(values, fact)) return undefined;
        return actual(fact as FactName, path, path === undefined ? window : undefined);
      });
      const isFired = outcome?.fired === true;
      if (isFired) {
        fired.push({
          ruleId: rule.id,
          priority: rule.priority ?? 1,
          event: rule.event,
          message: description,
          ...(rule.event.type === 'frequency-warning'
            ? { count: derived.cancellationsInWindow(rule.event.params.windowDays) }
            : {}),
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

/**
 * A structured clone of facts that passed validation. What cannot be cloned passed only by being
 * exotic (a Proxy, say a framework's reactive object, reads like plain data): the caller's
 * mistake, named as such rather than a DOMException from deep inside.
 */
function copyOfFacts(facts: Facts): Facts {
  try {
    return structuredClone(facts);
  } catch (error) {
    throw new FactsValidationError([
      {
        file: 'facts',
        path: '$',
        message: `expected plain JSON data, got something that cannot be copied (a Proxy?): ${error instanceof Error ? error.message : String(error)}`,
      },
    ]);
  }
}
