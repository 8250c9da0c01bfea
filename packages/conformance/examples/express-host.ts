// A partner's Express server with the Raincheck host API mounted under /raincheck, checked by the
// conformance kit. Run: node --import tsx examples/express-host.ts (exit 1 on a failed check).
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import express from 'express';
import { formatTable, runConformance } from '@raincheck/conformance';
import { createHost, openDatabase } from '@raincheck/host';
import { SCENARIOS, seedScenario, type ScenarioName } from '@raincheck/mock-host';

const secret = process.env.RAINCHECK_TOKEN_SECRET || 'a-development-secret-of-at-least-32-bytes';
const host = await createHost({
  database: await openDatabase({ memory: true }),
  auth: { secret },
  // Development only: the fixtures the kit sets the host up with. Never in production.
  fixtures: {
    secret,
    scenario: (name, nowMs, tweaks) =>
      Object.hasOwn(SCENARIOS, name) ? seedScenario(name as ScenarioName, nowMs, tweaks) : undefined,
  },
});

const app = express();
app.get('/', (_request, response) => void response.send('The partner’s own pages.'));
// Express strips the mount path, so the host sees its own paths.
app.use(
  '/raincheck',
  getRequestListener((request) => host.fetch(request)),
);
const server = createServer(app).listen(0, '127.0.0.1');
await once(server, 'listening');
const { port } = server.address() as AddressInfo;

const report = await runConformance({ baseUrl: `http://127.0.0.1:${port}/raincheck`, fixtures: true });
console.log(formatTable(report));
server.close();
await host.close();
process.exitCode = report.ok ? 0 : 1;
