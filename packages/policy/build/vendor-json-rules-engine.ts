// Every change the policy build makes to json-rules-engine's compiled source, in one place. Each
// patch checks that what it changes is still there and throws, naming itself, when an upgrade
// moved it: the build fails rather than silently keeping or losing code. The README's design notes
// have a table of the patches and what each saves (`npm run bench` measures them).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { dropMethods, matchingBrace } from './drop-methods.js';

export const ENGINE = 'json-rules-engine';
/** The installed engine's compiled modules (`dist/engine.js`, …), which the patches apply to. */
export const ENGINE_DIST = join(dirname(createRequire(import.meta.url).resolve(`${ENGINE}/package.json`)), 'dist');

const shim = (name: string) => fileURLToPath(new URL(`../src/shims/${name}.js`, import.meta.url));

/** One change to the engine's compiled modules. */
export interface EnginePatch {
  /** Names the patch in build errors, the README table and the bench. */
  readonly name: string;
  /** What it does and why, as the README says it. */
  readonly does: string;
  /** The engine modules it changes (file names in `dist/` without `.js`). */
  readonly modules: readonly string[];
  /** For a stand-in: the specifier the modules require and the file loaded instead. */
  readonly standIn?: { readonly specifier: string; readonly file: string };
  /** For a source rewrite: the module's source after the patch; throws when it no longer applies. */
  readonly rewrite?: (source: string, module: string) => string;
}

/** Thrown when an engine upgrade breaks a patch: names the patch, the module and what is missing. */
export class EnginePatchError extends Error {
  override readonly name = 'EnginePatchError';
  constructor(patch: string, module: string, problem: string) {
    super(
      `json-rules-engine patch "${patch}" no longer applies to ${module}.js: ${problem}. Update packages/policy/build/vendor-json-rules-engine.ts for this version.`,
    );
  }
}

const standIn = (name: string, specifier: string, file: string, modules: string[], does: string): EnginePatch => ({
  name,
  does,
  modules,
  standIn: { specifier, file: shim(file) },
});

/** `require('x')` as Babel writes it, with either quote. */
const requires = (source: string, specifier: string) =>
  source.includes(`require('${specifier}')`) || source.includes(`require("${specifier}")`);

