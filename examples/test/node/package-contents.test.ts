// What the repository's built packages ship (`npm run build` first); examples.test.ts checks the
// same from the packed tarballs installed in a fresh folder.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { withTokensTable } from '../../../packages/elements/build/write-tokens-table.mjs';
import { defaultRuleFiles } from '@raincheck/policy/rules';
import {
  checkDefaultRules,
  checkManifestPaths,
  checkShippedRules,
  checkWorkerScript,
  typeErrors,
} from '../shared/package-checks.js';

const repository = new URL('../../../', import.meta.url).pathname;

describe('package contents', () => {
  it("the elements' registration entries carry the classes' types and the tag and event maps", () => {
    assert.deepEqual(typeErrors(repository, [`${repository}examples/test/fixtures/typed-entries.ts`]), []);
  });

  it('custom-elements.json names shipped dist/ modules, and each tag the entry that defines it', () => {
    checkManifestPaths(`${repository}packages/elements`);
  });

  it("the elements README's custom properties are the tokens the manifest lists", () => {
    const readme = readFileSync(`${repository}packages/elements/README.md`, 'utf8');
    assert.equal(
      readme,
      withTokensTable(readme),
      'packages/elements/README.md: the tokens table is stale (npm run build rewrites it)',
    );
    const manifest = JSON.parse(readFileSync(`${repository}packages/elements/custom-elements.json`, 'utf8')) as {
      modules: { declarations?: { tagName?: string; cssProperties?: { name: string }[] }[] }[];
    };
    const cancel = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .find((d) => d.tagName === 'rc-cancel-session')!;
    const inReadme = [...readme.matchAll(/^\| `(--rc-[\w-]+)`/gm)].map((m) => m[1]);
    assert.deepEqual(
      cancel.cssProperties?.map((p) => p.name),
      inReadme,
    );
    assert.equal(inReadme.length, 16);
  });

  it('the policy package ships the rule files, their $schema resolving inside the package', () => {
    checkShippedRules(`${repository}packages/policy`);
  });

  it('defaultRuleFiles (@raincheck/policy/rules) are the shipped rule files, $schema included', () => {
    checkDefaultRules(`${repository}packages/policy`, defaultRuleFiles);
  });

  it("the mock host's worker script is of the msw version it depends on", () => {
    checkWorkerScript(`${repository}packages/mock-host`, `${repository}node_modules/msw`);
  });
});
