import { decode } from '@jridgewell/sourcemap-codec';
import { build, type Plugin } from 'esbuild';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Plugin as VitePlugin } from 'vite';
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
    // tsup's shared chunks are imported bare from side-effect-free files; esbuild warns about each.
    logLevel: 'error',
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/** Every node reachable from `starts` along `next`: the chunks a page loads, by their imports. */
export function reachable(starts: Iterable<string>, next: (node: string) => Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const visit = (node: string) => {
    if (seen.has(node)) return;
    seen.add(node);
    for (const other of next(node)) visit(other);
  };
  for (const start of starts) visit(start);
  return seen;
}

/** Which bundler splits the page's code: each draws chunk boundaries its own way. */
export type Bundler = 'vite' | 'esbuild';

/** What only some pages load, by the modules in a chunk: other locales, rules to validate. */
export interface OnDemand {
  /** A module of a translation, loaded only on a page in that locale. */
  readonly isTranslation: (module: string) => boolean;
  /** A module of the rule-file validator, loaded only for rules no host has vouched for. */
  readonly isValidator: (module: string) => boolean;
}

/** Gzip bytes of a page's code split into what loads at once and what loads on demand. */
export interface SplitSize {
  /** The entry and every chunk it imports statically: what the page needs before any lazy import. */
  readonly initialGzip: number;
  /** What the whole flow loads with rules a host has vouched for: every lazy import but translations and the validator. */
  readonly totalGzip: number;
  /** What validating the rules in the page adds, when they come without the host's hash. */
  readonly validatorGzip: number;
  /** The translations, each loaded only on a page in that locale. */
  readonly translationsGzip: number;
}

/** One output chunk, as either bundler describes it. */
export interface Chunk {
  readonly gzip: number;
  readonly isEntry: boolean;
  readonly imports: readonly string[];
  readonly dynamicImports: readonly string[];
  readonly modules: readonly string[];
  /** Minified bytes of the chunk by the source file they came from (Vite with `sources`; else empty). */
  readonly bytesBySource: ReadonlyMap<string, number>;
}

const gzipBytes = (code: string | Uint8Array) => gzipSync(code, { level: 9 }).length;

async function esbuildChunks(entry: string, resolveDir: string, outdir: string): Promise<Map<string, Chunk>> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    outdir,
    absWorkingDir: resolveDir,
    metafile: true,
    write: false,
    // tsup's shared chunks are imported bare from side-effect-free files; esbuild warns about each.
    logLevel: 'error',
  });
  const chunks = new Map<string, Chunk>();
  for (const file of result.outputFiles) {
    const name = relative(resolveDir, file.path);
    const output = result.metafile.outputs[name];
    if (!output || !name.endsWith('.js')) continue;
    chunks.set(name, {
      gzip: gzipBytes(file.contents),
      // esbuild marks each dynamically imported module as an entry point too.
      isEntry: output.entryPoint === relative(resolveDir, entry),
      imports: output.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path),
      dynamicImports: output.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
      modules: Object.keys(output.inputs),
      bytesBySource: new Map(),
    });
  }
  return chunks;
}

/**
 * Reads each built package file with its source map, so the output's map points at the packages'
 * TypeScript sources rather than at their tsup chunks (which say little about what they hold).
 */
const inputSourceMaps: VitePlugin = {
  name: 'raincheck-input-source-maps',
  async load(id) {
    if (!id.endsWith('.js')) return null;
    const map = await readFile(`${id}.map`, 'utf8').catch(() => null);
    return map === null ? null : { code: await readFile(id, 'utf8'), map };
  },
};

/** Minified bytes of `code` by source file, walking its source map segment by segment. */
function bytesBySource(code: string, map: { sources: readonly string[]; mappings: string }, dir: string) {
  const bytes = new Map<string, number>();
  const lines = code.split('\n');
  decode(map.mappings).forEach((segments, line) => {
    segments.forEach((segment, i) => {
      const end = segments[i + 1]?.[0] ?? lines[line]!.length;
      const source = segment.length > 1 ? resolve(dir, map.sources[segment[1]!]!) : UNMAPPED;
      bytes.set(source, (bytes.get(source) ?? 0) + end - segment[0]);
    });
  });
  return bytes;
}

/** Where output bytes no source map claims are counted: the bundler's runtime and helpers, separators. */
export const UNMAPPED = '(bundler: unmapped)';

