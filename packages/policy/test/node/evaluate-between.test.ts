import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPolicy } from '../../src/index.js';
import { cancelFacts, defaultRuleSources } from './helpers.js';

describe('an evaluation with `between` (a page yielding to the main thread between its steps)', () => {
  const policy = createPolicy(defaultRuleSources());
  const facts = cancelFacts({ now: '2027-06-10T08:00:00+01:00' });

  it('awaits it between its steps and decides as without it', async () => {
    let calls = 0;
    const decision = await policy.evaluate(facts, {
      between: async () => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    });
    assert.equal(calls, 2);
    assert.deepEqual(decision, await policy.evaluate(facts));
  });

  it('ends when it throws (an abort), and the next evaluation still decides', async () => {
    const aborted = new DOMException('superseded', 'AbortError');
    await assert.rejects(
      policy.evaluate(facts, {
        between: () => Promise.reject(aborted),
      }),
      (error) => error === aborted,
    );
    let calls = 0;
    await assert.rejects(
      policy.evaluate(facts, {
        between: () => (++calls === 2 ? Promise.reject(aborted) : Promise.resolve()),
      }),
      (error) => error === aborted,
    );
    assert.equal((await policy.evaluate(facts)).action, 'cancel');
  });
});
