import { defineConfig } from 'tsup';
import { libraryDefaults } from '../../tsup.shared.js';

export default defineConfig({
  ...libraryDefaults,
  entry: {
    index: 'src/index.ts',
    'client-entry': 'src/client-entry.ts',
    'client-writes': 'src/client-writes.ts',
    // Not exported: an entry of its own only so esbuild keeps the schemas reads and writes share in
    // a file apart from the writes' routes (it groups modules by the entries that reach them), and a
    // page's first load, which reads, does not get the writes.
    'contract-shared': 'src/contract-shared.generated.ts',
    'openapi-entry': 'src/openapi-entry.ts',
    tokens: 'src/tokens.ts',
  },
  external: [/^@raincheck\//, /^zod/, /^jose/],
});