async function viteChunks(entry: string, root: string, sources: boolean): Promise<Map<string, Chunk>> {
  const { build: viteBuild } = await import('vite');
  const result = await viteBuild({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: sources ? [inputSourceMaps] : [],
    build: {
      write: false,
      target: 'es2022',
      modulePreload: false,
      sourcemap: sources,
      rollupOptions: { input: entry },
    },
  });
  const chunks = new Map<string, Chunk>();
  for (const output of [result].flat()) {
    if (!('output' in output)) continue;
    for (const item of output.output) {
      if (item.type !== 'chunk') continue;
      chunks.set(item.fileName, {
        // Without the source map's comment, which only `sources` adds: the same bytes as without it.
        gzip: gzipBytes(item.code.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '')),
        isEntry: item.isEntry,
        imports: item.imports,
        dynamicImports: item.dynamicImports,
        modules: item.moduleIds,
        // The map's sources are relative to where the chunk would be written.
        bytesBySource:
          sources && item.map ? bytesBySource(item.code, item.map, join(root, 'dist', item.fileName, '..')) : new Map(),
      });
    }
  }
  return chunks;
}

/** The chunks a page loads from the entry, following static imports and the lazy ones `lazy` accepts. */
function reachableChunks(chunks: ReadonlyMap<string, Chunk>, lazy: (file: string) => boolean): Set<string> {
  const entries = [...chunks].filter(([, chunk]) => chunk.isEntry).map(([file]) => file);
  return reachable(entries, (file) => {
    const chunk = chunks.get(file);
    return chunk ? [...chunk.imports, ...chunk.dynamicImports.filter(lazy)] : [];
  });
}

/** A page's chunks, as a bundler split them, and which of them each part of the flow loads. */
export interface ChunkGraph {
  readonly chunks: ReadonlyMap<string, Chunk>;
  /** The entry and every chunk it imports statically: the first load. */
  readonly initial: ReadonlySet<string>;
  /** Every chunk the whole flow loads for rules a host has vouched for. */
  readonly vouched: ReadonlySet<string>;
  /** … and with the validator, for rules without the host's hash. */
  readonly validating: ReadonlySet<string>;
  /** The translation chunks. */
  readonly translations: readonly string[];
}

/**
 * Bundles `specifier` with code splitting, as a partner's bundler would, and says which chunks load
 * at once, which the flow adds, and which only some pages load (`onDemand`). With `sources` (Vite
 * only), each chunk also tells its minified bytes by source file.
 */
export async function chunkGraph(
  bundler: Bundler,
  specifier: string,
  resolveDir: string,
  onDemand: OnDemand,
  { sources = false }: { sources?: boolean } = {},
): Promise<ChunkGraph> {
  // Inside the package, so the entry resolves packages as the package itself would.
  const dir = await mkdtemp(join(resolveDir, '.size-'));
  try {
    const entry = join(dir, 'entry.js');
    await writeFile(entry, `import ${JSON.stringify(specifier)};\n`);
    const chunks =
      bundler === 'vite'
        ? await viteChunks(entry, dir, sources)
        : await esbuildChunks(entry, resolveDir, join(dir, 'out'));
    const only = (test: (module: string) => boolean) => (file: string) => {
      const modules = chunks.get(file)?.modules ?? [];
      return modules.length > 0 && modules.every(test);
    };
    const isTranslation = only(onDemand.isTranslation);
    const isValidator = (file: string) => (chunks.get(file)?.modules ?? []).some(onDemand.isValidator);
    return {
      chunks,
      initial: reachableChunks(chunks, () => false),
      vouched: reachableChunks(chunks, (file) => !isTranslation(file) && !isValidator(file)),
      validating: reachableChunks(chunks, (file) => !isTranslation(file)),
      translations: [...chunks.keys()].filter(isTranslation),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Gzip bytes of `files`, each compressed on its own as a server sends it. */
export function gzipOf(graph: ChunkGraph, files: Iterable<string>): number {
  return [...files].reduce((total, file) => total + (graph.chunks.get(file)?.gzip ?? 0), 0);
}

/**
 * Bundles `specifier` with code splitting, as a partner's bundler would, and sums gzip bytes per
 * chunk: what loads at once, what the flow adds, and what only some pages load (`onDemand`).
 */
export async function splitBundleSize(
  bundler: Bundler,
  specifier: string,
  resolveDir: string,
  onDemand: OnDemand,
): Promise<SplitSize> {
  const graph = await chunkGraph(bundler, specifier, resolveDir, onDemand);
  return {
    initialGzip: gzipOf(graph, graph.initial),
    totalGzip: gzipOf(graph, graph.vouched),
    validatorGzip: gzipOf(graph, graph.validating) - gzipOf(graph, graph.vouched),
    translationsGzip: gzipOf(graph, graph.translations),
  };
}
