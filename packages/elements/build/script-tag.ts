// The script-tag build (dist/script-tag/): for pages with no bundler, one self-contained ES module
// per element (`rc-cancel-session.js`, …: lit, the host client, the policy engine and the
// translations inlined, no bare import left) and a loader (`raincheck.js`) that defines the
// elements a page uses on demand. Built from the package's own dist/ registration entries (what
// a bundler would get), as custom-elements.json lists them, so it follows the elements the
// manifest declares. Run by `build`, after the manifest is written.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { build, type BuildOptions } from 'esbuild';

const packageRoot = new URL('../', import.meta.url).pathname;
const outdir = `${packageRoot}dist/script-tag`;

interface ManifestModule {
  readonly path: string;
  readonly exports?: readonly { readonly kind: string; readonly name: string }[];
}

/** Each element's tag and the registration entry that defines it alone (`dist/a/define-a.js`). */
export async function elementEntries(): Promise<{ tag: string; entry: string }[]> {
  const manifest = JSON.parse(await readFile(`${packageRoot}custom-elements.json`, 'utf8')) as {
    modules: ManifestModule[];
  };
  const entries = manifest.modules.flatMap((module) => {
    const tags = (module.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => e.name);
    return tags.length === 1 ? [{ tag: tags[0]!, entry: module.path }] : [];
  });
  if (entries.length === 0)
    throw new Error(
      `${packageRoot}custom-elements.json: no module defines exactly one element (build the manifest first)`,
    );
  return entries;
}

/** esbuild options shared by the element modules and the loader: browsers, ESM, minified, one file each. */
const common: BuildOptions = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['browser', 'production'],
  minify: true,
  sourcemap: true,
  // No code splitting: dynamic imports (the policy engine, the views, German) are inlined.
  splitting: false,
  legalComments: 'eof',
  logLevel: 'warning',
  // tsup's entries import their chunks bare; the chunks are kept as imported, which is right here.
  logOverride: { 'ignored-bare-import': 'silent' },
};

const entries = await elementEntries();
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await Promise.all(
  entries.map(({ tag, entry }) =>
    build({ ...common, entryPoints: [`${packageRoot}${entry}`], outfile: `${outdir}/${tag}.js` }),
  ),
);
await build({
  ...common,
  entryPoints: [`${packageRoot}build/script-tag-loader.ts`],
  outfile: `${outdir}/raincheck.js`,
  define: { RAINCHECK_ELEMENTS: JSON.stringify(Object.fromEntries(entries.map(({ tag }) => [tag, `./${tag}.js`]))) },
});
