import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';
import { libraryDefaults } from '../../tsup.shared.js';
import { dropMethods } from './build/drop-methods.js';

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
 * json-rules-engine API that neither Raincheck nor the engine itself calls, per module. (`toJSON`
 * is only called by other `toJSON`s; no engine object ever reaches a decision or JSON.stringify.)
 */
const UNUSED_METHODS: Record<string, string[]> = {
  engine: ['updateRule', 'removeRule', 'setCondition', 'removeCondition', 'removeOperator', 'removeOperatorDecorator', 'removeFact', 'stop'],
  'operator-map': ['removeOperator', 'removeOperatorDecorator'],
  rule: ['getEngine', 'getEvent', 'getPriority', 'getConditions', 'toJSON'],
  condition: ['toJSON'],
  'rule-result': ['toJSON'],
  almanac: ['addRuntimeFact'],
};

/**
 * Drops what a json-rules-engine module ships for nothing here: API we never call, debug calls
 * (their strings stay even though debug is a no-op) and its own copy of each Babel class helper,
 * which it shares instead.
 */
function slimEngineModule(name: string, source: string): string {
  const shared: string[] = [];
  const body = dropMethods(source, UNUSED_METHODS[name] ?? [], name)
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
const ENGINE = 'json-rules-engine';
const ENGINE_DIST = join(dirname(createRequire(import.meta.url).resolve(`${ENGINE}/package.json`)), 'dist');

export const replaceEngineDependencies: Plugin = {
  name: 'replace-json-rules-engine-dependencies',
  setup(build) {
    // Its modules load from a namespace of their own, so the bundle names them `json-rules-engine:rule`
    // rather than by their path in node_modules (CommonJS wrappers keep those names as strings).
    build.onResolve({ filter: /^json-rules-engine$/ }, () => ({ path: 'index', namespace: ENGINE }));
    build.onResolve({ filter: /.*/, namespace: ENGINE }, (args) => {
      const standIn = PACKAGE_STAND_INS[args.path] ?? MODULE_STAND_INS[args.path];
      if (standIn) return { path: standIn };
      if (args.path.startsWith('./')) return { path: args.path.slice(2), namespace: ENGINE };
      return { path: args.path };
    });
    build.onLoad({ filter: /.*/, namespace: ENGINE }, async (args) => ({
      contents: slimEngineModule(args.path, await readFile(join(ENGINE_DIST, `${args.path}.js`), 'utf8')),
      loader: 'js',
      resolveDir: ENGINE_DIST,
    }));
  },
};

export default defineConfig({
  ...libraryDefaults,
  entry: {
    index: 'src/index.ts',
    schemas: 'src/schemas.ts',
    validation: 'src/validation.ts',
    decide: 'src/decide.ts',
    'rule-files': 'src/rule-files.ts',
    authoring: 'src/authoring.ts',
    node: 'src/node.ts',
    'default-rules': 'src/default-rules.ts',
    cli: 'src/cli.ts',
  },
  dts: { entry: { index: 'src/index.ts', schemas: 'src/schemas.ts', validation: 'src/validation.ts', decide: 'src/decide.ts', 'rule-files': 'src/rule-files.ts', authoring: 'src/authoring.ts', node: 'src/node.ts', 'default-rules': 'src/default-rules.ts' } },
  noExternal: ['json-rules-engine'],
  external: [/^node:/],
  esbuildPlugins: [replaceEngineDependencies],
  esbuildOptions(options) {
    options.mainFields = ['module', 'main'];
  },
});
