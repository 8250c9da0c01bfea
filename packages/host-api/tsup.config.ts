import { defineConfig } from 'tsup';
import { libraryDefaults } from '../../tsup.shared.js';

export default defineConfig({
  ...libraryDefaults,
  entry: {
    index: 'src/index.ts',
    'client-entry': 'src/client-entry.ts',
    'openapi-entry': 'src/openapi-entry.ts',
    tokens: 'src/tokens.ts',
  },
  external: [/^@raincheck\//, /^zod/, /^jose/],
});
