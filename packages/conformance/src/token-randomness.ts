// Whether offer tokens look random, from a few of them: a link's token is its permission, so a
// counter, a timestamp or a long fixed prefix with a short varying tail lets anyone guess others.

/** Roughly how many random bits a token's text can hold, by its alphabet. */
export function tokenBits(token: string): number {
  const perChar = /^[0-9a-f]+$/i.test(token) ? 4 : /^[A-Za-z0-9_-]+$/.test(token) ? 6 : 5;
  return token.length * perChar;
}

/** What all the tokens share at the start and at the end (a fixed prefix, a suffix). */
function sharedEnds(tokens: readonly string[]): { prefix: number; suffix: number } {
  const shortest = Math.min(...tokens.map((t) => t.length));
  let prefix = 0;
  while (prefix < shortest && tokens.every((t) => t[prefix] === tokens[0]![prefix])) prefix++;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    tokens.every((t) => t[t.length - 1 - suffix] === tokens[0]![tokens[0]!.length - 1 - suffix])
  )
    suffix++;
  return { prefix, suffix };
}

/**
 * What gives the tokens away as guessable, or undefined when nothing does. Random tokens differ
 * almost everywhere; sequential ones share all but a short tail.
 * @param minBits the random bits each token must carry.
 */
export function guessability(tokens: readonly string[], minBits: number): string | undefined {
  for (const token of tokens)
    if (tokenBits(token) < minBits) return `the token ${JSON.stringify(token)} holds at most ${tokenBits(token)} bits`;
  if (new Set(tokens).size < tokens.length)
    return `two cancellations got the same token ${JSON.stringify(tokens.find((t, i) => tokens.indexOf(t) !== i))}`;
  const { prefix, suffix } = sharedEnds(tokens);
  // Chance alone makes random tokens share a character or two at an end: allow eight bits of it.
  const varying = tokens.map((t) => t.slice(prefix, t.length - suffix));
  const bits = Math.min(...varying.map(tokenBits));
  if (bits < minBits - 8)
    return `the tokens ${tokens.map((t) => JSON.stringify(t)).join(', ')} differ only in ${Math.max(...varying.map((v) => v.length))} character(s) (about ${bits} bits; the rest is shared)`;
  for (let i = 0; i < varying.length; i++) {
    for (let j = i + 1; j < varying.length; j++) {
      const [a, b] = [varying[i]!, varying[j]!];
      let same = 0;
      for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
      // Random characters match at a position about once in 16 or more; a counter's match nearly everywhere.
      if (same > a.length / 4)
        return `the tokens ${JSON.stringify(tokens[i])} and ${JSON.stringify(tokens[j])} have the same character at ${same} of ${a.length} positions: they look counted, not random`;
    }
  }
  return undefined;
}

/** Tokens one step from `token`: its last character, and its trailing number, moved by one each way. */
export function neighbours(token: string): string[] {
  const near = new Set<string>();
  const number = /(\d+)$/.exec(token);
  if (number) {
    const digits = number[1]!;
    const value = BigInt(digits);
    for (const next of [value + 1n, value - 1n])
      if (next >= 0n) near.add(`${token.slice(0, -digits.length)}${next.toString().padStart(digits.length, '0')}`);
  }
  const last = token.charCodeAt(token.length - 1);
  for (const code of [last + 1, last - 1]) {
    const char = String.fromCharCode(code);
    if (/[A-Za-z0-9_-]/.test(char)) near.add(`${token.slice(0, -1)}${char}`);
  }
  near.delete(token);
  return [...near];
}
