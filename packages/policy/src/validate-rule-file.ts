import { validate, type CompiledSchema } from './compiled/compiled-schema.js';
import { DATA_CHECKS } from './named-checks.js';
import { RULE_FILE_CHECKS } from './rule-file-checks.js';
import {
  allSchema,
  anySchema,
  eventParamsSchemas,
  factConditionSchema,
  notSchema,
  ruleFileSchema,
  ruleSchema,
} from './compiled/rule-file-schemas.generated.js';
import { issuesAt, jsonPath, PolicyValidationError, type ValidationIssue } from './errors.js';
import { findFactCondition } from './find-fact-condition.js';
import type { FactCondition, Rule, RuleFile } from './rule-file-schema.js';
import { parsePlaceholders, PLACEHOLDER_FORMATS } from './template.js';
import { lookUpFactPath, placeholderPaths, quoteList, type ValueKind } from './fact-catalog.js';
import { isIsoDateOrInstant, isIsoInstant } from './time-formats.js';

type Path = readonly PropertyKey[];

/**
 * How many levels of `all` / `any` / `not` a rule's conditions may nest (the root group is level
 * 1). Deeper trees are refused, so no walk over conditions (this validator, the engine's, the
 * explanation's) recurses further than this.
 */
export const MAX_CONDITION_DEPTH = 32;

/** The checks the rule-file schemas name. */
const RULE_FILE_SCHEMA_CHECKS = { ...DATA_CHECKS, ...RULE_FILE_CHECKS };

const GROUPS: Record<'all' | 'any', CompiledSchema<Record<string, unknown[]>>> = { all: allSchema, any: anySchema };
const KNOWN_PLACEHOLDERS = new Set(placeholderPaths());
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Validates one rule file: its shape, and what a schema can't say: paths exist on their fact,
 * values fit the fact and the operator, placeholders name something real.
 * @returns a deep copy as JSON, so later edits to `content` cannot change a policy built from it,
 * and the policy holds exactly what its hash reads (`-0` is 0 there, as in files a host vouched for).
 * @throws PolicyValidationError with every problem found, each naming the file and JSON path.
 */
export function validateRuleFile(fileName: string, content: unknown): RuleFile {
  const issues: ValidationIssue[] = [];
  const report = (path: Path, message: string) => issues.push({ file: fileName, path: jsonPath(path), message });
  const check = <T>(schema: CompiledSchema<T>, value: unknown, path: Path): T | undefined => {
    const result = validate(schema, value, RULE_FILE_SCHEMA_CHECKS);
    if (result.success) return result.data;
    issues.push(...issuesAt(fileName, result.issues, path));
    return undefined;
  };

  /** Walks a condition tree; true when it and everything below it is valid. `level` is 1 at the root. */
  const checkCondition = (input: unknown, at: Path, level: number): boolean => {
    const key = isObject(input) ? (['all', 'any', 'not'] as const).find((k) => Object.hasOwn(input, k)) : undefined;
    if (key !== undefined && level > MAX_CONDITION_DEPTH) {
      report(
        at,
        `conditions nested too deeply: at most ${MAX_CONDITION_DEPTH} levels of "all", "any" and "not" are allowed`,
      );
      return false;
    }
    if (key === 'all' || key === 'any') {
      const group = check(GROUPS[key], input, at);
      return (
        group !== undefined &&
        (group[key] as unknown[]).map((c, i) => checkCondition(c, [...at, key, i], level + 1)).every(Boolean)
      );
    }
    if (key === 'not') {
      const not = check(notSchema, input, at);
      return not !== undefined && checkCondition(not.not, [...at, 'not'], level + 1);
    }
    if (level === 1) {
      report(at, 'expected { "all": [...] }, { "any": [...] } or { "not": {...} } at the root of a rule');
      return false;
    }
    const before = issues.length;
    const condition = check(factConditionSchema, input, at);
    if (condition) checkFactCondition(condition as FactCondition, at, report);
    return issues.length === before;
  };

  const file = check(ruleFileSchema, content, []);
  if (!file) throw new PolicyValidationError(issues);
  const seen = new Map<string, number>();
  file.rules.forEach((input, index) => {
    const at: Path = ['rules', index];
    const rule = check(ruleSchema, input, at);
    if (!rule) return;
    const first = seen.get(rule.id);
    if (first !== undefined) report([...at, 'id'], `duplicate rule id "${rule.id}" (also at $.rules[${first}])`);
    else seen.set(rule.id, index);
    const conditionsValid = checkCondition(rule.conditions, [...at, 'conditions'], 1);
    const params = check(eventParamsSchemas[rule.event.type], rule.event.params, [...at, 'event', 'params']);
    if (!conditionsValid || !params) return;
    const valid = rule as unknown as Rule;
    checkEvent(valid, at, report);
    checkDescription(valid, at, report);
  });
  if (issues.length > 0) throw new PolicyValidationError(issues);
  // Valid content is JSON data at most MAX_JSON_DEPTH deep, so the round trip is exact and bounded.
  return JSON.parse(JSON.stringify(file)) as RuleFile;
}

