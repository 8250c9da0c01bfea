import { build, type Metafile, type Plugin } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Minified and gzip bytes of `source` bundled for browsers with all its dependencies. */
export interface BundleSize {
  readonly minified: number;
  readonly gzip: number;
}

/** Bundles a snippet of ES module code for the browser (as a partner's bundler would) and measures it. */
export async function bundleSize(source: string, resolveDir: string, plugins: Plugin[] = []): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    plugins,
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/**
 * The output files a page loads from the entry point's chunk, following the imports `follow`
 * accepts (static ones: what loads at once; dynamic ones too: the whole flow).
 */
export function reachableOutputs(metafile: Metafile, follow: (imported: Metafile['outputs'][string]['imports'][number]) => boolean): Set<string> {
  const { outputs } = metafile;
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const imported of outputs[file]?.imports ?? []) if (follow(imported)) visit(imported.path);
  };
  visit(Object.keys(outputs).find((file) => outputs[file]!.entryPoint !== undefined)!);
  return files;
}

/** Gzip bytes of a page's code split into what loads at once and what loads on demand. */
export interface SplitSize {
  /** The entry and every chunk it imports statically: what the page needs before any lazy import. */
  readonly initialGzip: number;
  /** What the whole flow loads: the initial chunks and every lazy import but translations. */
  readonly totalGzip: number;
  /** The translations, each loaded only on a page in that locale. */
  readonly translationsGzip: number;
}


/**
 * Bundles `specifier` with code splitting (as a partner's bundler would) and sums gzip bytes per chunk.
 * `isTranslation` tells, by input path, the modules that only a page in another locale loads.
 */
export async function splitBundleSize(specifier: string, resolveDir: string, isTranslation: (input: string) => boolean): Promise<SplitSize> {
  // Inside the package, so the entry resolves packages as the package itself would.
  const dir = await mkdtemp(join(resolveDir, '.size-'));
  try {
    const entry = join(dir, 'entry.js');
    await writeFile(entry, `import ${JSON.stringify(specifier)};\n`);
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      splitting: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      legalComments: 'none',
      outdir: join(dir, 'out'),
      absWorkingDir: resolveDir,
      metafile: true,
      write: false,
      // tsup's shared chunks are imported bare from side-effect-free files; esbuild warns about each.
      logLevel: 'error',
    });
    const outputs = result.metafile.outputs;
    const gzip = new Map(result.outputFiles.map((f) => [relative(resolveDir, f.path), gzipSync(f.contents, { level: 9 }).length]));
    const translationChunk = (file: string) => Object.keys(outputs[file]?.inputs ?? {}).every(isTranslation);
    const reached = (lazy: boolean) =>
      reachableOutputs(result.metafile, (imported) => imported.kind === 'import-statement' || (lazy && imported.kind === 'dynamic-import' && !translationChunk(imported.path)));
    const sum = (files: Iterable<string>) => [...files].reduce((total, file) => total + (gzip.get(file) ?? 0), 0);
    const translations = Object.keys(outputs).filter((f) => f.endsWith('.js') && translationChunk(f));
    return { initialGzip: sum(reached(false)), totalGzip: sum(reached(true)), translationsGzip: sum(translations) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
