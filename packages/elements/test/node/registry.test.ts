import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { className, widgetEntries } from '../../build/widget-entries.js';
import { WIDGETS } from '../../src/registry.js';

const src = new URL('../../src/', import.meta.url).pathname;
const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, unknown>;
};

describe('the widget registry', () => {
  it('is every widget folder: each with its element, its registration file and its entry in the package (package.json is the one other place a widget is named)', () => {
    const folders = readdirSync(src).filter(
      (name) => existsSync(`${src}${name}/define-${name}.ts`) && name !== 'provider',
    );
    assert.deepEqual(
      WIDGETS.map((w) => w.folder).sort(),
      folders.sort(),
      'a folder with a define-*.ts is a widget: one registry line each',
    );
    for (const { folder, tag } of WIDGETS) {
      assert.match(
        readFileSync(`${src}${folder}/define-${folder}.ts`, 'utf8'),
        new RegExp(`defineOnce\\('${tag}'`),
        `${folder} registers <${tag}>`,
      );
      assert.ok(packageJson.exports[`./${folder}`], `package.json exports ./${folder}`);
    }
  });

  it("the build's lists (every element registered, every widget's exports) are up to date with it", () => {
    for (const [name, text] of Object.entries(widgetEntries()))
      assert.equal(
        readFileSync(`${src}${name}`, 'utf8'),
        text,
        `src/${name} is rewritten by the build from the registry`,
      );
    const generated = readFileSync(`${src}define.ts`, 'utf8');
    for (const { tag } of WIDGETS)
      assert.match(generated, new RegExp(`defineOnce\\('${tag}', ${className(tag)}\\)`), `<${tag}> is registered`);
  });
});
