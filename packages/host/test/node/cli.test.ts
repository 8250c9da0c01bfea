import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { CLI, startServe } from '../shared/serve-process.js';

// `raincheck-host` as a partner runs it: the built CLI, a PGlite data directory, a token it mints.

const run = promisify(execFile);
const serve = (args: string[]) => startServe(args);
const stop = (child: { stop(): Promise<void> }) => child.stop();

describe('raincheck-host', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'raincheck-host-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('serves the demo on a PGlite directory, with tokens it mints, refuses a second process, and keeps writes across a restart', async () => {
    const dataDir = join(dir, 'data');
    const first = await serve(['--data-dir', dataDir, '--seed', 'demo']);
    try {
      // The development secret is the data dir's own (named after it, as its lock is): another data
      // dir in the same folder has another, and its tokens are refused here.
      assert.ok(first.output().includes(`development secret in ${dataDir}.dev-token-secret `), first.output());
      assert.equal((await fetch(`${first.url}/healthz`)).status, 200);
      const mint = (forDataDir: string) =>
        run(
          process.execPath,
          [CLI, 'token', '--tenant', 'practice-a', '--sub', 'th-ana', '--role', 'therapist', '--data-dir', forDataDir],
          { env: { ...process.env, RAINCHECK_TOKEN_SECRET: '' } },
        );
      const { stdout: token } = await mint(dataDir);
      const headers = { authorization: `Bearer ${token.trim()}` };
      const read = await fetch(`${first.url}/sessions/ses-1`, { headers });
      assert.equal(read.status, 200);
      const { stdout: otherToken } = await mint(join(dir, 'other-data'));
      assert.equal(
        (await fetch(`${first.url}/sessions/ses-1`, { headers: { authorization: `Bearer ${otherToken.trim()}` } }))
          .status,
        401,
        "a token signed with another data dir's secret",
      );
      const visibility = await fetch(`${first.url}/therapists/th-ana/visibility`, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': 'hide-1' },
        body: JSON.stringify({ visible: false }),
      });
      assert.equal(visibility.status, 200);
      await assert.rejects(serve(['--data-dir', dataDir]), /in use by another raincheck-host process/);
      await stop(first);
      const second = await serve(['--data-dir', dataDir, '--seed', 'demo']);
      try {
        const again = await fetch(`${second.url}/therapists/th-ana`, { headers });
        assert.equal(
          ((await again.json()) as { therapist: { profileVisible: boolean } }).therapist.profileVisible,
          false,
          'the write survived the restart, and the demo seed did not overwrite it',
        );
      } finally {
        await stop(second);
      }
    } finally {
      await stop(first);
    }
  });

  it('decides with the rule files of a folder, and will not start on a broken one', async () => {
    const rules = join(dir, 'rules');
    await mkdir(rules);
    await cp(new URL('../../../../rules/', import.meta.url), rules, {
      recursive: true,
      filter: (source) => !source.includes('/tests'),
    });
    const good = await serve(['--data-dir', join(dir, 'rules-data'), '--rules', rules]);
    try {
      assert.match(good.output(), /Deciding with .* from /);
    } finally {
      await stop(good);
    }
    await writeFile(join(rules, 'broken.json'), '{ "id": "broken", ');
    await assert.rejects(serve(['--data-dir', join(dir, 'rules-data'), '--rules', rules]), /broken\.json/);
  });

  it('says how it is used, and refuses a bad role with exit code 2', async () => {
    await assert.rejects(
      run(process.execPath, [CLI]),
      (error: { code?: number; stderr?: string }) => error.code === 2 && /Usage:/.test(error.stderr ?? ''),
    );
    await assert.rejects(
      run(process.execPath, [CLI, 'token', '--tenant', 't', '--sub', 's', '--role', 'client']),
      (error: { code?: number; stderr?: string }) =>
        error.code === 2 && /--role must be one of therapist, team, admin/.test(error.stderr ?? ''),
    );
  });
});
