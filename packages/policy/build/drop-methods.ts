/**
 * Removes methods from Babel-compiled classes (`_createClass(C, [{ key: 'name', value: function … }])`),
 * used to drop json-rules-engine API that Raincheck never calls from the browser bundle.
 * Throws when a method is not found, so an upgrade that renames one fails the build instead of
 * silently keeping or losing code.
 */
export function dropMethods(source: string, names: readonly string[], file: string): string {
  let out = source;
  for (const name of names) {
    const at = out.search(new RegExp(`\\{\\s*key: '${name}',\\s*value: function`));
    if (at < 0) throw new Error(`drop-methods: no method "${name}" in ${file}`);
    const end = matchingBrace(out, at);
    // Take the separating ", " with it: the one before, or after if this is the first entry.
    const before = out.slice(0, at).match(/,\s*$/);
    if (before) out = out.slice(0, at - before[0].length) + out.slice(end + 1);
    else out = out.slice(0, at) + out.slice(end + 1).replace(/^,\s*/, '');
  }
  return out;
}

/** The index of the `}` matching the `{` at `open`, skipping strings and comments. */
export function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"' || ch === '`') {
      for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === '\\') i++;
    } else if (ch === '/' && text[i + 1] === '/') {
      i = text.indexOf('\n', i);
    } else if (ch === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i) + 1;
    } else if (ch === '{') {
      depth++;
    } else if (ch === '}' && --depth === 0) {
      return i;
    }
  }
  throw new Error('drop-methods: unbalanced braces');
}
