// pgbench (tpcb-like, PostgreSQL's own benchmark) on the machine's PostgreSQL, as a yardstick for
// the reference host's cancels: the same server, the same client counts, the same run.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One pgbench run at one client count. */
export interface PgbenchRow {
  readonly clients: number;
  /** Transactions per second, without the initial connection time. */
  readonly tps: number;
  readonly transactions: number;
  /** Per-transaction latency quantiles, ms, from pgbench's own transaction log (`-l`). */
  readonly p50: number;
  readonly p99: number;
  readonly latencyAverage: number;
}

/**
 * pgbench on PATH, else the newest in /usr/lib/postgresql/<version>/bin (where Debian's cluster
 * lives, as scripts/start-postgres.sh finds it); undefined when there is none.
 */
export function findPgbench(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'pgbench'))) return join(dir, 'pgbench');
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((version) => join(root, version, 'bin/pgbench')).find((path) => existsSync(path));
}

/** A number pgbench printed, found by `pattern`. */
function reported(output: string, pattern: RegExp, what: string): number {
  const match = pattern.exec(output);
  if (!match) throw new Error(`pgbench printed no ${what}:\n${output}`);
  return Number(match[1]);
}

/**
 * Initialises pgbench's tables at `scale` in the (fresh, empty) database `url` names, then runs
 * the built-in tpcb-like script for `seconds` at each client count, one thread per client.
 * @throws Error when pgbench fails, or reports failed transactions.
 */
export async function pgbench(
  path: string,
  url: string,
  options: { readonly scale: number; readonly seconds: number; readonly clients: readonly number[] },
): Promise<PgbenchRow[]> {
  await run(path, ['-i', '-q', '-s', String(options.scale), url], { maxBuffer: 16 * 2 ** 20 });
  const rows: PgbenchRow[] = [];
  for (const clients of options.clients) {
    const logs = await mkdtemp(join(tmpdir(), 'rc-pgbench-'));
    try {
      const { stdout } = await run(
        path,
        [
          '-b',
          'tpcb-like',
          '-c',
          String(clients),
          '-j',
          String(clients),
          '-T',
          String(options.seconds),
          '-l',
          '--log-prefix',
          join(logs, 'log'),
          url,
        ],
        { maxBuffer: 16 * 2 ** 20 },
      );
      const failed = /number of failed transactions: (\d+)/.exec(stdout);
      if (failed && Number(failed[1]) > 0)
        throw new Error(`pgbench at ${clients} clients had ${failed[1]} failed transactions:\n${stdout}`);
      // Each log line: client id, transaction number, latency in µs, script, epoch s, µs.
      const latencies: number[] = [];
      for (const file of await readdir(logs)) {
        for (const line of (await readFile(join(logs, file), 'utf8')).split('\n')) {
          const micros = Number(line.split(' ')[2]);
          if (line && Number.isFinite(micros)) latencies.push(micros / 1000);
        }
      }
      latencies.sort((a, b) => a - b);
      const at = (q: number) =>
        latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
      rows.push({
        clients,
        tps: reported(stdout, /tps = ([\d.]+) \(without initial connection time\)/, 'tps'),
        transactions: reported(stdout, /number of transactions actually processed: (\d+)/, 'transaction count'),
        latencyAverage: reported(stdout, /latency average = ([\d.]+) ms/, 'average latency'),
        p50: at(0.5),
        p99: at(0.99),
      });
    } finally {
      await rm(logs, { recursive: true, force: true });
    }
  }
  return rows;
}