const dropUnused = (module: string, methods: string[], does: string): EnginePatch => ({
  name: `drop unused ${module} methods`,
  does: `${does}: ${methods.map((m) => `\`${m}\``).join(', ')}`,
  modules: [module],
  rewrite: (source) => {
    try {
      return dropMethods(source, methods, module);
    } catch (error) {
      throw new EnginePatchError(
        `drop unused ${module} methods`,
        module,
        (error as Error).message.replace(/^drop-methods: /, ''),
      );
    }
  },
});

/** json-rules-engine's condition-reference resolver in rule.js, and how its definition ends. */
const REALIZE = 'var realize = function realize(conditionReference) {';
const REALIZE_END = '\n      };\n';

/** OperatorMap's lookup in operator-map.js, up to its body's opening brace. */
const OPERATOR_GET = 'value: function get(name) {';

const DEBUG_CALL = /\(0, _debug2\.default\)\([^;]*\);/g;

/** Babel 6 class helpers, each defined on one line of every module that uses it. */
export const SHARED_HELPERS = [
  '_createClass',
  '_classCallCheck',
  '_possibleConstructorReturn',
  '_inherits',
  '_typeof',
  '_interopRequireDefault',
  '_slicedToArray',
];
const HELPER_LINE = /^(?:var (_\w+) = |function (_\w+)\().*$/gm;

/** Whether `line` closes every bracket it opens (outside strings): a whole definition on one line. */
function isWholeLine(line: string): boolean {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"' || ch === "'") {
      for (i++; i < line.length && line[i] !== ch; i++) if (line[i] === '\\') i++;
    } else if ('({['.includes(ch)) depth++;
    else if (')}]'.includes(ch)) depth--;
  }
  return depth === 0;
}

const HELPERS_FILE = shim('babel-helpers');
const SHARE_HELPERS = 'share Babel class helpers';

function shareHelpers(source: string, module: string): string {
  const shared: string[] = [];
  const body = source.replace(HELPER_LINE, (line, varName?: string, fnName?: string) => {
    const name = varName ?? fnName ?? '';
    if (!SHARED_HELPERS.includes(name)) return line;
    if (!isWholeLine(line))
      throw new EnginePatchError(SHARE_HELPERS, module, `${name} is no longer defined on one line`);
    shared.push(name);
    return '';
  });
  if (shared.length === 0)
    throw new EnginePatchError(SHARE_HELPERS, module, `none of ${SHARED_HELPERS.join(', ')} is defined there`);
  const imports = shared.map((name) => `var ${name} = require(${JSON.stringify(HELPERS_FILE)}).${name};`).join('');
  // After the 'use strict' directive, which must stay first to keep the module strict.
  return body.replace(/^(['"]use strict['"];)?/, (directive) => `${directive}\n${imports}\n`);
}

/** Every patch, in the order they apply to a module. */
export const ENGINE_PATCHES: readonly EnginePatch[] = [
  standIn(
    'stand-in for jsonpath-plus',
    'jsonpath-plus',
    'jsonpath',
    ['almanac'],
    'JSONPath resolver replaced by one that throws: the policy passes its own dot-path resolver and rule files cannot hold JSONPath',
  ),
  standIn(
    'stand-in for eventemitter2',
    'eventemitter2',
    'event-emitter',
    ['engine', 'rule'],
    'event emitter with only `on` and `emitAsync`, all the engine calls',
  ),
  standIn(
    'stand-in for hash-it',
    'hash-it',
    'hash-it',
    ['fact'],
    'fact cache keys by `JSON.stringify` (fact params are JSON)',
  ),
  standIn(
    'stand-in for clone',
    'clone',
    'clone',
    ['rule', 'rule-result'],
    'deep copy of own properties keeping prototypes (rule data is plain JSON)',
  ),
  standIn(
    'stand-in for ./debug',
    './debug',
    'debug',
    ['almanac', 'condition', 'engine', 'operator-map', 'rule'],
    'a no-op: the original reads `window.localStorage` at import time',
  ),
  standIn(
    'stand-in for ./engine-default-operator-decorators',
    './engine-default-operator-decorators',
    'no-operator-decorators',
    ['engine'],
    'no operator decorators (`everyFact:`, `not:` …): rule files cannot use them',
  ),
  standIn(
    'stand-in for ./operator-decorator',
    './operator-decorator',
    'operator-decorator',
    ['operator-map', 'json-rules-engine'],
    'an empty class, for the one `instanceof` check left',
  ),
  standIn(
    'stand-in for ./errors',
    './errors',
    'errors',
    ['almanac'],
    '`UndefinedFactError` only (the policy always allows undefined facts)',
  ),
  dropUnused(
    'engine',
    [
      'updateRule',
      'removeRule',
      'setCondition',
      'removeCondition',
      'removeOperator',
      'addOperatorDecorator',
      'removeOperatorDecorator',
      'addFact',
      'removeFact',
      'stop',
    ],
    'API neither the policy nor the engine calls (the constructor adds decorators from the empty stand-in list, so never calls `addOperatorDecorator`; facts go to `run`)',
  ),
  dropUnused(
    'operator-map',
    ['removeOperator', 'addOperatorDecorator', 'removeOperatorDecorator'],
    'only called by the dropped engine methods',
  ),
  dropUnused(
    'rule',
    ['getEngine', 'getEvent', 'getPriority', 'getConditions', 'toJSON'],
    'getters nothing calls, and `toJSON` (no engine object is serialised)',
  ),
  dropUnused('condition', ['toJSON'], 'no condition is serialised'),
  dropUnused(
    'rule-result',
    ['toJSON', 'resolveEventParams'],
    'no rule result is serialised (the policy builds its own explanations), and event params are never filled from facts (`replaceFactsInEventParams: false`)',
  ),
  dropUnused('almanac', ['addRuntimeFact'], 'facts are all given to `run`'),
  {
    name: 'condition references fail at once',
    does: '`realize`, which looks a `condition` reference up among the conditions `setCondition` added, only throws: that method is dropped and rule files cannot hold references, so the lookup, the clone and the `allowUndefinedConditions` branch never run',
    modules: ['rule'],
    rewrite: (source, module) => {
      const start = source.indexOf(REALIZE);
      const end = start < 0 ? -1 : source.indexOf(REALIZE_END, start);
      // Only the resolver as written for 7.3.1: a lookup in engine.conditions, in a function ending at its own indentation.
      if (end < 0 || !source.slice(start, end).includes('_this3.engine.conditions.get(conditionReference.condition)')) {
        throw new EnginePatchError(
          'condition references fail at once',
          module,
          'no `var realize = function realize(conditionReference) { … };` looking up engine.conditions found',
        );
      }
      const fails = "throw new Error('No condition ' + conditionReference.condition + ' exists');";
      return `${source.slice(0, start)}${REALIZE} ${fails} };\n${source.slice(end + REALIZE_END.length)}`;
    },
  },
  {
    name: 'operators looked up without decorators',
    does: '`OperatorMap.get` reads the operator by its name: the loop that splits `decorator:operator` names and applies decorators is gone, since none are registered (a name with `:` is unknown either way, `null`)',
    modules: ['operator-map'],
    rewrite: (source, module) => {
      const start = source.indexOf(OPERATOR_GET);
      if (start < 0 || !source.includes('decorators[i].decorate(op)', start)) {
        throw new EnginePatchError(
          'operators looked up without decorators',
          module,
          'no `get(name)` applying decorators found',
        );
      }
      const end = matchingBrace(source, start + OPERATOR_GET.length - 1);
      return `${source.slice(0, start)}${OPERATOR_GET}\n      return this.operators.get(name) || null;\n    }${source.slice(end + 1)}`;
    },
  },
  {
    name: 'drop debug calls',
    does: 'removes every `debug(…)` call: the stand-in does nothing, but the calls and their strings stayed',
    modules: ['almanac', 'condition', 'engine', 'operator-map', 'rule'],
    rewrite: (source, module) => {
      if (!source.match(DEBUG_CALL))
        throw new EnginePatchError('drop debug calls', module, 'no (0, _debug2.default)(…) call found');
      return source.replace(DEBUG_CALL, ';');
    },
  },
  {
    name: SHARE_HELPERS,
    does: `each module's own copy of ${SHARED_HELPERS.map((h) => `\`${h}\``).join(', ')} replaced by one shared module written for ES2022`,
    modules: [
      'almanac',
      'condition',
      'engine',
      'engine-default-operators',
      'fact',
      'json-rules-engine',
      'operator-map',
      'operator',
      'rule-result',
      'rule',
    ],
    rewrite: shareHelpers,
  },
];

