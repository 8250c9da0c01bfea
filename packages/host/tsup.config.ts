import { defineConfig } from 'tsup';
import { libraryDefaults } from '../../tsup.shared.js';

export default defineConfig({
  ...libraryDefaults,
  entry: { index: 'src/index.ts', core: 'src/core/index.ts', cli: 'src/cli.ts', webhooks: 'src/delivery/webhooks.ts' },
  // The reference host runs on Node (files, sockets, database drivers); the core anywhere.
  platform: 'node',
  external: [/^@raincheck\//, /^@electric-sql\//, 'pg', 'proper-lockfile', '@hono/node-server', 'jose'],
});
