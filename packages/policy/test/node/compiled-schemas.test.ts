import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import { GENERATED_SCHEMA_MODULES } from '../../build/write-compiled-schemas.js';
import { compileSchema } from '../../src/compiled/compile.js';
import { validate, type CompiledNode } from '../../src/compiled/compiled-schema.js';
import { MAX_JSON_DEPTH } from '../../src/json-data.js';
import { DATA_CHECKS } from '../../src/named-checks.js';
import { FACT_CHECKS } from '../../src/fact-checks.js';
import { RULE_FILE_CHECKS } from '../../src/rule-file-checks.js';
import * as compiledFacts from '../../src/compiled/facts-schema.generated.js';
import * as compiledRuleFiles from '../../src/compiled/rule-file-schemas.generated.js';
import { mergeFacts } from '../../src/fixtures.js';
import {
  EVENT_PARAMS,
  factConditionSchema,
  groupSchema,
  notSchema,
  ruleFileSchema,
  ruleSchema,
} from '../../src/rule-file-schema.js';
import { factsSchema, namedCheck } from '../../src/schemas.js';
import { assertSameVerdicts, brokenCopies } from '../shared/compiled-vs-zod.js';
import { defaultRuleSources, fixtureSources } from './helpers.js';

type Json = Record<string, unknown>;
const ruleFiles = Object.values(defaultRuleSources()) as Json[];
const rules = ruleFiles.flatMap((file) => file.rules as Json[]);
const fixtureFacts = Object.values(fixtureSources()).flatMap((file) => {
  const { base = {}, cases } = file as { base?: Json; cases: { facts: Json }[] };
  return cases.map((c) => mergeFacts(base, c.facts));
});
function conditionsOf(condition: Json): Json[] {
  const inner = (condition.all ?? condition.any ?? (condition.not ? [condition.not] : undefined)) as Json[] | undefined;
  return [condition, ...(inner ?? []).flatMap(conditionsOf)];
}
const conditions = rules.flatMap((rule) => conditionsOf(rule.conditions as Json));
const withBroken = (values: readonly unknown[]) => [...values, ...values.flatMap((v) => [...brokenCopies(v)])];

/** The tables the policy validates facts and rule files with. */
const FACTS_TABLE = { ...DATA_CHECKS, ...FACT_CHECKS };
const RULE_FILES_TABLE = { ...DATA_CHECKS, ...RULE_FILE_CHECKS };

