import type { Db } from './db.js';
import { MIGRATIONS } from './migrations.generated.js';

/** Any number, the same in every process: the advisory lock migrations take on PostgreSQL. */
const MIGRATION_LOCK = 7_240_531;

/**
 * Brings the database up to date: each numbered migration not yet applied runs in its own
 * transaction and is recorded in `schema_migrations`. On PostgreSQL an advisory lock makes two
 * processes starting at once migrate one after the other.
 * @returns the versions applied now.
 */
export async function migrate(db: Db): Promise<string[]> {
  // Under the lock too: two processes creating the table at once collide in PostgreSQL's catalog.
  await db.transaction(async (tx) => {
    if (db.engine === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
  });
  const applied: string[] = [];
  for (const { version, sql } of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      if (db.engine === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      if ((await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [version])).length > 0) return false;
      // Statement by statement: a transaction's `query` takes one statement at a time on both engines.
      for (const statement of statementsOf(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      return true;
    });
    if (done) applied.push(version);
  }
  return applied;
}

/** A migration's statements: split at semicolons that end a line, comments dropped. */
export function statementsOf(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement !== '');
}
