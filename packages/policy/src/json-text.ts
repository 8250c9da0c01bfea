/**
 * Reading JSON files strictly: UTF-8 only (a leading byte-order mark is dropped, as RFC 8259 §8.1
 * allows), and syntax errors placed at a line and column. JSON.parse's own messages differ between
 * Node versions and often give no position at all, so the position comes from a scan of our own.
 */

/** A file's text could not be read as JSON: what is wrong, and where. */
export interface JsonTextProblem {
  /** 1-based line and column (in UTF-16 code units, as editors count) of the first bad character. */
  readonly line: number;
  readonly column: number;
  /** A sentence, e.g. `not valid JSON at line 3, column 15: expected a value, got ","`. */
  readonly message: string;
}

/** The outcome of {@link parseJsonBytes}: the value, or the one problem that stops reading it. */
export type JsonTextResult =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: JsonTextProblem };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** Decodes and parses a JSON file's bytes, refusing anything that is not UTF-8 JSON. */
export function parseJsonBytes(bytes: Uint8Array): JsonTextResult {
  let text: string;
  try {
    // ignoreBOM is false by default: the decoder drops a leading U+FEFF instead of returning it.
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, problem: notUtf8(bytes) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const found = findJsonSyntaxError(text);
    const at = found ?? { offset: text.length, message: (error as Error).message };
    const { line, column } = lineAndColumn(text, at.offset);
    return {
      ok: false,
      problem: { line, column, message: `not valid JSON at line ${line}, column ${column}: ${at.message}` },
    };
  }
}

/** Where the first byte that is not UTF-8 sits, found by decoding leniently up to the first stand-in. */
function notUtf8(bytes: Uint8Array): JsonTextProblem {
  const text = lenientUtf8.decode(bytes);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let offset = start;
  let chars = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    // A U+FFFD the file really holds is the bytes EF BF BD; any other is where decoding failed.
    if (codePoint === 0xfffd && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd))
      break;
    offset += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    chars += char.length;
  }
  const { line, column } = lineAndColumn(text, chars);
  const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return {
    line,
    column,
    message: `not UTF-8 text: byte 0x${byte} at line ${line}, column ${column} (save the file as UTF-8)`,
  };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

function describe(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  const char = String.fromCodePoint(text.codePointAt(offset) ?? 0);
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(char)
    ? JSON.stringify(char)
    : `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The offset and a sentence for the first syntax error in `text`, or undefined when it is valid
 * JSON. Iterative (a stack of open containers), so any depth JSON.parse accepts is scanned.
 */
export function findJsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  /** What the scanner expects next. */
  type Expecting = 'value' | 'first-value-or-]' | 'key' | 'first-key-or-}' | ':' | ',-or-]' | ',-or-}' | 'end';
  const open: ('[' | '{')[] = [];
  let expecting: Expecting = 'value';
  let i = 0;
  const fail = (message: string, at = i) => ({ offset: at, message: `${message}, got ${describe(text, at)}` });
  const afterValue = (): Expecting => (open.length === 0 ? 'end' : open[open.length - 1] === '[' ? ',-or-]' : ',-or-}');
  while (true) {
    while (i < text.length && WHITESPACE.has(text[i] ?? '')) i += 1;
    const char = text[i];
    if (expecting === 'end')
      return char === undefined ? undefined : fail('expected the end of the file after the JSON value');
    if (char === undefined) return fail(expectedSentence(expecting));
    if ((expecting === 'first-value-or-]' && char === ']') || (expecting === 'first-key-or-}' && char === '}')) {
      open.pop();
      i += 1;
      expecting = afterValue();
    } else if (expecting === 'value' || expecting === 'first-value-or-]') {
      if (char === '[' || char === '{') {
        open.push(char);
        i += 1;
        expecting = char === '[' ? 'first-value-or-]' : 'first-key-or-}';
        continue;
      }
      const end = char === '"' ? stringEnd(text, i) : tokenEnd(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      expecting = afterValue();
    } else if (expecting === 'key' || expecting === 'first-key-or-}') {
      if (char !== '"') return fail(expectedSentence(expecting));
      const end = stringEnd(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      expecting = ':';
    } else if (expecting === ':') {
      if (char !== ':') return fail(expectedSentence(expecting));
      i += 1;
      expecting = 'value';
    } else {
      const close: ']' | '}' = expecting === ',-or-]' ? ']' : '}';
      if (char === ',') expecting = close === ']' ? 'value' : 'key';
      else if (char === close) {
        open.pop();
        expecting = afterValue();
      } else return fail(expectedSentence(expecting));
      i += 1;
    }
  }

  function expectedSentence(expecting: Exclude<Expecting, 'end'>): string {
    switch (expecting) {
      case 'value':
        return 'expected a value';
      case 'first-value-or-]':
        return 'expected a value or "]"';
      case 'key':
        return 'expected a property name in double quotes';
      case 'first-key-or-}':
        return 'expected a property name in double quotes or "}"';
      case ':':
        return 'expected ":" after the property name';
      case ',-or-]':
        return 'expected "," or "]"';
      case ',-or-}':
        return 'expected "," or "}"';
    }
  }

  /** The offset after the number or literal at `start`, or the error there. */
  function tokenEnd(source: string, start: number): number | { offset: number; message: string } {
    for (const pattern of [NUMBER, LITERAL]) {
      pattern.lastIndex = start;
      if (pattern.test(source)) return pattern.lastIndex;
    }
    // After "," or ":" a structural character needs no list of what a value may be.
    const structural = ']},:'.includes(source[start] ?? '');
    return fail(
      structural
        ? 'expected a value'
        : 'expected a value (a string in double quotes, a number, true, false, null, an object or a list)',
      start,
    );
  }

  /** The offset after the string opening at `start`, or the error in it. */
  function stringEnd(source: string, start: number): number | { offset: number; message: string } {
    for (let j = start + 1; j < source.length; j += 1) {
      const c = source.charCodeAt(j);
      if (c === 0x22) return j + 1;
      if (c < 0x20) return fail('a control character (a line break or tab) inside a string must be escaped', j);
      if (c === 0x5c) {
        const next = source[j + 1] ?? '';
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(source.slice(j + 2, j + 6)))
            return fail('expected four hex digits after \\u', j + 2);
          j += 5;
        } else if (ESCAPES.has(next)) j += 1;
        else return fail('not a JSON escape sequence after "\\"', j + 1);
      }
    }
    return fail('the string is not closed with a double quote', source.length);
  }
}

/**
 * How deep `value` nests (a scalar is 1) and the path to its deepest point. Iterative, so it
 * measures values too deep for the recursive checks that overflowed on them.
 */
export function deepestPoint(value: unknown): { depth: number; path: PropertyKey[] } {
  interface Step {
    readonly value: unknown;
    readonly depth: number;
    readonly key?: PropertyKey;
    readonly parent?: Step;
  }
  let deepest: Step = { value, depth: 1 };
  const pending: Step[] = [deepest];
  for (let step = pending.pop(); step; step = pending.pop()) {
    if (step.depth > deepest.depth) deepest = step;
    if (step.value === null || typeof step.value !== 'object') continue;
    const entries: [PropertyKey, unknown][] = Array.isArray(step.value)
      ? step.value.map((item: unknown, index) => [index, item])
      : Object.entries(step.value);
    for (const [key, child] of entries) pending.push({ value: child, depth: step.depth + 1, key, parent: step });
  }
  const path: PropertyKey[] = [];
  for (let step: Step | undefined = deepest; step?.key !== undefined; step = step.parent) path.push(step.key);
  return { depth: deepest.depth, path: path.reverse() };
}
