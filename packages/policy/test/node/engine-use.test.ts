import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { Engine } from 'json-rules-engine';
import { createPolicy } from '../../src/index.js';
import { varyingChanges } from '../shared/concurrency.js';
import { defaultRuleSources } from './helpers.js';

/** Runs `work` while counting the Engines `run` is called on, and the most runs one Engine had in flight at once. */
async function engineUse(work: () => Promise<unknown>): Promise<{ engines: number; mostInFlightOnOne: number }> {
  const inFlight = new Map<object, number>();
  let mostInFlightOnOne = 0;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the Engine as `this`
  const original = Engine.prototype.run;
  const run = mock.method(Engine.prototype, 'run', async function (this: Engine, ...args: Parameters<Engine['run']>) {
    const now = (inFlight.get(this) ?? 0) + 1;
    inFlight.set(this, now);
    mostInFlightOnOne = Math.max(mostInFlightOnOne, now);
    try {
      return await original.apply(this, args);
    } finally {
      inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
    }
  });
  try {
    await work();
    return { engines: inFlight.size, mostInFlightOnOne };
  } finally {
    run.mock.restore();
  }
}

describe('policy.evaluate borrows its Engines from the bounded pool', () => {
  const facts = varyingChanges(1_000);

  for (const maxEngines of [1, 3, 8]) {
    it(`1,000 overlapping evaluations with maxEngines ${maxEngines}: at most ${maxEngines} Engines, each running one evaluation at a time`, async () => {
      const policy = createPolicy(defaultRuleSources(), { maxEngines });
      const use = await engineUse(() => Promise.all(facts.map((f) => policy.evaluate(f))));
      assert.ok(use.engines >= 1 && use.engines <= maxEngines, `${use.engines} Engines ran`);
      assert.equal(use.mostInFlightOnOne, 1);
    });
  }
});
