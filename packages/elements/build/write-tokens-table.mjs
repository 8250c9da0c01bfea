// Writes the theming table of packages/elements/README.md (between its `tokens` markers) from the
// tokens in src/styles/tokens.ts, as the manifest's cssProperties are: one list, in both places.
// Run by `build`; a test fails while the committed README is not what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cssTokens } from './css-tokens.mjs';

const readme = new URL('../README.md', import.meta.url);
const START = '<!-- tokens:start (written by build/write-tokens-table.mjs) -->';
const END = '<!-- tokens:end -->';

/** The markdown table of every token, its default and what it is for. */
export function tokensTable() {
  const cell = (text) => text.replaceAll('|', '\\|');
  return [
    '| custom property | default (light, dark) | what it sets |',
    '| --- | --- | --- |',
    ...cssTokens().map((t) => `| \`${t.name}\` | \`${cell(t.default)}\` | ${cell(t.description)} |`),
  ].join('\n');
}

/** The README text with its table replaced by the current one. */
export function withTokensTable(text) {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${fileURLToPath(readme)}: the markers ${START} … ${END} are missing`);
  return `${text.slice(0, start + START.length)}\n${tokensTable()}\n${text.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = readFileSync(readme, 'utf8');
  const updated = withTokensTable(text);
  if (updated !== text) writeFileSync(readme, updated);
}
