import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import type { Db } from './sql/db.js';
import { pgliteDb } from './sql/pglite-db.js';
import { postgresDb } from './sql/postgres-db.js';

/** Where the reference host keeps its data: a PGlite directory (default), memory, or a PostgreSQL URL. */
export type DatabaseLocation = { readonly dataDir: string } | { readonly databaseUrl: string } | { readonly memory: true };

/** Thrown when another process already has the PGlite data directory open. */
export class DataDirectoryLockedError extends Error {
  override readonly name = 'DataDirectoryLockedError';
}

/**
 * Opens the host's database. A PGlite directory is locked first (a lock file beside it, renewed
 * every 2 s, stale after 10 s): a second process on the same directory would silently corrupt it,
 * so it is refused instead. PostgreSQL takes any number of processes.
 * @throws DataDirectoryLockedError when another live process holds the directory.
 */
export async function openDatabase(location: DatabaseLocation): Promise<Db> {
  if ('databaseUrl' in location) {
    const { default: pg } = await import('pg');
    return postgresDb(new pg.Pool({ connectionString: location.databaseUrl, max: 10 }));
  }
  const { PGlite } = await import('@electric-sql/pglite');
  if ('memory' in location) return pgliteDb(await PGlite.create());
  const dataDir = resolve(location.dataDir);
  await mkdir(dirname(dataDir), { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, { realpath: false, lockfilePath: `${dataDir}.lock`, update: 2_000, stale: 10_000 });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') {
      throw new DataDirectoryLockedError(`${dataDir} is in use by another raincheck-host process (lock ${dataDir}.lock). PGlite is one process only: stop the other one, or use PostgreSQL (--database-url) for several.`);
    }
    throw error;
  }
  const db = pgliteDb(await PGlite.create(dataDir));
  return {
    ...db,
    close: async () => {
      await db.close();
      await release();
    },
  };
}
