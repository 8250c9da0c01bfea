import { defineConfig } from 'tsup';
import { libraryDefaults } from '../../tsup.shared.js';

export default defineConfig({
  ...libraryDefaults,
  entry: { index: 'src/index.ts', cli: 'src/cli.ts', bin: 'src/bin.ts' },
  // The kit runs on Node (files, the command line); the checks need only fetch.
  platform: 'node',
  external: [/^@raincheck\//],
});
