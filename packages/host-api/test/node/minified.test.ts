import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { build } from 'vite';

// The client as a partner's page runs it: built (dist/) and minified by Vite (Rolldown and Oxc), so
// a check a minifier may take for code without effects is tested where it could be dropped.

const clientEntry = new URL('../../dist/client-entry.js', import.meta.url).pathname;

type ClientModule = typeof import('../../src/client-entry.js');

let directory: string;
let client: ClientModule;

before(async () => {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: clientEntry, formats: ['es'], fileName: 'client' },
    },
  });
  const [output] = [result].flat();
  assert.ok(output && 'output' in output, 'Vite should return its output');
  const chunk = output.output.find((item) => item.type === 'chunk' && item.isEntry);
  assert.ok(chunk?.type === 'chunk');
  directory = await mkdtemp(join(tmpdir(), 'raincheck-minified-'));
  // Every chunk: the client imports the validator lazily, from a chunk of its own.
  for (const item of output.output)
    if (item.type === 'chunk') await writeFile(join(directory, item.fileName), item.code);
  client = (await import(pathToFileURL(join(directory, chunk.fileName)).href)) as ClientModule;
});

after(() => rm(directory, { recursive: true, force: true }));

describe('the minified client', () => {
  it('still refuses a path parameter with a lone surrogate before anything is sent', async () => {
    let calls = 0;
    const transport = client.createHostTransport({
      baseUrl: 'https://partner.test/api',
      fetch: () => (calls++, Promise.resolve(Response.json({}))),
    });
    const error: unknown = await transport.send(client.getSessionRoute, { sessionId: 'ses\uD800' }).then(
      () => undefined,
      (rejected: unknown) => rejected,
    );
    assert.ok(error instanceof client.ContractError, String(error));
    assert.equal(error.field, '$.sessionId');
    assert.match(error.message, /lone surrogate/);
    assert.equal(calls, 0);
    assert.throws(() => client.fillPath('/sessions/{sessionId}', { sessionId: '\uDC00' }), /lone surrogate/);
  });

  it('still refuses dot segments and encodes every other value into one segment', () => {
    assert.throws(() => client.fillPath('/sessions/{sessionId}', { sessionId: '..' }), /dot segment/);
    assert.equal(client.fillPath('/offers/{token}/answer', { token: 'a/b c' }), '/offers/a%2Fb%20c/answer');
  });
});
