import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import {
  canonicalJson,
  createPolicy,
  createValidatedPolicy,
  validateRuleFiles,
  vouchedPolicy,
  vouchedRuleFiles,
} from '../../src/index.js';
import { EnginePool } from '../../src/engine-pool.js';
import { mergeEffects, type FiredRule } from '../../src/merge.js';
import { varyingChanges } from '../shared/concurrency.js';
import { cancelFacts, defaultRuleSources, rule, ruleFile } from './helpers.js';

// Before the merge was linear these never finished (a group's list was copied for each of its
// rules); the timeout only turns such a hang into a failure, it is not a measure of speed.
const HANG_GUARD = { timeout: 300_000 };

describe('a decision is linear in the rules', () => {
  it('merges 200,000 fired notifications (no spread of every deadline into one call)', HANG_GUARD, () => {
    const fired: FiredRule[] = Array.from({ length: 200_000 }, (_, i) => ({
      ruleId: `n${i}`,
      priority: 1,
      event: {
        type: 'notify-client',
        params: { channels: ['email'], withinMinutes: 10 + i, followUp: { afterHours: 24 + i } },
      },
      message: `Rule n${i}.`,
    }));
    const { notify } = mergeEffects(fired, cancelFacts());
    assert.equal(notify?.withinMinutes, 10);
    assert.deepEqual(notify?.followUp, { afterHours: 24 });
    assert.equal(notify?.ruleIds.length, 200_000);
  });

  it('builds and decides with 100,000 rules (a smoke test)', HANG_GUARD, async () => {
    const rules = Array.from({ length: 100_000 }, (_, i) =>
      rule(
        `r${i}`,
        i % 2 === 0
          ? { type: 'route-to-team', params: { reason: 'same' } }
          : { type: 'notify-client', params: { channels: ['email'], withinMinutes: 5 + i } },
        { priority: 1 + (i % 3) },
      ),
    );
    const policy = createPolicy({ 'big.json': ruleFile(rules) });
    const decision = await policy.evaluate(cancelFacts());
    assert.equal(decision.outcome, 'needs-team');
    assert.equal(decision.team[0]?.ruleIds.length, 50_000);
    assert.equal(decision.notify?.withinMinutes, 6);
    assert.equal(decision.explanations.length, 100_000);
    assert.ok(decision.explanations.every((e, i) => e.ruleId === `r${i}` && e.fired));
  });
});

/** A pool of numbered stand-in engines that counts how many exist at once. */
function countingPool(size: number) {
  let made = 0;
  const pool = new EnginePool(() => ++made, size);
  let busy = 0;
  let mostBusy = 0;
  const run = async <T>(work: (engine: number) => Promise<T>) =>
    pool.use(async (engine) => {
      busy++;
      mostBusy = Math.max(mostBusy, busy, pool.engines);
      try {
        return await work(engine);
      } finally {
        busy--;
      }
    });
  return { pool, run, made: () => made, mostBusy: () => mostBusy };
}

describe('overlapping evaluations share a bounded pool of engines', () => {
  it('1,000 in flight use at most the pool size, and wait their turn in order', async () => {
    const { pool, run, made, mostBusy } = countingPool(4);
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 1_000 }, (_, i) =>
        run(async () => {
          started.push(i);
          for (let k = 0; k < i % 7; k++) await Promise.resolve();
          return i * 2;
        }),
      ),
    );
    assert.deepEqual(
      results,
      Array.from({ length: 1_000 }, (_, i) => i * 2),
    );
    assert.equal(made(), 4);
    assert.equal(mostBusy(), 4);
    assert.equal(pool.engines, 4);
    assert.deepEqual(
      started,
      [...started].sort((a, b) => a - b),
      'first come, first served',
    );
  });

  it('an evaluation that throws frees its place: waiting ones still run, on a fresh engine', async () => {
    const { pool, run, made } = countingPool(1);
    const failing = run(async () => {
      await Promise.resolve();
      throw new Error('boom');
    });
    const waiting = run((engine) => Promise.resolve(engine));
    await assert.rejects(failing, /boom/);
    assert.equal(await waiting, 2, 'the thrown-on engine is not reused');
    assert.equal(made(), 2);
    assert.equal(pool.engines, 1);
  });

  it('refuses a size that is not a whole number ≥ 1', () => {
    for (const size of [0, -1, 1.5, Number.NaN])
      assert.throws(() => new EnginePool(() => 1, size), /maxEngines must be a whole number/);
  });

  it('1,000 evaluations in flight decide what they decide one by one, with any pool size', async () => {
    const facts = varyingChanges(1_000);
    const oneByOne = createPolicy(defaultRuleSources());
    const sequential = [];
    for (const f of facts) sequential.push(await oneByOne.evaluate(f));
    for (const maxEngines of [1, 8]) {
      const policy = createPolicy(defaultRuleSources(), { maxEngines });
      assert.deepEqual(await Promise.all(facts.map((f) => policy.evaluate(f))), sequential, `maxEngines ${maxEngines}`);
    }
  });
});

/**
 * How many times `run` hashes the default rules: a hash is two FNV-1a passes over the canonical
 * JSON, one Math.imul per character each, so the calls counted divided by twice that length.
 */
function hashesDuring(run: () => void): number {
  const files = Object.values(defaultRuleSources()) as Record<string, unknown>[];
  const length = canonicalJson(files.map(({ $schema: _ignored, ...file }) => file)).length;
  const imul = mock.method(Math, 'imul');
  try {
    run();
    return Math.round(imul.mock.callCount() / (2 * length));
  } finally {
    imul.mock.restore();
  }
}

describe('the policy hash is computed once per rules load', () => {
  const sources = defaultRuleSources();
  const { hash } = createPolicy(sources);

  it('for rules a host vouched for: the hash that checked them names the policy', () => {
    assert.equal(
      hashesDuring(() => vouchedPolicy(sources, hash)),
      1,
    );
    assert.equal(vouchedPolicy(sources, hash)?.hash, hash);
    assert.equal(vouchedPolicy(sources, 'other'), undefined);
  });

  it('for rules validated in the page', () => {
    assert.equal(
      hashesDuring(() => createValidatedPolicy(validateRuleFiles(sources))),
      1,
    );
    assert.equal(
      hashesDuring(() => createPolicy(sources)),
      1,
    );
  });

  it('vouchedPolicy decides as vouchedRuleFiles and createValidatedPolicy do', async () => {
    const facts = cancelFacts({ now: '2027-06-09T12:00:00+01:00' });
    assert.deepEqual(
      await vouchedPolicy(sources, hash)!.evaluate(facts),
      await createValidatedPolicy(vouchedRuleFiles(sources, hash)!).evaluate(facts),
    );
  });
});
