import { defineConfig } from 'tsup';
import { libraryDefaults } from '../../tsup.shared.js';
import { vendorJsonRulesEngine } from './build/vendor-json-rules-engine.js';

/** The package's entries with types; the CLI is an executable only. */
const libraryEntries = {
  index: 'src/index.ts',
  schemas: 'src/schemas.ts',
  validation: 'src/validation.ts',
  decide: 'src/decide.ts',
  'rule-files': 'src/rule-files.ts',
  authoring: 'src/authoring.ts',
  node: 'src/node.ts',
  'default-rules': 'src/default-rules.ts',
};

export default defineConfig({
  ...libraryDefaults,
  entry: { ...libraryEntries, cli: 'src/cli.ts' },
  dts: { entry: libraryEntries },
  // json-rules-engine is CommonJS and drags in JSONPath, an event emitter, a deep-clone library, a
  // hash function and a debug module that reads `window` at import time: it is bundled, patched
  // (build/vendor-json-rules-engine.ts), so the package is plain ESM everywhere and small in browsers.
  noExternal: ['json-rules-engine'],
  external: [/^node:/],
  esbuildPlugins: [vendorJsonRulesEngine()],
  esbuildOptions(options) {
    options.mainFields = ['module', 'main'];
  },
});
