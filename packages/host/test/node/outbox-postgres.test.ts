import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedScenario } from '@raincheck/mock-host';
import { createDefaultPolicy } from '@raincheck/policy/rules';
import type { OutboxRow } from '../../src/core/outbox.js';
import { createOutboxWorker } from '../../src/outbox/worker.js';
import { seedStore } from '../../src/seed.js';
import { migrate } from '../../src/sql/migrate.js';
import { createSqlStore } from '../../src/sql/sql-store.js';
import { freshPostgres, postgresSkipNotice, type TestDatabase } from '../shared/databases.js';
import { recordingNotifier, renderFacts } from '../shared/delivery-fakes.js';

// Several workers on one PostgreSQL: SKIP LOCKED shares the due rows so that each is delivered
// once in normal operation. Only real PostgreSQL shows it (PGlite runs one transaction at a time).

const ROWS = 2000;
const NOW = Date.parse('2027-06-01T09:00:00Z');
const skip = postgresSkipNotice();

describe('outbox workers on PostgreSQL', { skip }, () => {
  let database: TestDatabase;
  before(async () => {
    database = (await freshPostgres())!;
    await migrate(database.db);
    const { offers: _offers, ...seed } = seedScenario('extended-absence', NOW);
    await seedStore(createSqlStore(database.db), { ...seed, offers: [] });
  });
  after(() => database?.drop());

  it(`three workers, ${ROWS} due rows: each delivered exactly once`, async () => {
    const store = createSqlStore(database.db);
    const at = new Date(NOW).toISOString();
    await store.write(async (tx) => {
      for (let i = 0; i < ROWS; i++) {
        const row: OutboxRow = {
          id: `bulk-${i}`,
          tenant: 'practice-a',
          kind: 'message',
          message: 'session-rearranged',
          channel: 'email',
          sessionId: `ses-${1 + (i % 3)}`,
          clientId: 'cli-ben',
          effectId: `bulk-${i}`,
          dedupeKey: `bulk-${i}`,
          createdAt: at,
          runAt: at,
          deadlineAt: new Date(NOW + 3_600_000).toISOString(),
          attempts: 0,
          lockedBy: null,
          lockedUntil: null,
          lastError: null,
          escalatedAt: null,
          outcome: null,
          doneAt: null,
        };
        await tx.addOutbox(row);
      }
    });
    const notifier = recordingNotifier(['email']);
    const policy = createDefaultPolicy();
    const workers = [0, 1, 2].map((n) =>
      createOutboxWorker({
        id: `pg-worker-${n}`,
        store: createSqlStore(database.db),
        policy: () => policy,
        render: renderFacts,
        notifiers: [notifier],
        now: () => NOW + 60_000,
        batchSize: 20,
      }),
    );
    await Promise.all(workers.map((w) => w.drain()));
    const ids = notifier.delivered.map((m) => m.id);
    assert.equal(ids.length, ROWS, `${ids.length} deliveries for ${ROWS} rows`);
    assert.equal(new Set(ids).size, ROWS, 'none twice');
    const [counted] = await database.db.query<{ sent: number }>(
      "SELECT count(*) FILTER (WHERE outcome = 'sent')::int AS sent FROM outbox",
    );
    assert.equal(counted?.sent, ROWS);
    const attempts = await database.db.query<{ attempts: number }>('SELECT DISTINCT attempts FROM outbox');
    assert.deepEqual(
      attempts.map((r) => r.attempts),
      [1],
      'one attempt each: no row was claimed twice',
    );
  });
});
