import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'openapi-entry': 'src/openapi-entry.ts' },
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  dts: true,
  clean: true,
  sourcemap: true,
  external: [/^@raincheck\//, /^zod/],
});
