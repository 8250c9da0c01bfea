// The package's entry points, read from package.json `exports` (the one list a new element is
// added to), for the tsup build and the script that writes each registration entry's types.
import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, string | { default?: string }>;
};

/** The main entry: the classes and every type, with no side effects. */
export const MAIN_ENTRY = 'src/index.ts';

/** Where tsup writes an entry's module: `src/a/b.ts` → `dist/a/b.js` (it keeps the folders). */
export function distModule(entry: string): string {
  return entry.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
}

/**
 * The registration entries, `./define` (every element) and one per element: each export whose
 * module is a `define*.js` file, as its source (`./dist/a/define-a.js` → `src/a/define-a.ts`).
 */
export const REGISTRATION_ENTRIES: readonly string[] = Object.values(packageJson.exports)
  .map((target) => (typeof target === 'string' ? undefined : target.default))
  .filter((path): path is string => path !== undefined && /\/define(-[\w-]+)?\.js$/.test(path))
  .map((path) => path.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
