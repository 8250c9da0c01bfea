import { copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { defineConfig } from 'tsup';
import { libraryDefaults } from '../../tsup.shared.js';

export default defineConfig({
  ...libraryDefaults,
  entry: { index: 'src/index.ts', browser: 'src/browser.ts', node: 'src/node.ts' },
  external: [/^@raincheck\//, /^msw/],
  // Pages serve msw's worker script from their root: ship the one that matches our msw version.
  async onSuccess() {
    await copyFile(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'), 'dist/mockServiceWorker.js');
  },
});
