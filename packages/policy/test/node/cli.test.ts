import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot, rulesDir } from './helpers.js';

const bin = join(repoRoot, 'packages/policy/bin/raincheck.js');

function raincheck(...args: string[]): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: repoRoot });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function copyOfRules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'raincheck-rules-'));
  cpSync(rulesDir, dir, { recursive: true });
  return dir;
}

describe('raincheck CLI', () => {
  it('validate: a valid folder exits 0', () => {
    const { code, out } = raincheck('validate', 'rules');
    assert.equal(code, 0);
    assert.match(out, /5 rule file\(s\), \d+ rules: valid/);
  });

  it('validate: errors as file:path: message, exit 1', () => {
    const dir = copyOfRules();
    const file = join(dir, 'visibility.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.rules[1].conditions.all[1].operator = 'atLeast';
    writeFileSync(file, JSON.stringify(json));
    writeFileSync(join(dir, 'broken.json'), '{ "id": ');
    const { code, err } = raincheck('validate', dir);
    assert.equal(code, 1);
    assert.match(err, new RegExp(`${file.replace(/[/.]/g, '\\$&')}:\\$\\.rules\\[1\\]\\.conditions\\.all\\[1\\]\\.operator: expected "equal"`));
    assert.match(err, /broken\.json:\$: not valid JSON/);
  });

  it('test: runs the fixtures and prints the closing count', () => {
    const { code, out } = raincheck('test', 'rules');
    assert.equal(code, 0, out);
    assert.match(out, /^\d+ passed, 0 failed$/m);
    assert.doesNotMatch(out, /uncovered/);
  });

  it('test: a failing case exits 1 and says why; rules no fixture fires are named', () => {
    const dir = copyOfRules();
    const fixture = join(dir, 'tests', 'notification-timing.test.json');
    const json = JSON.parse(readFileSync(fixture, 'utf8'));
    json.cases[0].expect.notify.withinMinutes = 15;
    writeFileSync(fixture, JSON.stringify(json));
    const visibility = join(dir, 'tests', 'visibility.test.json');
    writeFileSync(visibility, JSON.stringify({ ...JSON.parse(readFileSync(visibility, 'utf8')), cases: [{ name: 'only', facts: {}, expect: {} }] }));
    const { code, out } = raincheck('test', dir);
    assert.equal(code, 1);
    assert.match(out, /FAIL .*notification-timing\.test\.json › a cancellation 9 days ahead/);
    assert.match(out, /decision\.notify\.withinMinutes: expected 15, got 0/);
    assert.match(out, /uncovered: no fixture makes rule "hide-profile-when-unsure" fire/);
    assert.match(out, /^\d+ passed, 1 failed$/m);
  });

  it('explain: the decision and why, readable; --json gives the decision object', () => {
    const dir = mkdtempSync(join(tmpdir(), 'raincheck-facts-'));
    const facts = join(dir, 'facts.json');
    writeFileSync(
      facts,
      JSON.stringify({
        action: 'cancel',
        now: '2027-06-10T08:00:00+01:00',
        session: { id: 's', startsAt: '2027-06-10T10:00:00+01:00', endsAt: '2027-06-10T10:50:00+01:00', timeZone: 'Europe/London', status: 'scheduled', price: { amount: 6000, currency: 'GBP' } },
        client: { id: 'c', isNew: true, attendedSessions: 0 },
        therapist: { id: 't', profileVisible: true },
      }),
    );
    const text = raincheck('explain', '--facts', facts, 'rules');
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /Action cancel at .*: ALLOWED/);
    assert.match(text.out, /notify the client by email, sms, phone within 0 minutes/);
    assert.match(text.out, /refund 100% \(60\.00 GBP\), reviewed by the team/);
    assert.match(text.out, /✔ hoursUntilStart lessThanInclusive 4 \(actual 2\)/);
    const json = raincheck('explain', '--json', '--facts', facts, 'rules');
    assert.equal(JSON.parse(json.out).refund.mode, 'team-review');
    writeFileSync(facts, JSON.stringify({ action: 'cancel' }));
    const bad = raincheck('explain', '--facts', facts, 'rules');
    assert.equal(bad.code, 1);
    assert.match(bad.err, /^facts:\$\.now: required/m);
  });

  it('schema: prints the rule-file JSON Schema; unknown commands exit 2 with usage', () => {
    const schema = JSON.parse(raincheck('schema').out);
    assert.equal(schema.title, 'Raincheck rule file');
    const unknown = raincheck('frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown command "frobnicate"/);
  });
});
