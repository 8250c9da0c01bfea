import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createPolicy, ruleFileJsonSchema } from '../../src/index.js';
import { defaultRuleSources, readJson, repoRoot } from './helpers.js';

describe('content hash', () => {
  const sources = defaultRuleSources();
  const reorder = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(reorder) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorder(v)])) : value;

  it('ignores key order, file order and $schema; changes with any rule content', () => {
    const base = createPolicy(sources).hash;
    const shuffled = Object.fromEntries(Object.entries(sources).reverse().map(([n, c]) => [n, reorder(c)]));
    assert.equal(createPolicy(shuffled).hash, base);
    const noSchema = Object.fromEntries(Object.entries(sources).map(([n, c]) => [n, { ...(c as object), $schema: undefined }]));
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
    for (const [name, content] of Object.entries(defaultRuleSources())) assert.ok(validate(content), `${name}: ${ajv.errorsText(validate.errors)}`);
    assert.equal(validate({ id: 'x', version: '1', description: 'd', rules: [] }), false);
  });

  it('every default rule file points editors at the schema', () => {
    for (const name of Object.keys(defaultRuleSources())) {
      const text = readFileSync(join(repoRoot, 'rules', name), 'utf8');
      assert.match(text, /"\$schema": "\.\.\/packages\/policy\/schema\/rule-file\.schema\.json"/, name);
    }
  });
});
