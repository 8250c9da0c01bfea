import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db } from '../../src/sql/db.js';
import { pgliteDb } from '../../src/sql/pglite-db.js';
import { postgresDb } from '../../src/sql/postgres-db.js';

// The databases the SQL tests run on: PGlite always; PostgreSQL when DATABASE_URL names one
// (CI starts one). Without it the PostgreSQL cases are skipped with a loud notice, never passed.

/** A fresh, empty database for one test, and how to drop it. */
export interface TestDatabase {
  readonly db: Db;
  readonly drop: () => Promise<void>;
}

/** A new in-memory PGlite (a few seconds to start: share it within a file where you can). */
export async function freshPglite(): Promise<TestDatabase> {
  const db = pgliteDb(await PGlite.create());
  return { db, drop: () => db.close() };
}

let schemas = 0;

/**
 * A fresh schema in the PostgreSQL that DATABASE_URL names, on a pool whose connections use only
 * it, or undefined when there is no DATABASE_URL.
 */
export async function freshPostgres(): Promise<TestDatabase | undefined> {
  const url = process.env.DATABASE_URL;
  if (!url) return undefined;
  const schema = `rc_test_${process.pid}_${++schemas}_${Date.now()}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` });
  const db = postgresDb(pool);
  return {
    db,
    drop: async () => {
      await db.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** Says once, loudly, that PostgreSQL cases were skipped. */
export function postgresSkipNotice(): string | false {
  if (process.env.DATABASE_URL) return false;
  const notice =
    'SKIPPED: no DATABASE_URL, so the PostgreSQL cases did not run (CI starts PostgreSQL; see .ci/run). PGlite cannot catch a missing row lock.';
  console.warn(`\n*** ${notice} ***\n`);
  return notice;
}
