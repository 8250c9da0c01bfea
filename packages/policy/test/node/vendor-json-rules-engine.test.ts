import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { build } from 'esbuild';
import {
  checkPatchedModulesExist,
  ENGINE_DIST,
  ENGINE_PATCHES,
  EnginePatchError,
  vendorJsonRulesEngine,
  vendorModule,
} from '../../build/vendor-json-rules-engine.js';

const source = (module: string) => readFileSync(join(ENGINE_DIST, `${module}.js`), 'utf8');
const patchError = (patch: string, detail: RegExp) => (error: unknown) =>
  error instanceof EnginePatchError && error.message.includes(`patch "${patch}"`) && detail.test(error.message);

/** The engine bundled with the plugin (over `dist`), as the policy build bundles it. */
async function bundle(dist?: string, skip?: string[]): Promise<string> {
  const result = await build({
    stdin: { contents: "export { Engine, Fact } from 'json-rules-engine';", resolveDir: ENGINE_DIST, loader: 'js' },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    mainFields: ['module', 'main'],
    plugins: [vendorJsonRulesEngine({ ...(dist ? { dist } : {}), ...(skip ? { skip } : {}) })],
  });
  return result.outputFiles[0]!.text;
}

describe('json-rules-engine, vendored: every patch in one module', () => {
  const copies: string[] = [];
  after(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** A copy of the engine's dist with one module's source changed by `edit`. */
  function alteredDist(module: string, edit: (source: string) => string): string {
    const dir = mkdtempSync(join(tmpdir(), 'jre-'));
    copies.push(dir);
    cpSync(ENGINE_DIST, dir, { recursive: true });
    writeFileSync(join(dir, `${module}.js`), edit(source(module)));
    return dir;
  }

  it('applies to the pinned version: every rewrite changes the module it names', () => {
    checkPatchedModulesExist(ENGINE_DIST);
    for (const patch of ENGINE_PATCHES) {
      for (const module of patch.modules) {
        const patched = vendorModule(module, source(module));
        if (patch.rewrite)
          assert.notEqual(
            patched,
            vendorModule(module, source(module), [patch.name]),
            `${patch.name} changes ${module}`,
          );
      }
    }
  });

  it('the engine is pinned to the exact version the patches were written for', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    assert.match(pkg.devDependencies['json-rules-engine']!, /^\d+\.\d+\.\d+$/);
    const installed = JSON.parse(readFileSync(join(ENGINE_DIST, '../package.json'), 'utf8')) as { version: string };
    assert.equal(installed.version, pkg.devDependencies['json-rules-engine']);
  });

  it('a method that disappeared fails, naming the patch and the method', () => {
    const renamed = source('engine').replace("key: 'updateRule'", "key: 'replaceRule'");
    assert.throws(
      () => vendorModule('engine', renamed),
      patchError('drop unused engine methods', /no method "updateRule" in engine/),
    );
  });

  it('a dependency no longer required fails, naming its stand-in', () => {
    const inlined = source('fact').replace("require('hash-it')", "require('object-hash')");
    assert.throws(
      () => vendorModule('fact', inlined),
      patchError('stand-in for hash-it', /no longer requires 'hash-it'/),
    );
  });

  it('a pattern that no longer matches fails, naming the patch', () => {
    const renamedDebug = source('almanac').replaceAll('_debug2.default', '_debug3.default');
    assert.throws(
      () => vendorModule('almanac', renamedDebug),
      patchError('drop debug calls', /no \(0, _debug2\.default\)/),
    );
    const otherLookup = source('rule').replace(
      '_this3.engine.conditions.get(conditionReference.condition)',
      'lookUp(conditionReference)',
    );
    assert.throws(
      () => vendorModule('rule', otherLookup),
      patchError('condition references fail at once', /no `var realize = function realize/),
    );
    const undecorated = source('operator-map').replace('decorators[i].decorate(op)', 'op');
    assert.throws(
      () => vendorModule('operator-map', undecorated),
      patchError('operators looked up without decorators', /no `get\(name\)` applying decorators/),
    );
    const twoLines = source('fact').replace(/^(var _createClass = function \(\) \{)/m, '$1\n');
    assert.throws(
      () => vendorModule('fact', twoLines),
      patchError('share Babel class helpers', /_createClass is no longer defined on one line/),
    );
  });

  it('a module that is gone fails, naming the patch', () => {
    const dir = alteredDist('rule-result', (s) => s);
    rmSync(join(dir, 'rule-result.js'));
    assert.throws(
      () => checkPatchedModulesExist(dir),
      patchError('stand-in for clone', /rule-result\.js: the module is gone/),
    );
  });

  it('the build itself fails with that message', async () => {
    const dist = alteredDist('rule', (s) => s.replace("key: 'getEngine'", "key: 'engine'"));
    await assert.rejects(bundle(dist), (error: Error) =>
      /patch "drop unused rule methods" no longer applies to rule\.js: no method "getEngine"/.test(error.message),
    );
    assert.match(await bundle(), /json-rules-engine:engine/, 'the unaltered engine builds');
  });

  it('a condition reference still fails as before, at once, in the patched engine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jre-'));
    copies.push(dir);
    const file = join(dir, 'engine.mjs');
    writeFileSync(file, await bundle());
    const { Engine } = (await import(pathToFileURL(file).href)) as typeof import('json-rules-engine');
    const reference = { conditions: { condition: 'elsewhere' }, event: { type: 'any' } };
    const nested = { conditions: { all: [{ condition: 'nested' }] }, event: { type: 'any' } };
    await assert.rejects(new Engine([reference]).run({}), /No condition elsewhere exists/);
    await assert.rejects(new Engine([nested]).run({}), /No condition nested exists/);
    assert.doesNotMatch(await bundle(), /allowUndefinedConditions\)/);
  });

  it('operators are found by name, and an unknown or decorated one still fails the run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jre-'));
    copies.push(dir);
    const file = join(dir, 'engine.mjs');
    writeFileSync(file, await bundle());
    const { Engine } = (await import(pathToFileURL(file).href)) as typeof import('json-rules-engine');
    const comparing = (operator: string) => [
      { conditions: { all: [{ fact: 'n', operator, value: 1 }] }, event: { type: 'hit' } },
    ];
    assert.equal((await new Engine(comparing('equal')).run({ n: 1 })).events.length, 1);
    await assert.rejects(new Engine(comparing('roughly')).run({ n: 1 }), /Unknown operator: roughly/);
    await assert.rejects(new Engine(comparing('everyFact:equal')).run({ n: 1 }), /Unknown operator: everyFact:equal/);
    assert.doesNotMatch(await bundle(), /\.decorate\(/);
  });

  it('a patch left out (as the bench does to measure it) leaves its code in', async () => {
    assert.doesNotMatch(await bundle(), /getEngine/);
    assert.match(await bundle(undefined, ['drop unused rule methods']), /getEngine/);
    assert.throws(() => vendorJsonRulesEngine({ skip: ['no such patch'] }), /no patch named "no such patch"/);
  });
});
