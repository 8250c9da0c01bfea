import { defineConfig } from 'tsup';
import { libraryDefaults } from '../../tsup.shared.js';
import { minifyTemplatesPlugin } from './build/minify-templates.js';
import { widgetEntriesPlugin } from './build/widget-entries.js';
import { WIDGETS } from './src/registry.js';

export default defineConfig({
  ...libraryDefaults,
  entry: [
    'src/index.ts',
    'src/define.ts',
    'src/provider/define-provider.ts',
    // One registration entry per widget, from the registry.
    ...WIDGETS.map(({ folder }) => `src/${folder}/define-${folder}.ts`),
  ],
  // Keeps the per-component folders, so `sideEffects` can name the registration files.
  outDir: 'dist',
  external: [/^@raincheck\//, /^lit/, /^@lit\//],
  esbuildPlugins: [widgetEntriesPlugin, minifyTemplatesPlugin],
});
