// Custom elements manifest analyzer plugins that make custom-elements.json describe the package
// as it is installed: module paths of files that ship (dist/), and the custom properties the
// widgets really read (the --rc-* tokens of src/styles/tokens.ts).
import { readFileSync } from 'node:fs';
import { cssTokens } from './css-tokens.mjs';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The source module of a dist registration entry: `./dist/a/define-a.js` → `src/a/define-a.ts`. */
const sourceOf = (distPath) => distPath.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');

/** Registration entries from package.json `exports` (the files that define tags), as `dist/…` paths. */
function registrationModules() {
  return Object.values(packageJson.exports)
    .map((target) => (typeof target === 'object' ? target.default : undefined))
    .filter((path) => typeof path === 'string' && /\/define(-[\w-]+)?\.js$/.test(path))
    .map((path) => path.replace(/^\.\//, ''));
}

/**
 * Every widget that uses the base styles lists every token, with its default; the component's own
 * JSDoc wording is kept where it has one, and properties that are not tokens stay as written.
 */
export function cssPropertiesFromTokens() {
  return {
    name: 'raincheck-css-properties-from-tokens',
    packageLinkPhase({ customElementsManifest }) {
      const tokens = cssTokens();
      const tokenNames = new Set(tokens.map((t) => t.name));
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.tagName || !declaration.cssProperties?.length) continue;
          const own = new Map(declaration.cssProperties.map((p) => [p.name, p]));
          declaration.cssProperties = [
            ...tokens.map((token) => ({
              ...token,
              description: own.get(token.name)?.description ?? token.description,
            })),
            ...declaration.cssProperties.filter((p) => !tokenNames.has(p.name)),
          ];
        }
      }
    },
  };
}

/**
 * Points the manifest at dist/: one module, `dist/index.js` (the main entry), declares every public
 * class and names it as an export, and each registration entry (`dist/define.js`,
 * `dist/cancel-session/define-cancel-session.js`, …) lists the tags it defines as
 * `custom-element-definition` exports. Source-only modules (internal helpers, views) are left out;
 * references to a class that is not exported keep its name and lose the unshipped path.
 */
/**
 * The names a module exports, following `export * from './x.js'` (the main entry re-exports the
 * widgets through the registry's generated module) to the modules it names.
 */
function exportedNames(modules, entry, seen = new Set()) {
  const names = new Set();
  if (seen.has(entry.path)) return names;
  seen.add(entry.path);
  for (const e of entry.exports ?? []) {
    if (e.name !== '*') {
      names.add(e.name);
      continue;
    }
    const target = e.declaration?.module ?? e.declaration?.package;
    if (!target) continue;
    // The analyser names the module from the package root (`src/x.js`); a package import is not ours.
    const path = (target.startsWith('.') ? new URL(target, `file:///${entry.path}`).pathname.slice(1) : target).replace(
      /\.js$/,
      '.ts',
    );
    if (!path.startsWith('src/')) continue;
    const module = modules.find((m) => m.path === path);
    if (!module)
      throw new Error(`custom-elements-manifest: ${entry.path} re-exports ${target}, which was not analysed`);
    for (const name of exportedNames(modules, module, seen)) names.add(name);
  }
  return names;
}

export function distModulePaths() {
  return {
    name: 'raincheck-dist-module-paths',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      const index = modules.find((m) => m.path === 'src/index.ts');
      if (!index) throw new Error('custom-elements-manifest: src/index.ts (the main entry) was not analysed');
      const publicNames = exportedNames(modules, index);
      const main = 'dist/index.js';
      const declarations = modules
        .filter((m) => m !== index)
        .flatMap((m) =>
          (m.declarations ?? [])
            .filter((d) => publicNames.has(d.name))
            .map((d) => ({ declaration: d, source: m.path })),
        );
      const elements = declarations.filter(({ declaration }) => declaration.customElement && declaration.tagName);

      const relink = (reference) => {
        if (!reference || typeof reference !== 'object' || !reference.module) return;
        if (publicNames.has(reference.name)) reference.module = main;
        else delete reference.module;
      };
      for (const { declaration } of declarations) {
        relink(declaration.superclass);
        for (const mixin of declaration.mixins ?? []) relink(mixin);
        for (const list of [declaration.members, declaration.attributes, declaration.events]) {
          for (const item of list ?? []) relink(item.inheritedFrom);
        }
      }

      const definitions = (sources) =>
        elements
          .filter(({ source }) => sources(source))
          .map(({ declaration }) => ({
            kind: 'custom-element-definition',
            name: declaration.tagName,
            declaration: { name: declaration.name, module: main },
          }));
      const registrations = registrationModules().map((path) => {
        const folder = sourceOf(`./${path}`).replace(/[^/]+$/, '');
        // `src/define.ts` registers every element; `src/a/define-a.ts` the one(s) declared in `src/a/`.
        const defines = folder === 'src/' ? () => true : (source) => source.startsWith(folder);
        const exports = definitions(defines);
        if (exports.length === 0)
          throw new Error(
            `custom-elements-manifest: ${path} (package.json exports) defines no element declared under ${folder}`,
          );
        return { kind: 'javascript-module', path, declarations: [], exports };
      });

      customElementsManifest.modules = [
        {
          kind: 'javascript-module',
          path: main,
          declarations: declarations.map(({ declaration }) => declaration),
          exports: declarations.map(({ declaration }) => ({
            kind: 'js',
            name: declaration.name,
            declaration: { name: declaration.name, module: main },
          })),
        },
        ...registrations,
      ];
    },
  };
}
