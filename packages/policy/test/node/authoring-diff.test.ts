import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPolicy, jsonPath, PolicyValidationError } from '../../src/index.js';
import { diffDecisions, effectLines, jsonPathSegments } from '../../src/authoring.js';
import { cancelFacts, defaultRuleSources } from './helpers.js';

describe('diffDecisions', () => {
  it('names each part that two rule sets decide differently, and nothing else', async () => {
    const before = createPolicy(defaultRuleSources());
    const edited = structuredClone(defaultRuleSources()) as Record<
      string,
      { rules: { id: string; event: { params: Record<string, unknown> } }[] }
    >;
    edited['session-changes.json']!.rules.find((r) => r.id === 'offer-alternatives-on-cancel')!.event.params.minSlots =
      3;
    const after = createPolicy(edited);
    const facts = cancelFacts();
    const changes = diffDecisions(await before.evaluate(facts), await after.evaluate(facts));
    assert.deepEqual(changes, [
      { field: 'alternatives', before: 'at least 2 within 14 days', after: 'at least 3 within 14 days' },
    ]);
    assert.deepEqual(diffDecisions(await before.evaluate(facts), await before.evaluate(facts)), []);
  });
});

describe('effectLines', () => {
  it('lists each effect in words with the rules it came from, as diffDecisions compares them', async () => {
    const decision = await createPolicy(defaultRuleSources()).evaluate(cancelFacts());
    const lines = effectLines(decision);
    assert.deepEqual(
      lines.find((l) => l.field === 'alternatives'),
      { field: 'alternatives', text: 'at least 2 within 14 days', ruleIds: ['offer-alternatives-on-cancel'] },
    );
    assert.deepEqual(
      lines.map((l) => [l.field, l.text]),
      [
        ['notify', 'email within 0 min, follow up after 24 h'],
        ['alternatives', 'at least 2 within 14 days'],
        ['refund', '100% (6000 GBP), self-serve'],
      ],
    );
    assert.ok(lines.every((l) => l.ruleIds.length > 0));
  });
});

describe('jsonPathSegments', () => {
  it('reads back every path a validation issue gives', () => {
    for (const segments of [[], ['rules', 2, 'event'], ['files', 'odd key', 0], ['a"b', 'c']]) {
      assert.deepEqual(jsonPathSegments(jsonPath(segments)), segments);
    }
  });

  it('the path of a real issue leads to the offending value', () => {
    const files = structuredClone(defaultRuleSources()) as Record<
      string,
      { rules: { event: { params: Record<string, unknown> } }[] }
    >;
    files['notification-timing.json']!.rules[1]!.event.params.channels = ['pigeon'];
    const error = (() => {
      try {
        createPolicy(files);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    assert.ok(error instanceof PolicyValidationError);
    const issue = error.issues[0]!;
    let value: unknown = files[issue.file];
    for (const segment of jsonPathSegments(issue.path)) value = (value as Record<string | number, unknown>)[segment];
    assert.equal(value, 'pigeon');
  });

  it('refuses what is not a path', () => {
    assert.throws(() => jsonPathSegments('rules[0]'), SyntaxError);
    assert.throws(() => jsonPathSegments('$.rules[x]'), /at 7/);
  });
});
