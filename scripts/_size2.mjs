import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const shim = (n) => process.cwd() + `/packages/policy/src/shims/${n}.js`;
const plugin = { name: 'x', setup(b) {
  const m = { 'jsonpath-plus': shim('jsonpath'), eventemitter2: shim('event-emitter'), 'hash-it': shim('hash-it') };
  b.onResolve({ filter: /^(jsonpath-plus|eventemitter2|hash-it)$/ }, (a) => ({ path: m[a.path] }));
  b.onResolve({ filter: /^\.\/debug$/ }, (a) => a.importer.includes('json-rules-engine') ? { path: shim('debug') } : undefined);
} };
const r = await build({ entryPoints: [process.argv[2] ?? 'packages/policy/src/index.ts'], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true, plugins: [plugin] });
const code = r.outputFiles[0].contents;
console.log('total', code.length, gzipSync(code, { level: 9 }).length);
const inputs = Object.entries(Object.values(r.metafile.outputs)[0].inputs).map(([k, v]) => [k.replace(/.*node_modules\//, ''), v.bytesInOutput]).sort((a, b) => b[1] - a[1]).slice(0, 40);
console.log(inputs.map(i => i.join(' ')).join('\n'));
