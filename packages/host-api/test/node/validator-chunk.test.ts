import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('the contract validator, loaded beside the first call', () => {
  it('fails the call as unreachable when its chunk will not load, and loads again on the next call', () => {
    // A child process, so the resolution hook that refuses the validator's first import is its alone.
    const output = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        fixture('register-validator-fails-once.mjs'),
        fixture('validator-chunk-child.ts'),
      ],
      { encoding: 'utf8' },
    );
    const { first, second, requests } = JSON.parse(output) as {
      first: { ok: boolean; name?: string; code?: string; message?: string };
      second: { ok: boolean; sessionId?: string };
      requests: number;
    };
    // Never an unchecked answer: the host's answer arrived, but without the validator it is not accepted.
    assert.equal(first.ok, false);
    assert.equal(first.name, 'NetworkError');
    assert.equal(first.code, 'network');
    assert.match(first.message ?? '', /getSession/);
    // The failed import is not kept: the next call loads the validator and checks the answer.
    assert.deepEqual(second, { ok: true, sessionId: 'ses-1' });
    assert.equal(requests, 2);
  });
});
