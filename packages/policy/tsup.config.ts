import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';

const shim = (name: string) => fileURLToPath(new URL(`./src/shims/${name}.js`, import.meta.url));

/** json-rules-engine's own dependencies and modules, and what replaces each in our bundle. */
const PACKAGE_STAND_INS: Record<string, string> = {
  'jsonpath-plus': shim('jsonpath'),
  eventemitter2: shim('event-emitter'),
  'hash-it': shim('hash-it'),
  clone: shim('clone'),
};
const MODULE_STAND_INS: Record<string, string> = {
  './debug': shim('debug'),
  './engine-default-operator-decorators': shim('no-operator-decorators'),
  './operator-decorator': shim('operator-decorator'),
  './errors': shim('errors'),
};

const BABEL_HELPER = /^(?:var (_\w+) = |function (_\w+)\().*$/gm;
const SHARED_HELPERS = new Set(['_createClass', '_classCallCheck', '_possibleConstructorReturn', '_inherits', '_typeof', '_interopRequireDefault', '_slicedToArray']);

/**
 * Drops what a json-rules-engine module ships for nothing here: debug calls (their strings stay
 * even though debug is a no-op) and its own copy of each Babel class helper, which it shares instead.
 */
function slimEngineModule(source: string): string {
  const shared: string[] = [];
  const body = source
    .replace(/\(0, _debug2\.default\)\([^;]*\);/g, ';')
    .replace(BABEL_HELPER, (line, varName?: string, fnName?: string) => {
      const name = varName ?? fnName ?? '';
      if (!SHARED_HELPERS.has(name)) return line;
      shared.push(name);
      return '';
    });
  const helpers = JSON.stringify(shim('babel-helpers'));
  const imports = shared.map((name) => `var ${name} = require(${helpers}).${name};`).join('');
  // After the 'use strict' directive, which must stay first to keep the module strict.
  return body.replace(/^(['"]use strict['"];)?/, (directive) => `${directive}\n${imports}\n`);
}

/**
 * json-rules-engine is CommonJS and drags in JSONPath, an event emitter, a deep-clone library, a
 * hash function and a debug module that reads `window` at import time. We bundle it with small
 * stand-ins, so the package is plain ESM in every runtime and stays small in the browser.
 */
export const replaceEngineDependencies: Plugin = {
  name: 'replace-json-rules-engine-dependencies',
  setup(build) {
    build.onResolve({ filter: /^(jsonpath-plus|eventemitter2|hash-it|clone)$/ }, (args) =>
      args.importer.includes('json-rules-engine') ? { path: PACKAGE_STAND_INS[args.path]! } : undefined,
    );
    build.onResolve({ filter: /^\.\/(debug|engine-default-operator-decorators|operator-decorator|errors)$/ }, (args) =>
      args.importer.includes('json-rules-engine') ? { path: MODULE_STAND_INS[args.path]! } : undefined,
    );
    build.onLoad({ filter: /json-rules-engine[\\/]dist[\\/][\w-]+\.js$/ }, async (args) => ({
      contents: slimEngineModule(await readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    authoring: 'src/authoring.ts',
    node: 'src/node.ts',
    'default-rules': 'src/default-rules.ts',
    cli: 'src/cli.ts',
  },
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  dts: { entry: { index: 'src/index.ts', authoring: 'src/authoring.ts', node: 'src/node.ts', 'default-rules': 'src/default-rules.ts' } },
  clean: true,
  sourcemap: true,
  noExternal: ['json-rules-engine'],
  external: [/^node:/],
  esbuildPlugins: [replaceEngineDependencies],
  esbuildOptions(options) {
    options.mainFields = ['module', 'main'];
  },
});
