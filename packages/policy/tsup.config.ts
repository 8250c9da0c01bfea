import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';

const shim = (name: string) => fileURLToPath(new URL(`./src/shims/${name}.js`, import.meta.url));

/**
 * json-rules-engine is CommonJS and drags in JSONPath, an event emitter, a hash function and a
 * debug module that reads `window` at import time. We bundle it with small stand-ins, so the
 * package is plain ESM in every runtime and stays small in the browser.
 */
const replaceEngineDependencies: Plugin = {
  name: 'replace-json-rules-engine-dependencies',
  setup(build) {
    const replacements: Record<string, string> = {
      'jsonpath-plus': shim('jsonpath'),
      eventemitter2: shim('event-emitter'),
      'hash-it': shim('hash-it'),
    };
    build.onResolve({ filter: /^(jsonpath-plus|eventemitter2|hash-it)$/ }, (args) => ({ path: replacements[args.path]! }));
    build.onResolve({ filter: /^\.\/debug$/ }, (args) =>
      args.importer.includes('json-rules-engine') ? { path: shim('debug') } : undefined,
    );
  },
};

export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node.ts', 'default-rules': 'src/default-rules.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  dts: { entry: { index: 'src/index.ts', node: 'src/node.ts', 'default-rules': 'src/default-rules.ts' } },
  clean: true,
  sourcemap: true,
  noExternal: ['json-rules-engine'],
  external: [/^node:/],
  esbuildPlugins: [replaceEngineDependencies],
  esbuildOptions(options) {
    options.mainFields = ['module', 'main'];
  },
});
