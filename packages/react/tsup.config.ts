import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { libraryDefaults } from '../../tsup.shared.js';

// One module per component (src/generated/, written by build/write-wrappers.ts), so a bundler keeps
// only the components a page uses and, with them, only their elements' registrations.
const generated = readdirSync('src/generated').filter((file) => file.endsWith('.ts'));

export default defineConfig({
  ...libraryDefaults,
  entry: Object.fromEntries(generated.map((file) => [file.replace(/\.ts$/, ''), `src/generated/${file}`])),
  platform: 'browser',
  external: [/^@raincheck\//, /^@lit\//, /^lit/, 'react'],
});
