import { describe } from 'node:test';
import { migrate } from '../../src/sql/migrate.js';
import { createSqlStore } from '../../src/sql/sql-store.js';
import { freshPglite, freshPostgres, postgresSkipNotice } from '../shared/databases.js';
import { storeConformance } from '../shared/store-conformance.js';

// The SQL store on both engines, through the same suite as the in-memory store.

storeConformance('SQL on PGlite', async () => {
  const { db, drop } = await freshPglite();
  await migrate(db);
  return { store: createSqlStore(db), close: drop };
});

const skipped = postgresSkipNotice();
describe('SQL on PostgreSQL', { skip: skipped }, () => {
  storeConformance('SQL on PostgreSQL', async () => {
    const made = await freshPostgres();
    if (!made) throw new Error('DATABASE_URL is not set');
    await migrate(made.db);
    return { store: createSqlStore(made.db), close: made.drop };
  });
});
