// A partner's server: Express with the Raincheck reference host mounted at /raincheck, a token
// endpoint for the logged-in therapist, and the two partner pages (plain HTML on the script-tag
// build, and the React page). `node express-host/server.mjs`, then open the printed address.
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { getRequestListener } from '@hono/node-server';
import { createHost, createSqlStore, openDatabase, seedStore } from '@raincheck/host';
import { mintToken } from '@raincheck/host-api/tokens';
import { seedScenario } from '@raincheck/mock-host';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

// The tenant's signing secret (≥ 32 bytes). Set RAINCHECK_TOKEN_SECRET in production; the host
// and your token endpoint must share it.
const secret = process.env.RAINCHECK_TOKEN_SECRET ?? randomBytes(32).toString('base64url');

// PostgreSQL with DATABASE_URL, else PGlite in memory (data is gone when the process ends).
const database = await openDatabase(
  process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { memory: true },
);
const host = await createHost({ database, auth: { secret } });

// Demo data: the mock host's `extended-absence` scenario (tenant practice-a, therapist th-ana,
// sessions ses-1 … ses-3), as `raincheck-host serve --seed demo` loads it. Your own data goes here.
if ((await database.query('SELECT 1 FROM therapists LIMIT 1')).length === 0) {
  await seedStore(createSqlStore(database), { ...seedScenario('extended-absence'), offers: [] });
}

const app = express();

// The host API, for the widgets (Express strips the mount path before the host sees the request).
app.use(
  '/raincheck',
  getRequestListener((request) => host.fetch(request)),
);

// Who is calling: your login knows; here every visitor is the demo therapist. Tokens are short-lived
// (5 minutes); the widgets ask again before they expire and after a 401.
app.get('/raincheck-token', async (_request, response) => {
  const token = await mintToken({
    tenant: 'practice-a',
    subject: 'th-ana',
    role: 'therapist',
    secret,
    ttlSeconds: 300,
  });
  response.set('cache-control', 'no-store').json({ token });
});

// The plain HTML site and the script-tag build it loads, straight from the installed package.
app.use(
  '/raincheck-elements',
  express.static(join(dirname(require.resolve('@raincheck/elements/package.json')), 'dist/script-tag')),
);
app.use('/react', express.static(join(here, '../react-page/dist')));
app.use('/', express.static(join(here, '../html-site')));

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`listening on http://127.0.0.1:${port}`);
});

const stop = () => server.close(() => void host.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
