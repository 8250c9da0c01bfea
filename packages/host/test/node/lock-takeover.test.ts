import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startServe } from '../shared/serve-process.js';

// After a crash, two restarts at once: exactly one opens the PGlite directory, the other is refused.

describe('the PGlite lock after a crash', () => {
  it('lets exactly one of two processes started at once take over a dead holder’s lock', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'raincheck-lock-'));
    try {
      const dataDir = join(dir, 'data');
      const first = await startServe(['--data-dir', dataDir]);
      await first.kill();
      const starts = await Promise.allSettled([
        startServe(['--data-dir', dataDir]),
        startServe(['--data-dir', dataDir]),
      ]);
      const running = starts.filter((s) => s.status === 'fulfilled');
      try {
        assert.equal(
          running.length,
          1,
          starts.map((s) => (s.status === 'rejected' ? String(s.reason) : 'listening')).join(' | '),
        );
        const refused = starts.find((s) => s.status === 'rejected');
        assert.match(
          String(refused?.status === 'rejected' ? refused.reason : ''),
          /in use by another raincheck-host process \(pid \d+\)/,
        );
      } finally {
        for (const s of running) await s.value.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
