// Types for the registration entries. tsup bundles one .d.ts per entry, and a file that only
// registers elements bundles to `export {}`: the classes and the global tag and event maps
// (HTMLElementTagNameMap, HTMLElementEventMap) stay behind in the main entry's types. So each
// registration entry's .d.ts re-exports the main entry's types, type-only (its JavaScript exports
// nothing), which also brings the global maps along. One declaration of each class, in
// dist/index.d.ts, so importing two entries never declares a tag twice.
import { writeFile } from 'node:fs/promises';
import { dirname, posix, relative } from 'node:path';
import { distModule, MAIN_ENTRY, REGISTRATION_ENTRIES } from './entries.js';

const packageRoot = new URL('../', import.meta.url).pathname;

/** The .d.ts text of one registration entry. */
export function registrationTypes(entry: string): string {
  const from = dirname(distModule(entry));
  let main = relative(from, distModule(MAIN_ENTRY)).split('\\').join(posix.sep);
  if (!main.startsWith('.')) main = `./${main}`;
  return [
    `// Registers its elements when imported; the types are the main entry's (type-only: this module exports nothing).`,
    `export type * from '${main}';`,
    '',
  ].join('\n');
}

for (const entry of REGISTRATION_ENTRIES) {
  const types = `${packageRoot}${distModule(entry).replace(/\.js$/, '.d.ts')}`;
  await writeFile(types, registrationTypes(entry));
}