/** The patches in effect: all of them, less any named in `skip` (the bench measures each that way). */
function patchesIn(skip: readonly string[]): EnginePatch[] {
  for (const name of skip)
    if (!ENGINE_PATCHES.some((p) => p.name === name))
      throw new Error(`vendor-json-rules-engine: no patch named "${name}"`);
  return ENGINE_PATCHES.filter((p) => !skip.includes(p.name));
}

/**
 * One engine module's source with every patch for it applied.
 * @throws EnginePatchError naming the patch when one no longer matches.
 */
export function vendorModule(module: string, source: string, skip: readonly string[] = []): string {
  let out = source;
  for (const patch of patchesIn(skip)) {
    if (!patch.modules.includes(module)) continue;
    if (patch.standIn && !requires(out, patch.standIn.specifier)) {
      throw new EnginePatchError(patch.name, module, `it no longer requires '${patch.standIn.specifier}'`);
    }
    if (patch.rewrite) out = patch.rewrite(out, module);
  }
  return out;
}

/** Every module a patch names exists in `dist`: a module renamed or removed fails loudly too. */
export function checkPatchedModulesExist(dist: string, skip: readonly string[] = []): void {
  for (const patch of patchesIn(skip)) {
    for (const module of patch.modules) {
      if (!existsSync(join(dist, `${module}.js`))) throw new EnginePatchError(patch.name, module, 'the module is gone');
    }
  }
}

export interface VendorOptions {
  /** The engine's compiled modules; the installed package's by default (tests pass an altered copy). */
  readonly dist?: string;
  /** Patches to leave out, by name: to measure what each saves. */
  readonly skip?: readonly string[];
}

/**
 * An esbuild plugin bundling json-rules-engine as patched ESM-friendly source: its modules load
 * from a namespace of their own (so the bundle names them `json-rules-engine:rule`, not by a path
 * in node_modules), with the stand-ins resolved and every patch applied.
 */
export function vendorJsonRulesEngine({ dist = ENGINE_DIST, skip = [] }: VendorOptions = {}): Plugin {
  const patches = patchesIn(skip);
  const standIns = new Map(patches.flatMap((p) => (p.standIn ? [[p.standIn.specifier, p.standIn.file] as const] : [])));
  return {
    name: 'vendor-json-rules-engine',
    setup(build) {
      build.onStart(() => {
        checkPatchedModulesExist(dist, skip);
      });
      build.onResolve({ filter: /^json-rules-engine$/ }, () => ({ path: 'index', namespace: ENGINE }));
      build.onResolve({ filter: /.*/, namespace: ENGINE }, (args) => {
        const file = standIns.get(args.path);
        if (file) return { path: file };
        if (args.path.startsWith('./')) return { path: args.path.slice(2), namespace: ENGINE };
        // Anything else (a dependency whose stand-in is left out) resolves as usual, from `dist`.
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: ENGINE }, (args) => ({
        contents: vendorModule(args.path, readFileSync(join(dist, `${args.path}.js`), 'utf8'), skip),
        loader: 'js',
        resolveDir: dist,
      }));
    },
  };
}
