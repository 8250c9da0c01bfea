// The default rules as a program reads them (`defaultRuleFiles`, source and built) are the files
// the package ships in rules/, `$schema` included: it resolves to the package's own schema from
// there, not to the repository path the source files carry.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { defaultRuleFiles as built } from '@raincheck/policy/rules';
import { defaultRuleFiles as source } from '../../src/default-rules.js';

const policyDir = new URL('../../', import.meta.url).pathname;
const schemaFile = resolve(policyDir, 'schema/rule-file.schema.json');

describe('defaultRuleFiles', () => {
  for (const [name, files] of [
    ['source', source],
    ['built', built],
  ] as const) {
    it(`(${name}) are the shipped rules/*.json, their $schema the package's schema from rules/`, () => {
      assert.ok(Object.keys(files).length >= 5);
      for (const [file, value] of Object.entries(files)) {
        const { $schema } = value as { $schema?: unknown };
        assert.equal(typeof $schema, 'string', `${file}: $schema`);
        assert.equal(resolve(policyDir, 'rules', $schema as string), schemaFile, `${file}: $schema ${String($schema)}`);
        assert.deepEqual(
          value,
          JSON.parse(readFileSync(resolve(policyDir, 'rules', file), 'utf8')),
          `${file}: as shipped in rules/`,
        );
      }
    });
  }
});
