import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { getRequestListener } from '@hono/node-server';
import express from 'express';
import { createHostClient } from '@raincheck/host-api';
import { mintToken } from '@raincheck/host-api/tokens';
import { seedScenario } from '@raincheck/mock-host';
import { createHost, openDatabase, seedStore, createSqlStore, migrate, type Host } from '../../src/index.js';

// A partner mounting the reference host in their own server, as the README shows: in Express under
// a path, and in plain Node's http server.

const SECRET = 'a-secret-of-practice-a-at-least-32-bytes';
const token = () => mintToken({ tenant: 'practice-a', subject: 'th-ana', role: 'therapist', secret: SECRET });

async function demoHost(basePath?: string): Promise<Host> {
  const database = await openDatabase({ memory: true });
  await migrate(database);
  const { offers: _offers, ...seed } = seedScenario('ordinary-cancellation');
  await seedStore(createSqlStore(database), { ...seed, offers: [] });
  return createHost({ database, auth: { secret: SECRET }, ...(basePath ? { basePath } : {}) });
}

const listening = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );

describe('mounting the reference host', () => {
  let host: Host;
  let servers: Server[] = [];
  before(async () => {
    host = await demoHost('/raincheck');
  });
  after(async () => {
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
    servers = [];
    await host?.close();
  });

  it('in Express, under /raincheck, beside the partner’s own routes', async () => {
    const app = express();
    app.get('/own', (_request, response) => void response.json({ partner: true }));
    // Express strips the mount path from req.url, so the host sees its own paths: basePath stays ''.
    const mounted = await demoHost();
    app.use(
      '/raincheck',
      getRequestListener((request) => mounted.fetch(request)),
    );
    const server = createServer(app);
    servers.push(server);
    const url = await listening(server);
    try {
      const client = createHostClient({ baseUrl: `${url}/raincheck`, token, retries: 0 });
      assert.equal((await client.getSession({ sessionId: 'ses-1' })).session.id, 'ses-1');
      assert.deepEqual(await (await fetch(`${url}/own`)).json(), { partner: true });
    } finally {
      await mounted.close();
    }
  });

  it('in plain Node, with the API under a base path', async () => {
    const listener = getRequestListener((request) => host.fetch(request));
    const server = createServer((incoming, outgoing) => void listener(incoming, outgoing));
    servers.push(server);
    const url = await listening(server);
    const client = createHostClient({ baseUrl: `${url}/raincheck`, token, retries: 0 });
    assert.equal((await client.getSession({ sessionId: 'ses-1' })).session.status, 'scheduled');
    assert.equal((await fetch(`${url}/raincheck/healthz`)).status, 200);
    const elsewhere = await fetch(`${url}/zzzzzzzzz/sessions/ses-1`, {
      headers: { authorization: `Bearer ${await token()}` },
    });
    assert.equal(elsewhere.status, 404, 'a path of the same length outside the base path is not the API');
  });
});
