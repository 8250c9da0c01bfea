import type { PGlite } from '@electric-sql/pglite';
import type { Db } from './db.js';

/**
 * A {@link Db} over a PGlite instance. PGlite has one connection and serialises every query and
 * transaction, so it can hide a missing row lock: the concurrency tests run on PostgreSQL too.
 */
export function pgliteDb(pglite: PGlite): Db {
  return {
    engine: 'pglite',
    query: async <T>(sql: string, params: readonly unknown[] = []) => (await pglite.query<T>(sql, [...params])).rows,
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    transaction: (work) =>
      pglite.transaction((tx) =>
        work({
          query: async <T>(sql: string, params: readonly unknown[] = []) => (await tx.query<T>(sql, [...params])).rows,
        }),
      ),
    close: () => pglite.close(),
  };
}
