import { build, type Plugin } from 'esbuild';
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
