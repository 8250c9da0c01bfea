// `node --import tsx scripts/size-report.ts [folder…]` (after `npm run build`): per widget, the Vite
// build's first load and whole flow (gzip -9 per chunk, as bench.ts and the size budgets measure), and
// which source files weigh most in the first load and in what the decision adds (minified bytes,
// read back through the packages' source maps). Finds what need not load first and what is heavier
// than it needs to be. Prints figures; asserts nothing.
import { join, relative } from 'node:path';
import { WIDGETS } from '@raincheck/elements';
import { chunkGraph, gzipOf, type ChunkGraph } from './bundle-size.js';
import { SIZE_BUDGETS, WIDGET_ON_DEMAND } from './size-budgets.js';

const root = new URL('..', import.meta.url).pathname;
const elementsDir = join(root, 'packages/elements');

const TOP = Number(process.env.SIZE_REPORT_TOP ?? 14);
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const short = (source: string) => relative(root, source).replace(/^node_modules\//, '');

/** Minified bytes by source file over `files`. */
function bySource(graph: ChunkGraph, files: Iterable<string>): Map<string, number> {
  const total = new Map<string, number>();
  for (const file of files)
    for (const [source, bytes] of graph.chunks.get(file)?.bytesBySource ?? [])
      total.set(source, (total.get(source) ?? 0) + bytes);
  return total;
}

function printTop(title: string, bytes: ReadonlyMap<string, number>) {
  const sorted = [...bytes].sort((a, b) => b[1] - a[1]);
  const sum = sorted.reduce((total, [, b]) => total + b, 0);
  console.log(`  ${title}: ${sum.toLocaleString('en')} B minified`);
  for (const [source, b] of sorted.slice(0, TOP)) console.log(`    ${String(b).padStart(7)}  ${short(source)}`);
  const rest = sorted.slice(TOP).reduce((total, [, b]) => total + b, 0);
  if (rest > 0) console.log(`    ${String(rest).padStart(7)}  (${sorted.length - TOP} more)`);
}

const only = process.argv.slice(2);
for (const { tag, folder, decides } of WIDGETS) {
  if (only.length > 0 && !only.includes(folder)) continue;
  const graph = await chunkGraph('vite', `@raincheck/elements/${folder}`, elementsDir, WIDGET_ON_DEMAND, {
    sources: true,
  });
  const initial = gzipOf(graph, graph.initial);
  const total = gzipOf(graph, graph.vouched);
  const budget = SIZE_BUDGETS[tag];
  const against = (bytes: number, limit: number | undefined) =>
    limit === undefined ? '' : ` (budget ${kb(limit)}, ${bytes <= limit ? 'met' : `${bytes - limit} B over`})`;
  console.log(
    `\n<${tag}>: first load ${kb(initial)}${against(initial, budget.firstLoad)}` +
      (decides ? `, whole flow ${kb(total)}${against(total, budget.wholeFlow)}` : ', never loads the engine'),
  );
  printTop('first load', bySource(graph, graph.initial));
  if (decides)
    printTop(
      'what the decision adds',
      bySource(
        graph,
        [...graph.vouched].filter((f) => !graph.initial.has(f)),
      ),
    );
}
