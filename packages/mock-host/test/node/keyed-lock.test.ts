import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createKeyedLock } from '../../src/keyed-lock.js';

/** A promise and the function that resolves it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createKeyedLock', () => {
  it('runs callers of one key one at a time, in the order they asked', async () => {
    const lock = createKeyedLock();
    const log: string[] = [];
    await Promise.all(
      [1, 2, 3, 4].map((n) =>
        lock.run(
          () => ['session:1'],
          async () => {
            log.push(`start ${n}`);
            await settle();
            log.push(`end ${n}`);
          },
        ),
      ),
    );
    assert.deepEqual(log, ['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3', 'start 4', 'end 4']);
    assert.equal(lock.activeKeys, 0, 'no key is kept once idle');
  });

  it('runs callers of different keys side by side', async () => {
    const lock = createKeyedLock();
    const gate = deferred();
    const started: string[] = [];
    const a = lock.run(() => ['a'], async () => {
      started.push('a');
      await gate.promise;
    });
    const b = lock.run(() => ['b'], async () => {
      started.push('b');
      await gate.promise;
    });
    await settle();
    assert.deepEqual(started, ['a', 'b'], 'b did not wait for a');
    assert.equal(lock.activeKeys, 2);
    gate.resolve();
    await Promise.all([a, b]);
    assert.equal(lock.activeKeys, 0);
  });

  it('queues for several keys at once, so callers naming them in opposite orders both finish, in the order they asked', async () => {
    const lock = createKeyedLock();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await settle();
      log.push(`end ${name}`);
    };
    await Promise.all([lock.run(() => ['a', 'b'], task('ab')), lock.run(() => ['b', 'a', 'b'], task('ba')), lock.run(() => ['b'], task('b'))]);
    assert.deepEqual(log, ['start ab', 'end ab', 'start ba', 'end ba', 'start b', 'end b']);
    assert.equal(lock.activeKeys, 0);
  });

  it('releases the keys of a task that throws, and passes its error on', async () => {
    const lock = createKeyedLock();
    const failing = lock.run(() => ['a'], () => Promise.reject(new Error('task failed')));
    const next = lock.run(() => ['a'], () => 'ran');
    await assert.rejects(failing, /task failed/);
    assert.equal(await next, 'ran');
    assert.equal(lock.activeKeys, 0);
  });

  it('takes the new keys when they changed while it waited', async () => {
    const lock = createKeyedLock();
    const gate = deferred();
    let owner: string | undefined;
    const log: string[] = [];
    // The first holder creates the thing the second caller names: only then does its key exist.
    const creator = lock.run(() => ['offer:1', 'session:1'], async () => {
      await gate.promise;
      owner = 'session:1';
      log.push('created');
    });
    const answer = lock.run(() => ['offer:1', ...(owner ? [owner] : [])], () => log.push('answered'));
    const other = lock.run(() => ['session:1'], async () => {
      await settle();
      log.push('other writer of session:1');
    });
    gate.resolve();
    await Promise.all([creator, answer, other]);
    assert.deepEqual(log, ['created', 'other writer of session:1', 'answered'], 'the answer waited for session:1 too');
    assert.equal(lock.activeKeys, 0);
  });
});
