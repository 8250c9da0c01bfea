import { defineConfig } from 'tsup';
import { libraryDefaults } from '../../tsup.shared.js';

export default defineConfig({
  ...libraryDefaults,
  entry: { core: 'src/core/index.ts' },
  external: [/^@raincheck\//],
});
