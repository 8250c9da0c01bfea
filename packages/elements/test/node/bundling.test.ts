import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import { reachable } from '../../../../scripts/bundle-size.js';
import { WIDGETS } from '../../src/registry.js';

const elements = new URL('../../', import.meta.url).pathname;

/** Bundles `source` as a partner's bundler would: honouring sideEffects, splitting lazy imports. */
async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: elements, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    external: ['@raincheck/policy'],
  });
  return result.outputFiles[0]!.text;
}

/** The same, split into chunks at each `import()`, with the metafile that says which is which. */
function splitBundle(source: string) {
  return build({
    stdin: { contents: source, resolveDir: elements, loader: 'js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: '/nowhere',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
}

describe('the package as bundlers see it', () => {
  it('importing a registration file registers its element (the define call survives sideEffects)', async () => {
    for (const [specifier, tags] of [
      ...WIDGETS.map(({ folder, tag }) => [`@raincheck/elements/${folder}`, [tag]] as const),
      ['@raincheck/elements/provider', ['rc-provider']],
      ['@raincheck/elements/define', ['rc-provider', ...WIDGETS.map((w) => w.tag)]],
    ] as const) {
      const code = await bundle(`import ${JSON.stringify(specifier)};`);
      for (const tag of tags)
        assert.match(code, new RegExp(`defineOnce\\("${tag}"`), `${specifier} registers <${tag}>`);
    }
  });

  it('the main entry registers nothing', async () => {
    const code = await bundle("export * from '@raincheck/elements';");
    assert.doesNotMatch(code, /defineOnce\("rc-/);
    assert.doesNotMatch(code, /customElements\.define\(/);
  });

  it("the policy engine and a widget's views of what was decided load lazily, in one chunk; the rule-file validator only from there", async () => {
    const result = await splitBundle("import '@raincheck/elements/cancel-session';");
    const outputs = result.metafile.outputs;
    const code = (file: string) => result.outputFiles.find((f) => f.path.endsWith(file.replace(/^.*\//, '/')))!.text;
    const imports = (file: string, kind: 'import-statement' | 'dynamic-import') =>
      outputs[file]!.imports.filter((i) => i.kind === kind).map((i) => i.path);
    const entry = Object.keys(outputs).find((file) => outputs[file]!.entryPoint !== undefined)!;
    const withStatic = (files: string[]) => reachable(files, (file) => imports(file, 'import-statement'));
    const loaded = (files: Iterable<string>) => [...files].map(code).join('\n');

    const first = loaded(withStatic([entry]));
    assert.doesNotMatch(first, /function createValidatedPolicy\(/, 'the engine is not in the first load');
    assert.doesNotMatch(first, /function cancelForm\(/, 'the form is not in the first load');
    assert.doesNotMatch(first, /function validateRuleFiles\(/, 'the validator is not in the first load');

    const views = imports(entry, 'dynamic-import').filter((file) => /function cancelForm\(/.test(code(file)));
    assert.equal(views.length, 1, 'one lazy chunk has the form');
    const decided = loaded(withStatic(views));
    assert.match(decided, /function createValidatedPolicy\(/, 'the engine comes with the form');
    assert.doesNotMatch(decided, /function validateRuleFiles\(/, 'vouched rules need no validator');
    const validator = imports(views[0]!, 'dynamic-import').filter((file) =>
      /function validateRuleFiles\(/.test(loaded(withStatic([file]))),
    );
    assert.equal(validator.length, 1, 'the views chunk imports the validator on demand');
  });

  it('no widget loads zod, before or with the engine: contracts and rules are checked with compiled schemas', async () => {
    const result = await splitBundle("import '@raincheck/elements/define';");
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(
      inputs.some((input) => input.includes('json-rules-engine') || input.includes('policy/dist')),
      'the engine is in the bundle',
    );
    assert.deepEqual(
      inputs.filter((input) => input.includes('node_modules/zod/')),
      [],
    );
  });
});
