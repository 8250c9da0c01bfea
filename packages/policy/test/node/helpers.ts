import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = new URL('../../../../', import.meta.url).pathname;
export const rulesDir = join(repoRoot, 'rules');

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** The default rule files, `{ "name.json": content }`, read from disk. */
export function defaultRuleSources(): Record<string, unknown> {
  return Object.fromEntries(
    readdirSync(rulesDir)
      .filter((n) => n.endsWith('.json'))
      .map((n) => [n, readJson(join(rulesDir, n))]),
  );
}

/** The fixture files, `{ "name.test.json": content }`. */
export function fixtureSources(): Record<string, unknown> {
  const dir = join(rulesDir, 'tests');
  return Object.fromEntries(
    readdirSync(dir)
      .filter((n) => n.endsWith('.test.json'))
      .map((n) => [n, readJson(join(dir, n))]),
  );
}

export { cancelFacts } from '../shared/sample-facts.js';

/** A minimal valid rule file with the given rules. */
export function ruleFile(rules: unknown[], id = 'test-area'): Record<string, unknown> {
  return { id, version: '1.0.0', description: 'Rules under test.', rules };
}

/** A rule that fires for every cancellation. */
export function rule(id: string, event: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    description: `Rule ${id}.`,
    conditions: { all: [{ fact: 'action', operator: 'equal', value: 'cancel' }] },
    event,
    ...extra,
  };
}
