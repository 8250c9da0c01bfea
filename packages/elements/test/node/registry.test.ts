import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { WIDGETS } from '../../src/registry.js';

const src = new URL('../../src/', import.meta.url).pathname;
const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown> };

describe('the widget registry', () => {
  it('is every widget folder: each with its element, its registration file and its entry in the package', () => {
    const folders = readdirSync(src).filter((name) => existsSync(`${src}${name}/define-${name}.ts`) && name !== 'provider');
    assert.deepEqual(WIDGETS.map((w) => w.folder).sort(), folders.sort(), 'a folder with a define-*.ts is a widget: one registry line each');
    for (const { folder, tag } of WIDGETS) {
      assert.match(readFileSync(`${src}${folder}/define-${folder}.ts`, 'utf8'), new RegExp(`defineOnce\\('${tag}'`), `${folder} registers <${tag}>`);
      assert.ok(packageJson.exports[`./${folder}`], `package.json exports ./${folder}`);
    }
  });

  it('define.ts registers every widget it lists, and index.ts exports each class', () => {
    const define = readFileSync(`${src}define.ts`, 'utf8');
    const index = readFileSync(`${src}index.ts`, 'utf8');
    for (const { tag, folder } of WIDGETS) {
      assert.match(define, new RegExp(`defineOnce\\('${tag}'`), `define.ts registers <${tag}>`);
      assert.match(index, new RegExp(`from './${folder}/${folder}.js'`), `index.ts exports <${tag}>'s class`);
    }
  });
});
