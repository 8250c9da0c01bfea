import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { build } from 'vite';
import { WIDGETS } from '../../src/registry.js';

const elements = new URL('../../', import.meta.url).pathname;

/** A sentence only a failure shows (the host unreachable). */
const failureSentence = 'The booking system could not be reached.';

interface BuiltChunk {
  readonly code: string;
  readonly isEntry: boolean;
  readonly imports: readonly string[];
  readonly dynamicImports: readonly string[];
}

/** A Vite build of the widget's entry, as a partner's would bundle the built package (dist/). */
async function viteBuild(folder: string): Promise<Map<string, BuiltChunk>> {
  const dir = await mkdtemp(join(elements, '.failure-wording-'));
  try {
    const entry = join(dir, 'entry.js');
    await writeFile(entry, `import '@raincheck/elements/${folder}';\n`);
    const result = await build({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      build: { write: false, target: 'es2022', modulePreload: false, rollupOptions: { input: entry } },
    });
    const chunks = new Map<string, BuiltChunk>();
    for (const output of [result].flat())
      if ('output' in output)
        for (const item of output.output) if (item.type === 'chunk') chunks.set(item.fileName, item);
    return chunks;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The entry chunk and every chunk it imports statically: what loads first. */
function firstLoad(chunks: ReadonlyMap<string, BuiltChunk>): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of chunks.get(file)?.imports ?? []) visit(imported);
  };
  for (const [file, chunk] of chunks) if (chunk.isEntry) visit(file);
  return seen;
}

// Run after the build (it bundles dist/). A failure is rare: its sentences load with the widget's lazy module.
describe("the failure wording is not in a widget's first load", () => {
  for (const { tag, folder } of WIDGETS) {
    it(`<${tag}>: no failure sentence before its lazy module, and the sentence in a chunk it imports lazily`, async () => {
      const chunks = await viteBuild(folder);
      const first = firstLoad(chunks);
      for (const file of first)
        assert.ok(!chunks.get(file)!.code.includes(failureSentence), `${file} (first load) words failures`);
      const lazy = [...chunks].filter(([file]) => !first.has(file));
      assert.ok(
        lazy.some(([, chunk]) => chunk.code.includes(failureSentence)),
        `no lazy chunk of <${tag}> words failures (${lazy.map(([file]) => file).join(', ')})`,
      );
      if (folder === 'cancel-session') {
        const decided = lazy.filter(([file]) => file.includes('cancel-session.flow.decided'));
        assert.equal(decided.length, 1, 'one decided-phase chunk');
        assert.ok(decided[0]![1].code.includes(failureSentence), 'the decided-phase chunk words failures');
      }
    });
  }
});
