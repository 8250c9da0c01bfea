import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The reference host as a partner runs it: `raincheck-host serve --fixtures` in its own process
// (the built CLI), on PGlite in a data dir or on PostgreSQL.

/** The built `raincheck-host` CLI. */
export const HOST_CLI = join(
  dirname(createRequire(import.meta.url).resolve('@raincheck/host/package.json')),
  'dist',
  'cli.js',
);

/** A running `serve`. */
export interface ServedHost {
  readonly url: string;
  output(): string;
  /** SIGTERM, and wait for it to exit. */
  stop(): Promise<void>;
}

/** Starts `raincheck-host serve --fixtures --port 0 …args`, resolving once it listens. */
export function serveReferenceHost(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<ServedHost> {
  const child = spawn(process.execPath, [HOST_CLI, 'serve', '--fixtures', '--port', '0', ...args], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      RAINCHECK_TOKEN_SECRET: 'conformance-test-secret-at-least-32-bytes-long',
      ...env,
    },
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url)
        resolve({
          url,
          output: () => output,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`raincheck-host serve exited with ${code}: ${output}`)));
  });
}
