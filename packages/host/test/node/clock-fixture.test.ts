import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestClock } from '../../src/core/test-clock.js';
import { createHost } from '../../src/host.js';
import { pgliteDb } from '../../src/sql/pglite-db.js';
import { PGlite } from '@electric-sql/pglite';

// POST /_fixtures/clock: moves the host's test clock (its core's and its worker's); 404 without one.

const post = (host: { fetch(request: Request): Promise<Response> }, body: unknown) =>
  host.fetch(
    new Request('http://host/_fixtures/clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );

describe('POST /_fixtures/clock', () => {
  it('advances or sets the test clock and says what time it is now; refuses a body it cannot read; 404 without a test clock', async () => {
    // Real time stands still here, so the figures are exact.
    const clock = createTestClock(Date.parse('2027-06-01T09:00:00Z'), () => 1_000_000);
    const host = await createHost({
      database: pgliteDb(await PGlite.create()),
      auth: { secret: 'clock-fixture-secret-at-least-32-bytes' },
      testClock: clock,
    });
    try {
      const advanced = await post(host, { advanceMinutes: 90 });
      assert.equal(advanced.status, 200);
      assert.deepEqual(await advanced.json(), { now: '2027-06-01T10:30:00.000Z' });
      assert.equal(clock.now(), Date.parse('2027-06-01T10:30:00Z'), 'the host’s clock moved');
      const set = await post(host, { now: '2027-07-01T12:00:00+02:00' });
      assert.deepEqual(await set.json(), { now: '2027-07-01T10:00:00.000Z' });
      for (const bad of [
        {},
        { advanceMinutes: -5 },
        { now: 'tomorrow' },
        { advanceMinutes: 1, now: '2027-07-01T10:00:00Z' },
      ]) {
        const refused = await post(host, bad);
        assert.equal(refused.status, 400, JSON.stringify(bad));
        assert.match(((await refused.json()) as { error: { message: string } }).error.message, /advanceMinutes|now/);
      }
    } finally {
      await host.close();
    }
    const plain = await createHost({
      database: pgliteDb(await PGlite.create()),
      auth: { secret: 'clock-fixture-secret-at-least-32-bytes' },
    });
    try {
      assert.equal((await post(plain, { advanceMinutes: 5 })).status, 404);
    } finally {
      await plain.close();
    }
  });
});
