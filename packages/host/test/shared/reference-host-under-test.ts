import { PGlite } from '@electric-sql/pglite';
import { mintToken } from '@raincheck/host-api/tokens';
import { MOCK_IDENTITIES, seedScenario, type ScenarioName } from '@raincheck/mock-host';
import { newOfferToken, offerTokenHash } from '../../src/core/offer-token.js';
import { notificationsOf } from '../../src/core/notifications.js';
import type { StoredOffer } from '../../src/core/store.js';
import { OUTBOX_COLUMNS, rowOf, type OutboxSqlRow } from '../../src/sql/outbox-rows.js';
import { createHost, type Host } from '../../src/host.js';
import { createOutboxWorker } from '../../src/outbox/worker.js';
import { recordingNotifier, recordingRefunds, renderFacts } from './delivery-fakes.js';
import { seedStore } from '../../src/seed.js';
import type { Db } from '../../src/sql/db.js';
import { migrate } from '../../src/sql/migrate.js';
import { pgliteDb } from '../../src/sql/pglite-db.js';
import { createSqlStore } from '../../src/sql/sql-store.js';
import { SUITE_BASE_URL, type HostUnderTest, type ScenarioUnderTest } from './client-host-suite.js';
import { freshPostgres, type TestDatabase } from './databases.js';

// The reference host as the client × host suite's host under test: each scenario on a fresh,
// migrated database seeded with the mock host's scenario at the same clock, served by `createHost`
// straight through `host.fetch` (no network), with tokens minted for the scenario's people.

/** The test tenants' secrets: the reference host's own configuration, not the mock host's. */
const SECRETS: Readonly<Record<string, string>> = {
  'practice-a': 'client-host-suite-secret-of-practice-a-32b',
  'practice-b': 'client-host-suite-secret-of-practice-b-32b',
};

/** Makes an empty database for one scenario; `drop` frees it. */
type ScenarioDatabase = () => Promise<TestDatabase>;

/**
 * A host under test on fresh databases from `fresh`; `closeAll` frees what they share once the
 * file is done.
 */
function referenceHost(fresh: ScenarioDatabase, closeAll: () => Promise<void>): HostUnderTest {
  let running: { readonly host: Host; readonly database: TestDatabase } | undefined;
  const stop = async () => {
    if (!running) return;
    const { host, database } = running;
    running = undefined;
    await host.close();
    await database.drop();
  };
  return {
    async scenario(name: ScenarioName, now: number): Promise<ScenarioUnderTest> {
      // The team queue is filled by requests the mock host makes on start: not a seed a store can take.
      if (name === 'team-queue')
        throw new Error(
          'referenceHost: the "team-queue" scenario is filled by the mock host at start, not seeded; it cannot run here',
        );
      await stop();
      const database = await fresh();
      const { db } = database;
      const { offers, ...seed } = seedScenario(name, now);
      // Each offer gets a fresh random token; the store keeps only its hash, as the mock host does.
      const tokens = offers.map(() => newOfferToken());
      const stored: StoredOffer[] = await Promise.all(
        offers.map(async ({ name: _name, ...offer }, i) => ({ ...offer, tokenHash: await offerTokenHash(tokens[i]!) })),
      );
      await migrate(db);
      await seedStore(createSqlStore(db), { ...seed, offers: stored });
      // The database outlives the host: `stop` drops it after the host is closed.
      const host = await createHost({
        database: { ...db, close: () => Promise.resolve() },
        auth: { secret: (tenant) => SECRETS[tenant] },
        now: () => now,
        basePath: new URL(SUITE_BASE_URL).pathname,
      });
      running = { host, database };
      // Delivery as a worker process would do it, stepped by the test: every channel delivered, every refund carried out.
      const worker = createOutboxWorker({
        store: createSqlStore(db),
        policy: () => host.policy,
        now: () => now,
        render: renderFacts,
        notifiers: [recordingNotifier(['email', 'sms', 'phone', 'push'])],
        refunds: recordingRefunds(),
      });
      return {
        baseUrl: SUITE_BASE_URL,
        fetch: (input, init) => host.fetch(new Request(input, init)),
        token: (who) => {
          const identity = MOCK_IDENTITIES[who];
          return mintToken({ ...identity, secret: SECRETS[identity.tenant]!, now: () => now });
        },
        offerTokens: Object.fromEntries(offers.map((offer, i) => [offer.name, tokens[i]!])),
        observe: (work) => createSqlStore(db).read(work),
        deliver: async () => {
          await worker.drain();
        },
        outbox: async () =>
          notificationsOf(
            (await db.query<OutboxSqlRow>(`SELECT ${OUTBOX_COLUMNS} FROM outbox ORDER BY seq`)).map(rowOf),
            { immediateOnly: true },
          ),
      };
    },
    close: async () => {
      await stop();
      await closeAll();
    },
  };
}

/**
 * The reference host on one in-memory PGlite for the whole file (it takes seconds to start): each
 * scenario gets a schema of its own, dropped when the next starts. PGlite has one connection, so
 * `search_path` set once applies to everything the host runs.
 */
export async function referenceHostOnPglite(): Promise<HostUnderTest> {
  const pglite = await PGlite.create();
  const db: Db = pgliteDb(pglite);
  let schemas = 0;
  return referenceHost(
    async () => {
      const schema = `scenario_${++schemas}`;
      await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
      return { db, drop: () => db.exec(`SET search_path TO public; DROP SCHEMA ${schema} CASCADE`) };
    },
    () => pglite.close(),
  );
}

/**
 * The reference host on the PostgreSQL that DATABASE_URL names: each scenario on a fresh schema
 * (`freshPostgres`), dropped when the next starts.
 */
export function referenceHostOnPostgres(): Promise<HostUnderTest> {
  return Promise.resolve(
    referenceHost(
      async () => {
        const database = await freshPostgres();
        if (!database) throw new Error('referenceHostOnPostgres: DATABASE_URL is not set');
        return database;
      },
      () => Promise.resolve(),
    ),
  );
}
