// `raincheck-host serve` on PGlite as a partner starts it (the built CLI, its own process): the time
// to its `listening on` line and its memory then, on a fresh data dir (cold: PGlite's initdb and
// the migrations) and on that same dir reopened (warm).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** The built CLI (`npm run build` makes it). */
export const CLI = new URL('../packages/host/dist/cli.js', import.meta.url).pathname;

/** One start of `serve`. */
export interface Startup {
  /** From spawning the process to its `listening on` line. */
  readonly listeningMs: number;
  /** VmRSS once listening. */
  readonly rssMiB: number;
  /** VmHWM once listening: the most it held so far (PGlite's initdb peaks above where it settles). */
  readonly peakRssMiB: number;
}

/** A `kB` field of /proc/<pid>/status, in MiB. */
function statusMiB(status: string, field: 'VmRSS' | 'VmHWM', pid: number): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(match[1]) / 1024;
}

/** Starts `serve` on `dataDir`, measures it once it listens, and stops it (SIGTERM, waiting for its exit). */
async function startOnce(dataDir: string): Promise<Startup> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dataDir], {
    // PGlite, never a DATABASE_URL the environment may carry.
    env: {
      ...process.env,
      DATABASE_URL: '',
      RAINCHECK_TOKEN_SECRET: 'the-benchmark-secret-of-serve-at-least-32-bytes',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const listeningMs = await new Promise<number>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += String(chunk);
        if (/listening on http:\/\/\S+/.test(output)) resolve(performance.now() - started);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) =>
        reject(new Error(`raincheck-host serve exited with ${code} before listening: ${output}`)),
      );
    });
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
    return {
      listeningMs,
      rssMiB: statusMiB(status, 'VmRSS', child.pid!),
      peakRssMiB: statusMiB(status, 'VmHWM', child.pid!),
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  }
}

/** `runs` cold starts, each on a fresh data dir, each followed by a warm start on the same dir. */
export async function serveStartups(runs = 3): Promise<{ cold: Startup[]; warm: Startup[] }> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm run bench does)`);
  const cold: Startup[] = [];
  const warm: Startup[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = await mkdtemp(join(tmpdir(), 'rc-bench-serve-'));
    try {
      cold.push(await startOnce(join(dir, 'data')));
      warm.push(await startOnce(join(dir, 'data')));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return { cold, warm };
}
