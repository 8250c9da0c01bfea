import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrate } from '../../src/sql/migrate.js';
import { prune } from '../../src/sql/maintenance.js';
import { freshPglite, type TestDatabase } from '../shared/databases.js';

// What the host forgets, and when: audit entries past their retention, idempotency answers past expiry.

describe('pruning the reference host’s database', () => {
  let database: TestDatabase;
  before(async () => {
    database = await freshPglite();
    await migrate(database.db);
  });
  after(() => database?.drop());

  it('deletes audit entries older than the retention and expired idempotency answers, and nothing else', async () => {
    const { db } = database;
    const entry = (id: string) => JSON.stringify({ id });
    await db.query(
      "INSERT INTO audit_log (id, tenant_id, mismatch, recorded_at, data) VALUES ('old', 't', false, now() - interval '40 days', $1), ('recent', 't', false, now() - interval '2 days', $2)",
      [entry('old'), entry('recent')],
    );
    await db.query(
      "INSERT INTO idempotency_keys (scope, fingerprint, status, body, headers, expires_at) VALUES ('gone', 'f', 200, '{}', '[]', 1000), ('kept', 'f', 200, '{}', '[]', 3000)",
    );
    assert.deepEqual(await prune(db, { auditRetentionDays: 30, now: 2000 }), { audit: 1, idempotencyKeys: 1 });
    assert.deepEqual(
      (await db.query<{ id: string }>('SELECT id FROM audit_log')).map((r) => r.id),
      ['recent'],
    );
    assert.deepEqual(
      (await db.query<{ scope: string }>('SELECT scope FROM idempotency_keys')).map((r) => r.scope),
      ['kept'],
    );
  });

  it('migrates once: a second run applies nothing', async () => {
    assert.deepEqual(await migrate(database.db), []);
  });
});
