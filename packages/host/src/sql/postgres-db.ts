import type { Pool } from 'pg';
import type { Db } from './db.js';

/** How long a statement waits for a row lock before the write fails (a 500 the caller may retry) instead of hanging. */
const LOCK_TIMEOUT = '5s';

/** A {@link Db} over a `pg` pool: each transaction on its own connection, with a lock timeout. */
export function postgresDb(pool: Pool): Db {
  return {
    engine: 'postgres',
    query: async <T>(sql: string, params: readonly unknown[] = []) => (await pool.query(sql, [...params])).rows as T[],
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (work, options = {}) => {
      const client = await pool.connect();
      let broken = false;
      try {
        // Reads see one moment of the database, not rows from before and after another write's commit.
        await client.query(options.readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
        await client.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
        const result = await work({
          query: async <T>(sql: string, params: readonly unknown[] = []) =>
            (await client.query(sql, [...params])).rows as T[],
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection whose ROLLBACK fails is not given back to the pool.
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
