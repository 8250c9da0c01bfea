import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deepestPoint, findJsonSyntaxError, parseJsonBytes } from '../../src/json-text.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

describe('findJsonSyntaxError', () => {
  it('finds nothing in valid JSON, however deep', () => {
    for (const text of [
      '{}',
      ' [ ] ',
      '"a\\"\\u00e9\\n"',
      '-0.5e+3',
      '{"a": [1, true, false, null, {"b": "c"}]}',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    ]) {
      JSON.parse(text);
      assert.equal(findJsonSyntaxError(text), undefined, text.slice(0, 40));
    }
  });

  it('places every error JSON.parse refuses, with a sentence', () => {
    for (const [text, offset, message] of [
      ['', 0, 'expected a value, got the end of the file'],
      ['{"a": 1,}', 8, 'expected a property name in double quotes, got "}"'],
      ['[1, 2,]', 6, 'expected a value, got "]"'],
      ['{"a" 1}', 5, 'expected ":" after the property name, got "1"'],
      ['{"a": 1 "b": 2}', 8, 'expected "," or "}", got "\\""'],
      ["{'a': 1}", 1, 'expected a property name in double quotes or "}", got "\'"'],
      ['[01]', 2, 'expected "," or "]", got "1"'],
      [
        '{"a": tru}',
        6,
        'expected a value (a string in double quotes, a number, true, false, null, an object or a list), got "t"',
      ],
      ['"a\tb"', 2, 'a control character (a line break or tab) inside a string must be escaped, got U+0009'],
      ['"\\x"', 2, 'not a JSON escape sequence after "\\", got "x"'],
      ['"\\u12g4"', 3, 'expected four hex digits after \\u, got "1"'],
      ['"open', 5, 'the string is not closed with a double quote, got the end of the file'],
      ['{} {}', 3, 'expected the end of the file after the JSON value, got "{"'],
      [`${'['.repeat(50_000)}${']'.repeat(49_999)}`, 99_999, 'expected "," or "]", got the end of the file'],
    ] as const) {
      assert.throws(() => JSON.parse(text), SyntaxError, text);
      assert.deepEqual(findJsonSyntaxError(text), { offset, message }, text.slice(0, 40));
    }
  });
});

describe('parseJsonBytes', () => {
  it('parses UTF-8 JSON, dropping a byte-order mark', () => {
    assert.deepEqual(parseJsonBytes(bytes('{"a": "café"}')), { ok: true, value: { a: 'café' } });
    assert.deepEqual(parseJsonBytes(bytes([0xef, 0xbb, 0xbf], '{"a": 1}')), { ok: true, value: { a: 1 } });
    // A U+FFFD the file really holds (EF BF BD) is text, not a decoding failure.
    assert.deepEqual(parseJsonBytes(bytes('["\uFFFD"]')), { ok: true, value: ['\uFFFD'] });
  });

  it('refuses bytes that are not UTF-8, at the first bad byte (columns in UTF-16 units, as editors count)', () => {
    const result = parseJsonBytes(bytes('{\n  "a": "café \uFFFD 😀 ', [0xe9], '"\n}'));
    assert.deepEqual(result, {
      ok: false,
      problem: {
        line: 2,
        column: 19,
        message: 'not UTF-8 text: byte 0xE9 at line 2, column 19 (save the file as UTF-8)',
      },
    });
    assert.deepEqual(parseJsonBytes(bytes([0xef, 0xbb, 0xbf, 0xff])), {
      ok: false,
      problem: {
        line: 1,
        column: 1,
        message: 'not UTF-8 text: byte 0xFF at line 1, column 1 (save the file as UTF-8)',
      },
    });
  });

  it('names the line and column of a syntax error', () => {
    assert.deepEqual(parseJsonBytes(bytes('{\n  "id": "x",\n  "version": 1,,\n}')), {
      ok: false,
      problem: {
        line: 3,
        column: 16,
        message: 'not valid JSON at line 3, column 16: expected a property name in double quotes, got ","',
      },
    });
  });
});

describe('deepestPoint', () => {
  it('measures depth and the path to the deepest value without recursion', () => {
    assert.deepEqual(deepestPoint(1), { depth: 1, path: [] });
    assert.deepEqual(deepestPoint({ a: [1, { b: 2 }], c: 3 }), { depth: 4, path: ['a', 1, 'b'] });
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    const { depth, path } = deepestPoint(deep);
    assert.equal(depth, 100_000);
    assert.equal(path.length, 99_999);
  });
});
