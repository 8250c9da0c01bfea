import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
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
 * Opens the host's database. A PGlite directory is locked first (a lock beside it, renewed every
 * 2 s, stale after 10 s, taken over at once when its process is gone): a second process on the same
 * directory would silently corrupt it, so it is refused instead. PostgreSQL takes any number of
 * processes.
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
  const release = await lockDataDir(dataDir);
  const db = pgliteDb(await PGlite.create(dataDir));
  return {
    ...db,
    close: async () => {
      await db.close();
      await release();
    },
  };
}

const lockOptions = (dataDir: string) => ({ realpath: false, lockfilePath: `${dataDir}.lock`, update: 2_000, stale: 10_000 });

/**
 * Takes the data directory's lock, and writes this process's id beside it. A lock whose process is
 * gone (killed, crashed) is taken over at once instead of after it goes stale, so a restart right
 * after a crash works; a live holder is refused.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  // Beside the lock, not in it: proper-lockfile watches its lock directory's mtime.
  const pidFile = `${dataDir}.lock.pid`;
  for (let attempt = 0; ; attempt++) {
    try {
      const release = await lockfile.lock(dataDir, lockOptions(dataDir));
      await writeFile(pidFile, String(process.pid));
      return async () => {
        await rm(pidFile, { force: true });
        await release();
      };
    } catch (error) {
      if ((error as { code?: string }).code !== 'ELOCKED') throw error;
      const holder = Number(await readFile(pidFile, 'utf8').catch(() => 'NaN'));
      if (attempt === 0 && Number.isInteger(holder) && holder !== process.pid && !isAlive(holder)) {
        await rm(`${dataDir}.lock`, { recursive: true, force: true });
        await rm(pidFile, { force: true });
        continue;
      }
      throw new DataDirectoryLockedError(
        `${dataDir} is in use by another raincheck-host process${Number.isInteger(holder) ? ` (pid ${holder})` : ''} (lock ${dataDir}.lock). PGlite is one process only: stop the other one, or use PostgreSQL (--database-url) for several.`,
      );
    }
  }
}

/** Whether a process of this id runs on this machine (signal 0 checks without sending anything). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