describe('compiled schemas', () => {
  it('are what the zod schemas compile to now (build writes them)', () => {
    for (const [file, source] of Object.entries(GENERATED_SCHEMA_MODULES)) {
      const onDisk = readFileSync(new URL(`../../src/compiled/${file}`, import.meta.url), 'utf8');
      assert.equal(onDisk, source(), `run \`npm run build -w @raincheck/policy\` and commit ${file}`);
    }
  });

  it('judge facts as zod does: every fixture, and each broken in every place', () => {
    const compared = assertSameVerdicts(
      compiledFacts.factsSchema,
      factsSchema,
      withBroken(fixtureFacts),
      'facts',
      FACTS_TABLE,
    );
    assert.ok(compared > 10_000, `compared ${compared}`);
  });

  it('judge rule files, rules, conditions and event params as zod does', () => {
    assertSameVerdicts(
      compiledRuleFiles.ruleFileSchema,
      ruleFileSchema,
      withBroken(ruleFiles),
      'rule file',
      RULE_FILES_TABLE,
    );
    assertSameVerdicts(compiledRuleFiles.ruleSchema, ruleSchema, withBroken(rules), 'rule', RULE_FILES_TABLE);
    const factConditions = conditions.filter((c) => 'fact' in c);
    assertSameVerdicts(
      compiledRuleFiles.factConditionSchema,
      factConditionSchema,
      withBroken(factConditions),
      'condition',
      RULE_FILES_TABLE,
    );
    assertSameVerdicts(
      compiledRuleFiles.allSchema,
      groupSchema('all'),
      withBroken(conditions.filter((c) => 'all' in c)),
      'all',
      RULE_FILES_TABLE,
    );
    assertSameVerdicts(
      compiledRuleFiles.anySchema,
      groupSchema('any'),
      withBroken(conditions.filter((c) => 'any' in c)),
      'any',
      RULE_FILES_TABLE,
    );
    assertSameVerdicts(
      compiledRuleFiles.notSchema,
      notSchema,
      withBroken([{ not: conditions[1] }, ...conditions.filter((c) => 'not' in c)]),
      'not',
      RULE_FILES_TABLE,
    );
    for (const [type, params] of Object.entries(EVENT_PARAMS)) {
      const given = rules.filter((r) => (r.event as Json).type === type).map((r) => (r.event as Json).params);
      assert.ok(given.length > 0, `a default rule uses ${type}`);
      assertSameVerdicts(
        compiledRuleFiles.eventParamsSchemas[type as keyof typeof EVENT_PARAMS],
        params,
        withBroken(given),
        type,
        RULE_FILES_TABLE,
      );
    }
  });

  it("call only the checks they are given: the contract's by default, the facts' and rule files' own added by their validators", () => {
    const condition: CompiledNode = { type: 'unknown', checks: [['conditionValue']] };
    assert.throws(() => validate(condition, 1), /unknown check "conditionValue"/);
    assert.equal(validate(condition, 1, RULE_FILES_TABLE).success, true);
    assert.equal(validate(condition, [{}], RULE_FILES_TABLE).success, false);
    const facts = (value: unknown) => validate(compiledFacts.factsSchema, value, FACTS_TABLE);
    assert.deepEqual(
      facts({ action: 'cancel', now: '2027-06-01T09:00:00Z', therapist: { id: 't', profileVisible: true } }),
      {
        success: false,
        issues: [
          { path: ['session'], message: 'required for every action but "availability-change"' },
          { path: ['client'], message: 'required for every action but "availability-change"' },
        ],
      },
    );
    // What a page loads with every compiled schema holds neither.
    assert.deepEqual(
      Object.keys(DATA_CHECKS).filter(
        (name) => Object.hasOwn(FACT_CHECKS, name) || Object.hasOwn(RULE_FILE_CHECKS, name),
      ),
      [],
    );
  });

  it('read only own data fields of plain objects and lists, where zod reads through anything', () => {
    // Facts, rule files and the host API contract share this interpreter: one rule for all three.
    const node: CompiledNode = {
      type: 'object',
      shape: {
        list: { type: 'array', item: { type: 'number' } },
        map: { type: 'record', value: { type: 'string' } },
        any: { type: 'optional', inner: { type: 'unknown' } },
      },
    };
    const issues = (value: unknown) => {
      const result = validate(node, value);
      return result.success ? [] : result.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    assert.deepEqual(issues({ list: [1], map: { a: 'x' }, any: { deep: [{}] } }), []);
    assert.deepEqual(issues(Object.create({ list: [1], map: {} })), [
      ': expected object, got an object that inherits its fields (only own fields count)',
    ]);
    const getter = Object.defineProperty({ list: [1] }, 'map', { enumerable: true, get: () => ({}) });
    assert.deepEqual(issues(getter), ['map: expected a plain value, got a getter (only own data fields count)']);
    class Numbers extends Array<number> {}
    assert.deepEqual(issues({ list: Numbers.from([1]), map: new Map() }), [
      'list: expected array, got an instance of an Array subclass',
      'map: expected record, got an instance of Map',
    ]);
    // eslint-disable-next-line no-sparse-arrays
    assert.deepEqual(issues({ list: [1, , 3], map: {}, any: { a: [Object.create({ x: 1 })] } }), [
      'list.1: expected a value, got a hole in a sparse list',
      'any.a.0: expected a plain object or list, got an object that inherits its fields (only own fields count)',
    ]);
    // Inside `unknown`, nesting stops at MAX_JSON_DEPTH, iteratively: no depth overflows the stack.
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const [tooDeep] = issues({ list: [], map: {}, any: deep });
    assert.equal(
      tooDeep,
      `${['any', ...Array<number>(MAX_JSON_DEPTH - 1).fill(0)].join('.')}: nested too deeply: at most ${MAX_JSON_DEPTH} levels of objects and lists are allowed`,
    );
  });

  it('refuse what they cannot mirror, naming where', () => {
    assert.throws(
      () => compileSchema(z.strictObject({ a: z.union([z.string(), z.number()]) }), 'thing'),
      /thing\.a: zod type "union" cannot be compiled/,
    );
    assert.throws(() => compileSchema(z.object({ a: z.string() }), 'thing'), /thing: objects must be strict/);
    assert.throws(
      () => compileSchema(z.strictObject({ n: z.number().check(z.refine((n) => n > 1)) }), 'thing'),
      /thing\.n: check 0 \(custom\) is not a named check/,
    );
    assert.throws(
      () =>
        compileSchema(
          z.pipe(
            z.string(),
            z.transform((s) => s.length),
          ),
          'thing',
        ),
      /thing: zod type "pipe" cannot be compiled/,
    );
    assert.deepEqual(compileSchema(z.array(z.string().check(namedCheck('nonEmptyString')))), {
      type: 'array',
      item: { type: 'string', checks: [['nonEmptyString']] },
    });
  });
});