function checkFactCondition(c: FactCondition, at: Path, report: (path: Path, message: string) => void): void {
  const kind = lookUpFactPath(c.fact, c.path);
  if (typeof kind === 'string') return report([...at, c.path === undefined ? 'fact' : 'path'], kind);
  if (c.fact === 'cancellationsInWindow' && c.params === undefined) {
    report([...at, 'params'], 'required: "cancellationsInWindow" needs { "days": N }, the length of the window');
  } else if (c.fact !== 'cancellationsInWindow' && c.params !== undefined) {
    report([...at, 'params'], `fact "${c.fact}" takes no params`);
  }
  const valuePath = [...at, 'value'];
  const where = c.path === undefined ? c.fact : `${c.fact}.${c.path}`;
  switch (c.operator) {
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive':
      if (kind.type !== 'number')
        return report([...at, 'operator'], `"${c.operator}" compares numbers, but ${where} is ${describeKind(kind)}`);
      if (typeof c.value !== 'number') return report(valuePath, `expected a number, got ${JSON.stringify(c.value)}`);
      return;
    case 'in':
    case 'notIn':
      if (!Array.isArray(c.value)) return report(valuePath, `"${c.operator}" needs a list of values`);
      c.value.forEach((v, i) => checkValue(kind, v, [...valuePath, i], where, report));
      return;
    default:
      if (Array.isArray(c.value))
        return report(valuePath, `"${c.operator}" compares with one value; use "in" for a list`);
      checkValue(kind, c.value, valuePath, where, report);
  }
}

function describeKind(kind: ValueKind): string {
  switch (kind.type) {
    case 'enum':
      return `one of ${quoteList(kind.values)}`;
    case 'instant':
      return 'an ISO 8601 date-time with an offset';
    case 'dateOrInstant':
      return 'a date (2027-03-28) or an ISO 8601 date-time with an offset';
    default:
      return `a ${kind.type}`;
  }
}

/** Whether `value` is of `kind`; times with the same exact checks as facts (time-formats.ts). */
function isOfKind(kind: ValueKind, value: unknown): boolean {
  switch (kind.type) {
    case 'enum':
      return typeof value === 'string' && kind.values.includes(value);
    case 'instant':
      return typeof value === 'string' && isIsoInstant(value);
    case 'dateOrInstant':
      return typeof value === 'string' && isIsoDateOrInstant(value);
    default:
      return typeof value === kind.type;
  }
}

function checkValue(
  kind: ValueKind,
  value: unknown,
  at: Path,
  where: string,
  report: (path: Path, message: string) => void,
): void {
  // null matches a fact that is absent, e.g. { "path": "clientPreference", "equal", null }.
  if (value === null) return;
  if (!isOfKind(kind, value)) report(at, `${where} is ${describeKind(kind)}, got ${JSON.stringify(value)}`);
}

function checkEvent(rule: Rule, at: Path, report: (path: Path, message: string) => void): void {
  const { event } = rule;
  if (
    event.type === 'offer-alternatives' &&
    event.params.maxSlots !== undefined &&
    event.params.maxSlots < event.params.minSlots
  ) {
    report([...at, 'event', 'params', 'maxSlots'], `expected at least minSlots (${event.params.minSlots})`);
  }
}

function checkDescription(rule: Rule, at: Path, report: (path: Path, message: string) => void): void {
  const params = rule.event.params as Record<string, unknown>;
  const path = [...at, 'description'];
  for (const { name, format } of parsePlaceholders(rule.description)) {
    if (format !== undefined && !(PLACEHOLDER_FORMATS as readonly string[]).includes(format)) {
      report(path, `unknown format "|${format}" in {${name}|${format}}: expected ${quoteList(PLACEHOLDER_FORMATS)}`);
    }
    if (name.startsWith('params.')) {
      const key = name.slice('params.'.length);
      // Own params only: {params.constructor} or {params.toString} name Object.prototype's.
      if (!Object.hasOwn(params, key))
        report(path, `placeholder {${name}}: event "${rule.event.type}" has no param "${key}" here`);
    } else if (!KNOWN_PLACEHOLDERS.has(name)) {
      report(
        path,
        `unknown placeholder {${name}}: expected a fact path such as {hoursUntilStart} or {client.attendedSessions}, or {params.<name>}`,
      );
    } else if (
      name === 'cancellationsInWindow' &&
      rule.event.type !== 'frequency-warning' &&
      !findFactCondition(rule.conditions, (c) => c.fact === 'cancellationsInWindow')
    ) {
      report(
        path,
        '{cancellationsInWindow} needs a window: use it in a rule with a condition on it or a frequency-warning',
      );
    }
  }
}
