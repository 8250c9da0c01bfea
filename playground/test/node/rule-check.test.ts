import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPolicy } from '@raincheck/policy';
import { defaultRuleFiles } from '@raincheck/policy/rules';
import { SCENARIOS } from '@raincheck/mock-host';
import { checkRuleTexts } from '../../src/rule-check.js';
import { compareRuleSets, scenarioCases } from '../../src/compare.js';

const texts = () =>
  Object.fromEntries(Object.entries(defaultRuleFiles).map(([name, file]) => [name, JSON.stringify(file, null, 2)]));

describe('checkRuleTexts (the rule editor’s check)', () => {
  it('accepts the default rules and builds their policy', () => {
    const check = checkRuleTexts(texts());
    assert.ok(check.ok);
    assert.equal(check.policy.files.length, Object.keys(defaultRuleFiles).length);
  });

  it('a syntax error names the file and line and points at the offending character', () => {
    const edited = texts();
    edited['visibility.json'] = edited['visibility.json']!.replace('"id"', '"id" x');
    const check = checkRuleTexts(edited);
    assert.ok(!check.ok);
    const [problem] = check.problems;
    assert.equal(problem?.file, 'visibility.json');
    assert.match(problem.message, /^JSON syntax: .+ \(line 3\)$/);
    assert.equal(edited['visibility.json'].slice(problem.offset, problem.offset + 1), 'x');
  });

  it('a schema problem names the path and is placed on the value it names', () => {
    const edited = texts();
    edited['session-changes.json'] = edited['session-changes.json']!.replace('"minSlots": 2', '"minSlots": "two"');
    const check = checkRuleTexts(edited);
    assert.ok(!check.ok);
    const problem = check.problems.find((p) => p.path.endsWith('.minSlots'))!;
    assert.equal(problem.file, 'session-changes.json');
    assert.match(problem.path, /^\$\.rules\[\d+\]\.event\.params\.minSlots$/);
    assert.equal(edited['session-changes.json'].slice(problem.offset, problem.offset + problem.length), '"two"');
  });
});

describe('compareRuleSets (the playground’s Compare tab)', () => {
  it('covers every seeded scenario, and finds exactly the decisions an edit changes', async () => {
    const cases = scenarioCases(Date.parse('2027-06-01T09:00:00Z'));
    assert.deepEqual(new Set(cases.map((c) => c.scenario)), new Set(Object.keys(SCENARIOS)));
    const before = createPolicy(defaultRuleFiles);
    const same = await compareRuleSets(before, createPolicy(structuredClone(defaultRuleFiles)), cases);
    assert.ok(same.every((row) => row.changes.length === 0));

    const edited = structuredClone(defaultRuleFiles) as Record<
      string,
      { rules: { id: string; event: { params: Record<string, unknown> } }[] }
    >;
    edited['notification-timing.json']!.rules.find(
      (r) => r.id === 'notify-client-by-sms-within-48-hours',
    )!.event.params.channels = ['phone'];
    const rows = await compareRuleSets(before, createPolicy(edited), cases);
    const changed = rows.filter((row) => row.changes.length > 0);
    // Only what is within 48 hours and notifies: sessions starting soon or already started.
    assert.deepEqual(
      changed.map((row) => `${row.scenario}: ${row.label}`),
      [
        'starting-soon: cancel (illness)',
        'starting-soon: rearrange',
        'already-started: cancel (illness)',
        'already-started: rearrange',
      ],
    );
    assert.deepEqual(changed[0]!.changes, [
      {
        field: 'notify',
        before: 'email, sms, phone within 0 min, follow up after 24 h',
        after: 'email, phone within 0 min, follow up after 24 h',
      },
    ]);
  });
});
