// Checks of what the packages ship, run on the repository's packages and on the packed tarballs
// installed in a partner's folder alike: `root` is a folder whose node_modules has @raincheck/*.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

const read = (path: string) => readFileSync(path, 'utf8');
/** A JSON file's value, typed as the caller expects it (the assertions check what matters). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a typed JSON read
const json = <T>(path: string): T => JSON.parse(read(path)) as T;

/** Type-checks `files` as a partner's strict TypeScript project in `root`; returns the diagnostics' text. */
export function typeErrors(root: string, files: readonly string[], extra: ts.CompilerOptions = {}): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
    baseUrl: root,
    ...extra,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** Every module path custom-elements.json names exists in the package, and each tag's entry is exported. */
export function checkManifestPaths(elementsDir: string): void {
  const manifest = json<{
    modules: { path: string; exports?: { kind: string; name: string; declaration: { module?: string } }[] }[];
  }>(join(elementsDir, 'custom-elements.json'));
  const exported = new Set(
    Object.values(
      json<{ exports: Record<string, { default?: string } | string> }>(join(elementsDir, 'package.json')).exports,
    ).map((t) => (typeof t === 'string' ? t : t.default)),
  );
  const tags = new Set<string>();
  for (const module of manifest.modules) {
    assert.ok(
      existsSync(join(elementsDir, module.path)),
      `custom-elements.json names ${module.path}, which the package does not have`,
    );
    assert.ok(
      exported.has(`./${module.path}`),
      `custom-elements.json names ${module.path}, which package.json does not export`,
    );
    for (const e of module.exports ?? []) {
      if (e.declaration.module)
        assert.ok(
          existsSync(join(elementsDir, e.declaration.module)),
          `${module.path}: ${e.name} points at ${e.declaration.module}`,
        );
      if (e.kind === 'custom-element-definition') tags.add(e.name);
    }
  }
  assert.ok(tags.has('rc-cancel-session') && tags.has('rc-provider'), `definitions: ${[...tags].join(', ')}`);
}

/** The shipped rule files' `$schema` points at the package's schema file, from where each file is. */
export function checkShippedRules(policyDir: string): void {
  const folders = [join(policyDir, 'rules'), join(policyDir, 'rules', 'tests')];
  const schemaFile = resolve(
    policyDir,
    json<{ exports: Record<string, string> }>(join(policyDir, 'package.json')).exports['./rule-file.schema.json']!,
  );
  let ruleFiles = 0;
  for (const folder of folders) {
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
      const { $schema } = json<{ $schema?: string }>(join(folder, file));
      if ($schema === undefined) continue;
      ruleFiles++;
      assert.equal(resolve(dirname(join(folder, file)), $schema), schemaFile, `${folder}/${file}: $schema ${$schema}`);
    }
  }
  assert.ok(ruleFiles >= 5, `found ${ruleFiles} rule files with a $schema`);
  assert.equal(
    json<{ title?: string; $id?: string }>(schemaFile).$id !== undefined,
    true,
    'the schema file is the rule-file JSON Schema',
  );
}

/** The mock host's worker script is msw's of the exact version it depends on, the one installed. */
export function checkWorkerScript(mockHostDir: string, mswDir: string): void {
  const range = json<{ dependencies: Record<string, string> }>(join(mockHostDir, 'package.json')).dependencies.msw;
  assert.match(
    range ?? '',
    /^\d+\.\d+\.\d+$/,
    `@raincheck/mock-host depends on msw ${range}: pin the version whose worker script ships`,
  );
  const shipped = /const PACKAGE_VERSION = '([^']+)'/.exec(
    read(join(mockHostDir, 'dist', 'mockServiceWorker.js')),
  )?.[1];
  assert.equal(shipped, range, 'the shipped worker script is of the msw version depended on');
  assert.equal(json<{ version: string }>(join(mswDir, 'package.json')).version, range, 'the msw installed beside it');
}

/**
 * The default rules as a program reads them (`defaultRuleFiles` of `@raincheck/policy/rules`) are
 * the package's rules/*.json, `$schema` included: resolved from rules/, it is the package's schema.
 */
export function checkDefaultRules(policyDir: string, defaultRuleFiles: Readonly<Record<string, unknown>>): void {
  const schemaFile = resolve(
    policyDir,
    json<{ exports: Record<string, string> }>(join(policyDir, 'package.json')).exports['./rule-file.schema.json']!,
  );
  assert.ok(Object.keys(defaultRuleFiles).length >= 5, `defaultRuleFiles: ${Object.keys(defaultRuleFiles).join(', ')}`);
  for (const [file, value] of Object.entries(defaultRuleFiles)) {
    const { $schema } = value as { $schema?: unknown };
    assert.equal(typeof $schema, 'string', `defaultRuleFiles['${file}'].$schema`);
    assert.equal(
      resolve(policyDir, 'rules', $schema as string),
      schemaFile,
      `defaultRuleFiles['${file}'].$schema ${String($schema)}, from rules/`,
    );
    assert.deepEqual(value, json(join(policyDir, 'rules', file)), `defaultRuleFiles['${file}'] is rules/${file}`);
  }
}

/** Every link of the package's README that is not a URL names a file the package ships (installed, `../` leads nowhere). */
export function checkReadmeLinks(packageDir: string): void {
  const readme = join(packageDir, 'README.md');
  for (const [, target] of read(readme).matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^(https?:|mailto:|#)/.test(target!)) continue;
    const file = resolve(packageDir, target!.replace(/#.*$/, ''));
    assert.ok(
      file.startsWith(`${packageDir}/`) && existsSync(file),
      `${readme}: the link ${target} resolves to nothing in the installed package`,
    );
  }
}
