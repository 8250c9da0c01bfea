import type { Options } from 'tsup';

/** What every Raincheck package's build shares: ESM for any runtime, with types and source maps. */
export const libraryDefaults = {
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  dts: true,
  clean: true,
  sourcemap: true,
} satisfies Options;
