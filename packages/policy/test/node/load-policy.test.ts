import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PolicyValidationError } from '../../src/errors.js';
import { listRuleFiles, loadPolicy, loadPolicyFromDir } from '../../src/node.js';
import { rulesDir } from './helpers.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'raincheck-load-'));
const visibilityFile = join(rulesDir, 'visibility.json');

/** The issues `promise` rejects with, as `file:path: message` lines. */
async function issuesOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PolicyValidationError, String(error));
    return error.issues.map((i) => `${i.file}:${i.path}: ${i.message}`);
  }
  assert.fail('expected a PolicyValidationError');
}

describe('loadPolicy: folders, symlinks and encodings (Node API)', () => {
  it('a symlinked rule file in a folder is part of the policy, read once however many links lead to it', async () => {
    const dir = tempDir();
    symlinkSync(visibilityFile, join(dir, 'visibility.json'));
    symlinkSync('visibility.json', join(dir, 'alias.json'));
    const policy = await loadPolicyFromDir(dir);
    assert.deepEqual(
      policy.files.map((f) => f.id),
      ['visibility'],
    );
    assert.deepEqual(await listRuleFiles([dir, visibilityFile]), [join(dir, 'alias.json')]);
  });

  it('every unusable path is an issue, reported with the JSON and rule problems', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'visibility.json'), readFileSync(visibilityFile));
    writeFileSync(join(dir, 'broken.json'), '[1,');
    symlinkSync('loop.json', join(dir, 'loop.json'));
    assert.deepEqual(await issuesOf(loadPolicy([dir, join(dir, 'missing.json')])), [
      `${join(dir, 'loop.json')}:$: a symlink loop (the link leads back to itself)`,
      `${join(dir, 'missing.json')}:$: no such file or folder`,
      `${join(dir, 'broken.json')}:$: not valid JSON at line 1, column 4: expected a value, got the end of the file`,
    ]);
    await assert.rejects(listRuleFiles([join(dir, 'missing.json')]), PolicyValidationError);
  });

  it('conditions nested 100,000 deep: one issue naming the file and where its nesting passes the limit, not a RangeError', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'visibility.json'), readFileSync(visibilityFile));
    const leaf = '{"fact":"action","operator":"equal","value":"cancel"}';
    const depth = 100_000;
    const conditions = '{"all":['.repeat(depth) + leaf + ']}'.repeat(depth);
    writeFileSync(
      join(dir, 'deep.json'),
      `{"id":"deep","version":"1.0.0","description":"Deep.","rules":[{"id":"deep-rule","description":"Deep.","conditions":${conditions},"event":{"type":"notify-client","params":{"channels":["email"],"withinMinutes":0}}}]}`,
    );
    const [issue, ...more] = await issuesOf(loadPolicyFromDir(dir));
    assert.match(issue ?? '', new RegExp(`^${join(dir, 'deep.json')}:\\$\\.rules\\[0\\]\\.conditions\\S*: `));
    assert.deepEqual(more, []);
  });
});
