import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compactCustomProperties, minifyTemplates } from '../../build/minify-templates.js';

describe('template minification (build)', () => {
  it('minifies static css`` and keeps what CSS needs escaped in a template literal', async () => {
    const out = await minifyTemplates(
      "const s = css`\n  :host {\n    color: red;\n    content: '\\\\2014 \\`';\n  }\n`;",
      'a.ts',
    );
    // The space after a CSS escape only ends it, so the minifier may drop it before a non-hex character.
    assert.equal(out, 'const s = css`:host{color:red;content:"\\\\2014\\`"}`;');
  });

  it('drops the spaces esbuild keeps in custom properties, but not in strings', async () => {
    const source =
      'const s = css`\n  :host {\n    --_accent: var(--rc-accent, light-dark(#2f5d8a, #8cb8e6));\n    --_font: var(--rc-font, system-ui, "Segoe UI, Roboto", sans-serif);\n    color-scheme: var(--rc-scheme, light dark);\n  }\n`;';
    assert.equal(
      await minifyTemplates(source, 'd.ts'),
      'const s = css`:host{--_accent:var(--rc-accent,light-dark(#2f5d8a,#8cb8e6));--_font:var(--rc-font,system-ui,"Segoe UI, Roboto",sans-serif);color-scheme:var(--rc-scheme,light dark)}`;',
    );
    assert.equal(
      compactCustomProperties(`a{--x: 'a, b: c';content:"--y: 1, 2"}`),
      `a{--x:'a, b: c';content:"--y: 1, 2"}`,
    );
  });

  it('collapses line breaks and indentation in html`` to one space, around and between substitutions', async () => {
    const source =
      'const t = html`<p\n    part="x"\n    class=${a}>\n      ${b}\n    </p>\n    <span>keep  two spaces</span>`;';
    assert.equal(
      await minifyTemplates(source, 'b.ts'),
      'const t = html`<p part="x" class=${a}> ${b} </p> <span>keep  two spaces</span>`;',
    );
  });

  it('leaves other template literals and css`` with substitutions (but their line breaks) alone', async () => {
    const source = 'const a = `line\n  two`;\nconst b = css`\n  a { color: ${c}; }\n`;';
    assert.equal(
      await minifyTemplates(source, 'c.ts'),
      'const a = `line\n  two`;\nconst b = css` a { color: ${c}; } `;',
    );
  });
});
