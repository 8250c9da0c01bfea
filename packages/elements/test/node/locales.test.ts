import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { str } from '@lit/localize';
import { templates } from '../../src/localization/locales/de.js';

const de = templates(str);

const src = new URL('../../src/', import.meta.url).pathname;

/** Every message id the widgets use, read from their source. */
function messageIds(): Set<string> {
  const ids = new Set<string>();
  for (const file of readdirSync(src, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.includes('locales'))) {
    for (const match of readFileSync(join(src, file), 'utf8').matchAll(/\{\s*id: '([\w.-]+)',?\s*\}/g))
      ids.add(match[1]!);
  }
  return ids;
}

describe('translations', () => {
  it('German translates every message the widgets show, and nothing else', () => {
    const used = messageIds();
    assert.ok(used.size > 40, `found ${used.size} ids`);
    assert.deepEqual([...used].filter((id) => !(id in de)).sort(), [], 'untranslated');
    assert.deepEqual(
      Object.keys(de)
        .filter((id) => !used.has(id))
        .sort(),
      [],
      'translated but unused',
    );
  });
});
