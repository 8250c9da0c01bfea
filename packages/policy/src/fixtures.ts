import * as z from 'zod/mini';
import { nonEmptyList, nonEmptyString } from './checks.js';
import type { Decision } from './decision.js';
import { FactsValidationError, PolicyValidationError, toValidationIssues, type ValidationIssue } from './errors.js';
import type { Facts } from './facts-schema.js';
import type { Policy } from './policy.js';

const expectSchema = z.looseObject({
  fired: z.optional(z.array(z.string())),
  notFired: z.optional(z.array(z.string())),
});

/** A fixture file (`rules/tests/*.test.json`): cases of facts and the decision they must give. */
export const fixtureFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  description: z.string(),
  /** Facts every case starts from; a case's `facts` are deep-merged over them (arrays replace). */
  base: z.optional(z.record(z.string(), z.unknown())),
  cases: nonEmptyList(
    z.strictObject({
      name: nonEmptyString(),
      facts: z.record(z.string(), z.unknown()),
      /**
       * A partial decision: every key given must match (objects by their keys, arrays item by
       * item and length), plus `fired` / `notFired` rule ids.
       */
      expect: expectSchema,
    }),
  ),
});
export type FixtureFile = z.output<typeof fixtureFileSchema>;

/** The result of one fixture case. */
export interface FixtureResult {
  readonly file: string;
  readonly name: string;
  readonly passed: boolean;
  /** What did not match, one sentence each. */
  readonly failures: readonly string[];
  readonly decision?: Decision;
}

/** Results of a fixture run, and the coverage of the policy's rules. */
export interface FixtureReport {
  readonly results: readonly FixtureResult[];
  readonly passed: number;
  readonly failed: number;
  /** Rules no case made fire. */
  readonly neverFired: readonly string[];
  /** Rules that fired in every case that could see them (never seen not firing). */
  readonly alwaysFired: readonly string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Deep-merges `patch` over `base`: objects merge, everything else (arrays too) replaces. */
export function mergeFacts(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  // Own keys only, and defined rather than assigned: a "__proto__" key in a fixture is a key, not a prototype.
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    Object.defineProperty(out, key, {
      value: Object.hasOwn(base, key) ? mergeFacts(base[key], value) : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Every way `actual` differs from the partial `expected`, as `path: expected X, got Y`. */
export function compareDecision(actual: unknown, expected: unknown, path = 'decision'): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual))
      return [`${path}: expected a list ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
    if (actual.length !== expected.length) {
      return [
        `${path}: expected ${expected.length} item(s) ${JSON.stringify(expected)}, got ${actual.length} ${JSON.stringify(actual)}`,
      ];
    }
    return expected.flatMap((item, i) => compareDecision(actual[i], item, `${path}[${i}]`));
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([key, value]) =>
      compareDecision(Object.hasOwn(actual, key) ? actual[key] : undefined, value, `${path}.${key}`),
    );
  }
  return Object.is(actual, expected)
    ? []
    : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/**
 * Checks fixture files against {@link fixtureFileSchema}: the files that fit, and an issue (file and
 * JSON path) for each problem of every file that does not.
 */
export function checkFixtureFiles(files: Readonly<Record<string, unknown>>): {
  parsed: [string, FixtureFile][];
  issues: ValidationIssue[];
} {
  const parsed: [string, FixtureFile][] = [];
  const issues: ValidationIssue[] = [];
  for (const [fileName, content] of Object.entries(files)) {
    const result = fixtureFileSchema.safeParse(content, { reportInput: true });
    if (result.success) parsed.push([fileName, result.data]);
    else issues.push(...toValidationIssues(fileName, result.error.issues));
  }
  return { parsed, issues };
}

/**
 * Runs fixture files against a policy.
 * @param files fixture files by name (`{ "cancel.test.json": json }`).
 * @throws PolicyValidationError when fixture files are malformed (naming every file and path).
 */
export async function runFixtures(policy: Policy, files: Readonly<Record<string, unknown>>): Promise<FixtureReport> {
  const results: FixtureResult[] = [];
  const fired = new Set<string>();
  const notFired = new Set<string>();
  const ruleIds = new Set(policy.rules.map((r) => r.id));
  // Every malformed file is reported at once, before any case runs.
  const { parsed: parsedFiles, issues } = checkFixtureFiles(files);
  if (issues.length > 0) throw new PolicyValidationError(issues);
  for (const [fileName, fixture] of parsedFiles) {
    for (const testCase of fixture.cases) {
      const { fired: mustFire = [], notFired: mustNotFire = [], ...expectedDecision } = testCase.expect;
      const failures = [...mustFire, ...mustNotFire]
        .filter((id) => !ruleIds.has(id))
        .map((id) => `expect names rule "${id}", which is not in the policy`);
      let decision: Decision | undefined;
      try {
        decision = await policy.evaluate(mergeFacts(fixture.base ?? {}, testCase.facts) as Facts);
      } catch (error) {
        if (error instanceof FactsValidationError)
          failures.push(...error.issues.map((i) => `facts ${i.path}: ${i.message}`));
        else if (error instanceof RangeError) failures.push(`facts could not be decided: ${error.message}`);
        else throw error;
      }
      if (decision) {
        for (const e of decision.explanations) (e.fired ? fired : notFired).add(e.ruleId);
        const firedHere = new Set(decision.explanations.filter((e) => e.fired).map((e) => e.ruleId));
        failures.push(
          ...mustFire
            .filter((id) => ruleIds.has(id) && !firedHere.has(id))
            .map((id) => `rule "${id}" should have fired`),
        );
        failures.push(
          ...mustNotFire.filter((id) => firedHere.has(id)).map((id) => `rule "${id}" should not have fired`),
        );
        failures.push(...compareDecision(decision, expectedDecision));
      }
      results.push({
        file: fileName,
        name: testCase.name,
        passed: failures.length === 0,
        failures,
        ...(decision ? { decision } : {}),
      });
    }
  }
  const passed = results.filter((r) => r.passed).length;
  return {
    results,
    passed,
    failed: results.length - passed,
    neverFired: [...ruleIds].filter((id) => !fired.has(id)),
    alwaysFired: [...ruleIds].filter((id) => fired.has(id) && !notFired.has(id)),
  };
}
