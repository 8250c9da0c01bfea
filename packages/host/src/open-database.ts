import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import type { Db } from './sql/db.js';
import { pgliteDb } from './sql/pglite-db.js';
import { postgresDb } from './sql/postgres-db.js';

/** Where the reference host keeps its data: a PGlite directory (default), memory, or a PostgreSQL URL. */
export type DatabaseLocation =
  { readonly dataDir: string } | { readonly databaseUrl: string } | { readonly memory: true };

/** How to open a database. */
export interface OpenDatabaseOptions {
  /**
   * Called if the PGlite directory's lock is lost while open (it could not be renewed in time, or
   * another process took it): the process should stop using the directory. Default: log it.
   */
  readonly onLockLost?: (error: Error) => void;
}

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
export async function openDatabase(location: DatabaseLocation, options: OpenDatabaseOptions = {}): Promise<Db> {
  if ('databaseUrl' in location) {
    const { default: pg } = await import('pg');
    return postgresDb(new pg.Pool({ connectionString: location.databaseUrl, max: 10 }));
  }
  const { PGlite } = await import('@electric-sql/pglite');
  if ('memory' in location) return pgliteDb(await PGlite.create());
  const dataDir = resolve(location.dataDir);
  await mkdir(dirname(dataDir), { recursive: true });
  const release = await lockDataDir(
    dataDir,
    options.onLockLost ??
      ((error) =>
        console.error(
          `raincheck-host: the lock on ${dataDir} was lost (${error.message}): stop this process before another one corrupts the data.`,
        )),
  );
  const db = pgliteDb(await PGlite.create(dataDir));
  return {
    ...db,
    close: async () => {
      await db.close();
      await release();
    },
  };
}

/** How often the lock is renewed, and after how long without renewal it is stale. */
const RENEW_MS = 2_000;
const STALE_MS = 10_000;
/** A dead holder's lock is taken over once it has also gone this long without renewal (a live holder renews it). */
const UNRENEWED_MS = 2 * RENEW_MS;

/**
 * Takes the data directory's lock, and writes this process's id beside it. A lock whose process
 * is gone (killed, crashed) is taken over within seconds instead of after it goes stale, so a
 * restart right after a crash works; but only once it has stopped being renewed (a holder in
 * another container has a pid this machine does not see), and atomically (by renaming it away,
 * which only one process can do). A live holder is refused.
 */
async function lockDataDir(dataDir: string, onLockLost: (error: Error) => void): Promise<() => Promise<void>> {
  const lockDir = `${dataDir}.lock`;
  // Beside the lock, not in it: proper-lockfile watches its lock directory's mtime.
  const pidFile = `${dataDir}.lock.pid`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const release = await lockfile.lock(dataDir, {
        realpath: false,
        lockfilePath: lockDir,
        update: RENEW_MS,
        stale: STALE_MS,
        onCompromised: onLockLost,
      });
      await writeFile(pidFile, String(process.pid));
      return async () => {
        await rm(pidFile, { force: true });
        await release();
      };
    } catch (error) {
      if ((error as { code?: string }).code !== 'ELOCKED') throw error;
      const holder = Number(await readFile(pidFile, 'utf8').catch(() => 'NaN'));
      if (!Number.isInteger(holder) || holder === process.pid || isAlive(holder)) {
        throw new DataDirectoryLockedError(
          `${dataDir} is in use by another raincheck-host process${Number.isInteger(holder) ? ` (pid ${holder})` : ''} (lock ${lockDir}). PGlite is one process only: stop the other one, or use PostgreSQL (--database-url) for several.`,
        );
      }
      const unrenewed = Date.now() - (await stat(lockDir).catch(() => ({ mtimeMs: 0 }))).mtimeMs;
      if (unrenewed < UNRENEWED_MS) {
        await new Promise((resolve) => setTimeout(resolve, UNRENEWED_MS - unrenewed + 250));
        continue;
      }
      const aside = `${lockDir}.stale-${process.pid}-${Date.now()}`;
      try {
        await rename(lockDir, aside);
      } catch {
        continue; // another process took it over first: try again, and meet its live lock
      }
      // Between the look and the rename, another process may have taken the dead lock over and made
      // its own: if what was moved is fresh, it is that live lock, and goes straight back.
      if (Date.now() - (await stat(aside)).mtimeMs < UNRENEWED_MS) {
        await rename(aside, lockDir).catch(() => undefined);
        continue;
      }
      await rm(aside, { recursive: true, force: true });
    }
  }
  throw new DataDirectoryLockedError(
    `${dataDir}: its lock (${lockDir}) is still renewed by a process this machine does not see (another container?), or keeps being taken: stop the other process.`,
  );
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
