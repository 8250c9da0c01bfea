import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as client from '@raincheck/host-api/client';
import * as writes from '@raincheck/host-api/client/writes';
import {
  AFTER_WRITE_IDS,
  CONTRACT_MODULES,
  LATER_READ_IDS,
  READ_IDS,
  WRITE_IDS,
} from '../../build/write-compiled-contract.js';
import { ENDPOINTS } from '../../src/endpoints.js';

// The compiled contract comes in three modules so a first load that only reads bundles no write's
// schemas (build/write-compiled-contract.ts); the mock host's compiled-contract test checks what they hold.
describe('the compiled contract, split into reads and writes', () => {
  for (const [file, source] of Object.entries(CONTRACT_MODULES))
    it(`src/${file} is what the endpoint table and zod schemas compile to now (the build writes it)`, () => {
      const onDisk = readFileSync(new URL(`../../src/${file}`, import.meta.url), 'utf8');
      assert.equal(onDisk, source(), 'run `npm run build -w @raincheck/host-api` and commit the generated files');
    });

  it('puts every endpoint on one side: GETs read, the rest write, and the later reads with the writes', () => {
    assert.deepEqual([...READ_IDS, ...WRITE_IDS, ...LATER_READ_IDS].sort(), Object.keys(ENDPOINTS).sort());
    for (const id of WRITE_IDS) assert.notEqual(ENDPOINTS[id].method, 'GET', id);
    for (const id of LATER_READ_IDS) assert.equal(ENDPOINTS[id].method, 'GET', id);
  });

  it('exports each write route and each later read from @raincheck/host-api/client/writes, the same object as from @raincheck/host-api/client', () => {
    const fromWrites = writes as unknown as Record<string, unknown>;
    const fromClient = client as unknown as Record<string, unknown>;
    assert.deepEqual(Object.keys(fromWrites).sort(), AFTER_WRITE_IDS.map((id) => `${id}Route`).sort());
    for (const id of AFTER_WRITE_IDS) {
      assert.equal(fromWrites[`${id}Route`], fromClient[`${id}Route`], `${id}Route`);
      assert.equal((fromWrites[`${id}Route`] as { id: string }).id, id);
    }
  });
});
