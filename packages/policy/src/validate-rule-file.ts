import { PolicyValidationError, toValidationIssues, jsonPath, type ValidationIssue } from './errors.js';
import { ruleFileSchema, type Condition, type Rule, type RuleFile } from './rule-file-schema.js';
import { lookUpFactPath, placeholderPaths, quoteList, type FactName, type ValueKind } from './vocabulary.js';
import { parsePlaceholders, PLACEHOLDER_FORMATS } from './template.js';

type Path = readonly PropertyKey[];
type FactConditionNode = Extract<Condition, { fact: FactName }>;

const KNOWN_PLACEHOLDERS = new Set(placeholderPaths());

/**
 * Validates one rule file: its shape (zod) and then what a schema can't say: paths exist on their
 * fact, values fit the fact and the operator, placeholders name something real.
 * @throws PolicyValidationError with every problem found, each naming the file and JSON path.
 */
export function validateRuleFile(fileName: string, content: unknown): RuleFile {
  const parsed = ruleFileSchema.safeParse(content, { reportInput: true });
  if (!parsed.success) throw new PolicyValidationError(toValidationIssues(fileName, parsed.error.issues));
  const issues: ValidationIssue[] = [];
  const report = (path: Path, message: string) => issues.push({ file: fileName, path: jsonPath(path), message });
  const seen = new Map<string, number>();
  parsed.data.rules.forEach((rule, index) => {
    const at: Path = ['rules', index];
    const first = seen.get(rule.id);
    if (first !== undefined) report([...at, 'id'], `duplicate rule id "${rule.id}" (also at $.rules[${first}])`);
    else seen.set(rule.id, index);
    checkCondition(rule.conditions, [...at, 'conditions'], report);
    checkEvent(rule, at, report);
    checkDescription(rule, at, report);
  });
  if (issues.length > 0) throw new PolicyValidationError(issues);
  return parsed.data;
}

function checkCondition(condition: Condition, at: Path, report: (path: Path, message: string) => void): void {
  if ('all' in condition) condition.all.forEach((c, i) => checkCondition(c, [...at, 'all', i], report));
  else if ('any' in condition) condition.any.forEach((c, i) => checkCondition(c, [...at, 'any', i], report));
  else if ('not' in condition) checkCondition(condition.not, [...at, 'not'], report);
  else checkFactCondition(condition, at, report);
}

function checkFactCondition(c: FactConditionNode, at: Path, report: (path: Path, message: string) => void): void {
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
      if (kind.type !== 'number') return report([...at, 'operator'], `"${c.operator}" compares numbers, but ${where} is ${describeKind(kind)}`);
      if (typeof c.value !== 'number') return report(valuePath, `expected a number, got ${JSON.stringify(c.value)}`);
      return;
    case 'in':
    case 'notIn':
      if (!Array.isArray(c.value)) return report(valuePath, `"${c.operator}" needs a list of values`);
      c.value.forEach((v, i) => checkValue(kind, v, [...valuePath, i], where, report));
      return;
    default:
      if (Array.isArray(c.value)) return report(valuePath, `"${c.operator}" compares with one value; use "in" for a list`);
      checkValue(kind, c.value, valuePath, where, report);
  }
}

function describeKind(kind: ValueKind): string {
  return kind.type === 'enum' ? `one of ${quoteList(kind.values)}` : `a ${kind.type === 'instant' ? 'date-time' : kind.type}`;
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
  const ok =
    kind.type === 'enum'
      ? typeof value === 'string' && kind.values.includes(value)
      : kind.type === 'instant'
        ? typeof value === 'string'
        : typeof value === kind.type;
  if (!ok) report(at, `${where} is ${describeKind(kind)}, got ${JSON.stringify(value)}`);
}

function checkEvent(rule: Rule, at: Path, report: (path: Path, message: string) => void): void {
  const { event } = rule;
  if (event.type === 'offer-alternatives' && event.params.maxSlots !== undefined && event.params.maxSlots < event.params.minSlots) {
    report([...at, 'event', 'params', 'maxSlots'], `expected at least minSlots (${event.params.minSlots})`);
  }
}

function conditionsUse(condition: Condition, fact: FactName): boolean {
  if ('all' in condition) return condition.all.some((c) => conditionsUse(c, fact));
  if ('any' in condition) return condition.any.some((c) => conditionsUse(c, fact));
  if ('not' in condition) return conditionsUse(condition.not, fact);
  return condition.fact === fact;
}

function checkDescription(rule: Rule, at: Path, report: (path: Path, message: string) => void): void {
  const params = rule.event.params as Record<string, unknown>;
  for (const { name, format } of parsePlaceholders(rule.description)) {
    const path = [...at, 'description'];
    if (format !== undefined && !(PLACEHOLDER_FORMATS as readonly string[]).includes(format)) {
      report(path, `unknown format "|${format}" in {${name}|${format}}: expected ${quoteList(PLACEHOLDER_FORMATS)}`);
    }
    if (name.startsWith('params.')) {
      const key = name.slice('params.'.length);
      if (!(key in params)) report(path, `placeholder {${name}}: event "${rule.event.type}" has no param "${key}" here`);
    } else if (!KNOWN_PLACEHOLDERS.has(name)) {
      report(path, `unknown placeholder {${name}}: expected a fact path such as {hoursUntilStart} or {client.attendedSessions}, or {params.<name>}`);
    } else if (
      name === 'cancellationsInWindow' &&
      rule.event.type !== 'frequency-warning' &&
      !conditionsUse(rule.conditions, 'cancellationsInWindow')
    ) {
      report(path, '{cancellationsInWindow} needs a window: use it in a rule with a condition on it or a frequency-warning');
    }
  }
}
