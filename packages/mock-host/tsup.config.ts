import { copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', browser: 'src/browser.ts', node: 'src/node.ts' },
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  dts: true,
  clean: true,
  sourcemap: true,
  external: [/^@raincheck\//, /^msw/],
  // Pages serve msw's worker script from their root: ship the one that matches our msw version.
  async onSuccess() {
    await copyFile(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'), 'dist/mockServiceWorker.js');
  },
});
