import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as built from '@raincheck/policy/authoring';
import { createDefaultPolicy as createBuiltDefault } from '@raincheck/policy/rules';
import { runFixtures } from '../../src/authoring.js';
import { DEFAULT_POLICY } from '../../src/default-rules.js';
import { createPolicy } from '../../src/index.js';
import { defaultRuleSources, fixtureSources } from './helpers.js';

// The built package bundles json-rules-engine with small stand-ins for its JSONPath, event
// emitter, hash and debug dependencies; it must decide exactly as the source does.
describe('the built package', () => {
  it('passes every fixture, deciding exactly what the source decides', async () => {
    const fromBuild = await built.runFixtures(createBuiltDefault(), fixtureSources());
    assert.equal(
      fromBuild.failed,
      0,
      JSON.stringify(
        fromBuild.results.filter((r) => !r.passed),
        null,
        2,
      ),
    );
    const fromSource = await runFixtures(createPolicy(defaultRuleSources(), DEFAULT_POLICY), fixtureSources());
    assert.deepEqual(
      fromBuild.results.map((r) => r.decision),
      fromSource.results.map((r) => r.decision),
    );
  });

  it('covers every default rule both firing and not firing', async () => {
    const report = await built.runFixtures(createBuiltDefault(), fixtureSources());
    assert.deepEqual(report.neverFired, []);
    assert.deepEqual(report.alwaysFired, []);
  });

  it('imports without touching window (json-rules-engine alone reads window.localStorage)', () => {
    const windowReads = (specifiers: string[]) => {
      const script = `
        const reads = [];
        globalThis.window = new Proxy({}, { get: (_t, key) => { reads.push(String(key)); return undefined; } });
        for (const s of ${JSON.stringify(specifiers)}) await import(s);
        console.log(JSON.stringify(reads));`;
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
        cwd: fileURLToPath(new URL('.', import.meta.url)),
      });
      assert.equal(result.status, 0, result.stderr);
      return JSON.parse(result.stdout) as string[];
    };
    assert.deepEqual(windowReads(['@raincheck/policy', '@raincheck/policy/authoring', '@raincheck/policy/rules']), []);
    assert.ok(windowReads(['json-rules-engine']).includes('localStorage'), 'the control should read window');
  });
});
