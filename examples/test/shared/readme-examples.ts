// The code blocks of a package README, read from the installed package, so the tests run the
// examples exactly as a partner copies them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/** A fenced code block: its language tag and its text. */
export interface CodeBlock {
  readonly lang: string;
  readonly code: string;
}

/** The fenced code blocks under the README's `## heading` (up to the next `## `), in order. */
export function readmeBlocks(readmeFile: string, heading: string): CodeBlock[] {
  const text = readFileSync(readmeFile, 'utf8');
  const start = text.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `${readmeFile}: no "## ${heading}" section`);
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({ lang: match[1]!, code: match[2]! }));
}

/** The one block of language `lang` under `## heading` (the first when `index` is not given). */
export function readmeBlock(readmeFile: string, heading: string, lang: string, index = 0): string {
  const blocks = readmeBlocks(readmeFile, heading).filter((block) => block.lang === lang);
  assert.ok(blocks[index], `${readmeFile}, "## ${heading}": no ${lang} example (${index + 1}.)`);
  return blocks[index].code;
}
