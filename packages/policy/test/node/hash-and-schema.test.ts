import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ruleFileJsonSchema } from '../../src/authoring.js';
import { createPolicy, PolicyValidationError } from '../../src/index.js';

function validates(file: unknown): boolean {
  try {
    createPolicy({ 'sample.json': file });
    return true;
  } catch (error) {
    if (error instanceof PolicyValidationError) return false;
    throw error;
  }
}
import { defaultRuleSources, readJson, repoRoot } from './helpers.js';

describe('content hash', () => {
  const sources = defaultRuleSources();
  const reorder = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(reorder)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .reverse()
              .map(([k, v]) => [k, reorder(v)]),
          )
        : value;

  it('ignores key order, file order and $schema; changes with any rule content', () => {
    const base = createPolicy(sources).hash;
    const shuffled = Object.fromEntries(
      Object.entries(sources)
        .reverse()
        .map(([n, c]) => [n, reorder(c)]),
    );
    assert.equal(createPolicy(shuffled).hash, base);
    const noSchema = Object.fromEntries(
      Object.entries(sources).map(([n, c]) => [n, { ...(c as object), $schema: undefined }]),
    );
    assert.equal(createPolicy(noSchema).hash, base);
    const edited = structuredClone(sources) as Record<string, { rules: { description: string }[] }>;
    edited['visibility.json']!.rules[0]!.description += ' ';
    assert.notEqual(createPolicy(edited).hash, base);
  });
});

describe('rule-file JSON Schema', () => {
  const committed = readJson(join(repoRoot, 'packages/policy/schema/rule-file.schema.json'));

  it('the committed schema is the one generated from zod (run `raincheck schema` after changing it)', () => {
    assert.deepEqual(committed, ruleFileJsonSchema());
  });

  it('accepts every default rule file and rejects what zod rejects', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(committed as object);
    for (const [name, content] of Object.entries(defaultRuleSources()))
      assert.ok(validate(content), `${name}: ${ajv.errorsText(validate.errors)}`);
    assert.equal(validate({ id: 'x', version: '1', description: 'd', rules: [] }), false);
  });

  it('agrees with the validator on what a rule file may look like', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(committed as object);
    const notify = { type: 'notify-client', params: { channels: ['email'], withinMinutes: 0 } };
    const cond = { fact: 'action', operator: 'equal', value: 'cancel' };
    const file = (rule: Record<string, unknown>) => ({
      id: 'area',
      version: '1.0.0',
      description: 'd',
      rules: [{ id: 'r', description: 'R.', conditions: { all: [cond] }, event: notify, ...rule }],
    });
    const samples: [string, unknown, boolean][] = [
      ['a plain rule', file({}), true],
      [
        'nested any / not',
        file({ conditions: { any: [{ not: cond }, { all: [cond, { ...cond, operator: 'in', value: ['cancel'] }] }] } }),
        true,
      ],
      ['a fact condition at the root', file({ conditions: cond }), false],
      ['an empty all', file({ conditions: { all: [] } }), false],
      ['an unknown operator', file({ conditions: { all: [{ ...cond, operator: 'matches' }] } }), false],
      ['an object as value', file({ conditions: { all: [{ ...cond, value: { a: 1 } }] } }), false],
      [
        'a JSONPath path',
        file({ conditions: { all: [{ fact: 'client', path: '$.isNew', operator: 'equal', value: true }] } }),
        false,
      ],
      ['no channels', file({ event: { type: 'notify-client', params: { channels: [], withinMinutes: 0 } } }), false],
      ['a fractional priority', file({ priority: 1.5 }), false],
      ['priority 0', file({ priority: 0 }), false],
      [
        'percent over 100',
        file({ event: { type: 'offer-refund', params: { percent: 120, mode: 'self-serve' } } }),
        false,
      ],
      [
        'params of another type',
        file({ event: { type: 'block', params: { channels: ['email'], withinMinutes: 0 } } }),
        false,
      ],
      ['an unknown event type', file({ event: { type: 'send-flowers', params: {} } }), false],
      ['a rule id that is not kebab-case', file({ id: 'Bad Id' }), false],
      ['an unknown key', file({ priorty: 2 }), false],
    ];
    for (const [what, sample, valid] of samples) {
      assert.equal(validate(sample), valid, `JSON Schema: ${what}`);
      assert.equal(validates(sample), valid, `validator: ${what}`);
    }
  });

  it('every default rule file points editors at the schema', () => {
    for (const name of Object.keys(defaultRuleSources())) {
      const text = readFileSync(join(repoRoot, 'rules', name), 'utf8');
      assert.match(text, /"\$schema": "\.\.\/packages\/policy\/schema\/rule-file\.schema\.json"/, name);
    }
  });
});
