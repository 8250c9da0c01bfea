import { readFileSync, writeFileSync } from 'node:fs';
import type { Plugin } from 'esbuild';
import { WIDGETS } from '../src/registry.js';

// The two lists a widget would otherwise add itself to by hand, written from the registry at each
// build: src/define.ts (the entry that registers every element; generated whole, since a module it
// imported would not be named by `sideEffects` and bundlers would drop it) and
// src/widgets.generated.ts (every widget module's exports, re-exported by the package's main entry).

const HEADER = '// Generated from src/registry.ts by the build (build/widget-entries.ts): do not edit.\n';

/** `rc-cancel-session` → `RcCancelSession`: each widget's class is named after its tag. */
export const className = (tag: string) =>
  tag.replace(/(^|-)(\w)/g, (_match, _dash: string, letter: string) => letter.toUpperCase());

/** The generated files, by their path under src/. */
export function widgetEntries(): Record<string, string> {
  const all = [
    { tag: 'rc-provider', folder: 'provider', module: 'provider' },
    ...WIDGETS.map(({ tag, folder }) => ({ tag, folder, module: folder })),
  ];
  return {
    'define.ts':
      HEADER +
      "// Registers every Raincheck element (safe to import twice, or from two copies of the SDK). Each\n// registration file makes its own define calls, so bundlers never find them in a shared chunk.\nimport { defineOnce } from './internal/define.js';\n" +
      all.map(({ tag, folder, module }) => `import { ${className(tag)} } from './${folder}/${module}.js';\n`).join('') +
      '\n' +
      all.map(({ tag }) => `defineOnce('${tag}', ${className(tag)});\n`).join(''),
    'widgets.generated.ts':
      HEADER + WIDGETS.map(({ folder }) => `export * from './${folder}/${folder}.js';\n`).join(''),
  };
}

/** Writes the generated files before each build, when they differ (so watchers do not loop). */
export const widgetEntriesPlugin: Plugin = {
  name: 'raincheck-widget-entries',
  setup(build) {
    build.onStart(() => {
      const src = new URL('../src/', import.meta.url);
      for (const [name, text] of Object.entries(widgetEntries())) {
        const file = new URL(name, src);
        let current = '';
        try {
          current = readFileSync(file, 'utf8');
        } catch {
          // Not written yet.
        }
        if (current !== text) writeFileSync(file, text);
      }
    });
  },
};
