import { defineConfig } from 'tsup';
import { libraryDefaults } from '../../tsup.shared.js';
import { MAIN_ENTRY } from './build/entries.js';
import { minifyTemplatesPlugin } from './build/minify-templates.js';
import { widgetEntriesPlugin } from './build/widget-entries.js';
import { WIDGETS } from './src/registry.js';

export default defineConfig({
  ...libraryDefaults,
  entry: [
    MAIN_ENTRY,
    'src/define.ts',
    'src/provider/define-provider.ts',
    // One registration entry per widget, from the registry.
    ...WIDGETS.map(({ folder }) => `src/${folder}/define-${folder}.ts`),
  ],
  // Only the main entry's types are bundled: build/write-entry-types.ts gives each registration
  // entry a .d.ts that re-exports them, so every class and tag is declared once.
  dts: { entry: MAIN_ENTRY },
  // Keeps the per-component folders, so `sideEffects` can name the registration files.
  outDir: 'dist',
  external: [/^@raincheck\//, /^lit/, /^@lit\//],
  esbuildPlugins: [widgetEntriesPlugin, minifyTemplatesPlugin],
});
