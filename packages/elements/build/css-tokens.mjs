// The global `--rc-*` tokens every widget's custom properties fall back to, read from the one place
// they are set (src/styles/tokens.ts), so the manifest and the README table can never list others.
import { readFileSync } from 'node:fs';

const tokensSource = new URL('../src/styles/tokens.ts', import.meta.url);

/** What each token is for: the build fails on a token missing here, so none goes undocumented. */
export const TOKEN_DESCRIPTIONS = {
  '--rc-color-accent': 'Buttons, links, selected controls.',
  '--rc-color-accent-text': 'Text on accent-coloured buttons.',
  '--rc-color-text': 'Text.',
  '--rc-color-text-muted': 'Secondary text: hints, times, counts.',
  '--rc-color-surface': 'Background.',
  '--rc-color-surface-raised': 'Raised panels: effects, the selected request.',
  '--rc-color-border': 'Borders.',
  '--rc-color-danger': 'Errors.',
  '--rc-color-warning': 'Warnings, thresholds reached.',
  '--rc-color-success': 'Success messages.',
  '--rc-color-focus': 'The focus ring.',
  '--rc-radius': 'Corner radius.',
  '--rc-space': 'Spacing unit.',
  '--rc-font-family': 'Font.',
  '--rc-duration': 'Transition duration (0ms under prefers-reduced-motion).',
  '--rc-color-scheme':
    '`light`, `dark` or `light dark` (follow the system): picks the light or dark colours and native controls.',
};

/** The text inside `var(` … `)` from `start` (just after `var(`), parentheses balanced. */
function varArguments(text, start) {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(start, i);
  }
  throw new Error(`${tokensSource.pathname}: unbalanced var( at offset ${start}`);
}

/**
 * Every `--rc-*` token the base styles read, in source order, with its default (the fallback).
 * @returns {{ name: string, default: string, description: string }[]}
 */
export function cssTokens() {
  const text = readFileSync(tokensSource, 'utf8');
  const tokens = new Map();
  for (const match of text.matchAll(/var\(\s*(--rc-[\w-]+)\s*,/g)) {
    const name = match[1];
    const fallback = varArguments(text, match.index + 4)
      .slice(match[0].length - 4)
      .trim();
    const description = TOKEN_DESCRIPTIONS[name];
    if (!description)
      throw new Error(
        `${tokensSource.pathname}: token ${name} has no description in packages/elements/build/css-tokens.mjs`,
      );
    if (!tokens.has(name)) tokens.set(name, { name, default: fallback, description });
  }
  if (tokens.size === 0) throw new Error(`${tokensSource.pathname}: found no var(--rc-…, fallback) tokens`);
  return [...tokens.values()];
}
