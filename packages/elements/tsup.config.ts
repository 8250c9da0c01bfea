import { defineConfig } from 'tsup';
import { libraryDefaults } from '../../tsup.shared.js';
import { MAIN_ENTRY, REGISTRATION_ENTRIES } from './build/entries.js';
import { minifyTemplatesPlugin } from './build/minify-templates.js';

export default defineConfig({
  ...libraryDefaults,
  entry: [MAIN_ENTRY, ...REGISTRATION_ENTRIES],
  // Only the main entry's types are bundled: build/write-entry-types.ts gives each registration
  // entry a .d.ts that re-exports them, so every class and tag is declared once.
  dts: { entry: MAIN_ENTRY },
  // Keeps the per-component folders, so `sideEffects` can name the registration files.
  outDir: 'dist',
  external: [/^@raincheck\//, /^lit/, /^@lit\//],
  esbuildPlugins: [minifyTemplatesPlugin],
});
