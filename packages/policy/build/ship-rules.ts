// Ships the default rule files (the repository's rules/, fixtures in rules/tests/) in the package's
// own rules/ folder, so `npx raincheck validate node_modules/@raincheck/policy/rules` works in a
// partner's project. Each file's `$schema` is rewritten to the package's own schema
// (`../schema/rule-file.schema.json` from rules/, as `defaultRuleFiles` carries it), which resolves
// once installed; the repository's copies point at packages/policy/schema/ instead. The policy hash
// ignores `$schema`. Run by `build`.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withShippedSchema } from '../src/shipped-rule-schema.js';

const repositoryRules = new URL('../../../rules/', import.meta.url).pathname;
const shippedRules = new URL('../rules/', import.meta.url).pathname;

/** A rule or fixture file as shipped: its `$schema` (if any) pointing `depth` folders up to schema/. */
export function shippedText(text: string, file: string, depth: number): string {
  const value = JSON.parse(text) as Record<string, unknown>;
  if (!('$schema' in value)) return text;
  if (typeof value.$schema !== 'string') throw new Error(`${file}: $schema: expected a string`);
  return JSON.stringify(withShippedSchema(value, depth), null, 2) + '\n';
}

function copyFolder(from: string, to: string, depth: number): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.json')) {
      const file = join(from, entry.name);
      writeFileSync(join(to, entry.name), shippedText(readFileSync(file, 'utf8'), file, depth));
    }
  }
}

rmSync(shippedRules, { recursive: true, force: true });
copyFolder(repositoryRules, shippedRules, 1);
copyFolder(join(repositoryRules, 'tests'), join(shippedRules, 'tests'), 2);
