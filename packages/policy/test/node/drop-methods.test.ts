import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import { dropMethods } from '../../build/drop-methods.js';

const compiled = `var Thing = function () {
  _createClass(Thing, [{
    key: 'first',
    value: function first() {
      // don't be fooled by an apostrophe, or a brace: }
      return { a: '}', b: "{" };
    }
  }, {
    key: 'middle',
    value: function middle() {
      /* a block comment with } and ' */
      if (this.x) { return 1; }
      return \`\${'}'}\`;
    }
  }, {
    key: 'last',
    value: function last() {
      return 3;
    }
  }]);
  return Thing;
}();`;

/** Runs the compiled class and returns the method names it defines. */
function methods(source: string): string[] {
  const context: { keys?: string[]; _createClass: (c: unknown, entries: { key: string }[]) => string[] } = {
    _createClass: (_c, entries) => entries.map((e) => e.key),
  };
  runInNewContext(source.replace('_createClass(Thing,', 'keys = _createClass(Thing,'), context);
  return [...(context.keys ?? [])]; // copied out of the other realm
}

describe('dropMethods (build step for json-rules-engine)', () => {
  it('removes the first, middle or last method and leaves valid code', () => {
    assert.deepEqual(methods(compiled), ['first', 'middle', 'last']);
    assert.deepEqual(methods(dropMethods(compiled, ['first'], 't')), ['middle', 'last']);
    assert.deepEqual(methods(dropMethods(compiled, ['middle'], 't')), ['first', 'last']);
    assert.deepEqual(methods(dropMethods(compiled, ['last'], 't')), ['first', 'middle']);
    assert.deepEqual(methods(dropMethods(compiled, ['first', 'last'], 't')), ['middle']);
  });

  it('fails the build when a method to drop is not there', () => {
    assert.throws(() => dropMethods(compiled, ['renamed'], 'engine'), /no method "renamed" in engine/);
  });
});
