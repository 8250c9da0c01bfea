import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minifyTemplates } from '../../build/minify-templates.js';

describe('template minification (build)', () => {
  it("minifies static css`` and keeps what CSS needs escaped in a template literal", async () => {
    const out = await minifyTemplates("const s = css`\n  :host {\n    color: red;\n    content: '\\\\2014 \\`';\n  }\n`;", 'a.ts');
    // The space after a CSS escape only ends it, so the minifier may drop it before a non-hex character.
    assert.equal(out, "const s = css`:host{color:red;content:\"\\\\2014\\`\"}`;");
  });

  it('collapses line breaks and indentation in html`` to one space, around and between substitutions', async () => {
    const source = 'const t = html`<p\n    part="x"\n    class=${a}>\n      ${b}\n    </p>\n    <span>keep  two spaces</span>`;';
    assert.equal(await minifyTemplates(source, 'b.ts'), 'const t = html`<p part="x" class=${a}> ${b} </p> <span>keep  two spaces</span>`;');
  });

  it('leaves other template literals and css`` with substitutions (but their line breaks) alone', async () => {
    const source = 'const a = `line\n  two`;\nconst b = css`\n  a { color: ${c}; }\n`;';
    assert.equal(await minifyTemplates(source, 'c.ts'), 'const a = `line\n  two`;\nconst b = css` a { color: ${c}; } `;');
  });
});
