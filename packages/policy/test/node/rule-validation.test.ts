import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPolicy, PolicyValidationError, type ValidationIssue } from '../../src/index.js';
import { rule, ruleFile } from './helpers.js';

const notify = { type: 'notify-client', params: { channels: ['email'], withinMinutes: 0 } };

function issuesOf(files: Record<string, unknown>): ValidationIssue[] {
  try {
    createPolicy(files);
  } catch (error) {
    assert.ok(error instanceof PolicyValidationError, `expected PolicyValidationError, got ${String(error)}`);
    return [...error.issues];
  }
  assert.fail('the rule files were accepted');
}

function conditionIssue(condition: Record<string, unknown>): ValidationIssue[] {
  return issuesOf({ 'a.json': ruleFile([rule('r', notify, { conditions: { all: [condition] } })]) });
}

describe('rule file validation', () => {
  it('accepts a well-formed file', () => {
    const policy = createPolicy({ 'a.json': ruleFile([rule('r', notify)]) });
    assert.equal(policy.rules.length, 1);
  });

  it('names the file, the JSON path and what was expected for an unknown operator', () => {
    const [issue] = conditionIssue({ fact: 'action', operator: 'matches', value: 'cancel' });
    assert.equal(issue?.file, 'a.json');
    assert.equal(issue?.path, '$.rules[0].conditions.all[0].operator');
    assert.match(issue.message, /expected "equal" \| "notEqual"/);
    assert.match(issue.message, /got "matches"/);
  });

  it('refuses facts outside the vocabulary', () => {
    const [issue] = conditionIssue({ fact: 'mood', operator: 'equal', value: 'sad' });
    assert.equal(issue?.path, '$.rules[0].conditions.all[0].fact');
    assert.match(issue.message, /got "mood"/);
  });

  it('refuses a path that does not exist on the fact and lists the ones that do', () => {
    const [issue] = conditionIssue({ fact: 'client', path: 'isNwe', operator: 'equal', value: true });
    assert.equal(issue?.path, '$.rules[0].conditions.all[0].path');
    assert.match(
      issue.message,
      /unknown path "isNwe" on fact "client": expected one of "id", "isNew" or "attendedSessions"/,
    );
  });

  it('rejects JSONPath, filter expressions included', () => {
    for (const path of ['$.isNew', '$..isNew', 'history[?(@.kind=="cancel")]', 'a[0]']) {
      const [issue] = conditionIssue({ fact: 'client', path, operator: 'equal', value: true });
      assert.equal(issue?.path, '$.rules[0].conditions.all[0].path', path);
      assert.match(issue.message, /JSONPath expressions are not allowed/);
    }
  });

  it('checks a value against the values the fact can take', () => {
    const [issue] = conditionIssue({ fact: 'request', path: 'reason', operator: 'equal', value: 'ilness' });
    assert.equal(issue?.path, '$.rules[0].conditions.all[0].value');
    assert.match(issue.message, /request.reason is one of "illness", "personal-emergency" or "other", got "ilness"/);
  });

  it('checks each value of an "in" list', () => {
    const [issue] = conditionIssue({ fact: 'action', operator: 'in', value: ['cancel', 'delete'] });
    assert.equal(issue?.path, '$.rules[0].conditions.all[0].value[1]');
  });

  it('refuses numeric comparison of a non-number fact', () => {
    const [issue] = conditionIssue({ fact: 'sessionStarted', operator: 'greaterThan', value: 1 });
    assert.match(issue!.message, /"greaterThan" compares numbers, but sessionStarted is a boolean/);
  });

  it('requires the window for cancellationsInWindow and refuses params elsewhere', () => {
    const [missing] = conditionIssue({ fact: 'cancellationsInWindow', operator: 'greaterThan', value: 1 });
    assert.equal(missing?.path, '$.rules[0].conditions.all[0].params');
    const [extra] = conditionIssue({ fact: 'hoursUntilStart', operator: 'lessThan', value: 4, params: { days: 3 } });
    assert.match(extra!.message, /takes no params/);
  });

  it('refuses condition references and unknown keys: a rule file can only compare data', () => {
    const [ref] = conditionIssue({ condition: 'shared-condition' });
    assert.equal(ref?.path, '$.rules[0].conditions.all[0].fact');
    assert.match(ref.message, /^required/);
    const issues = issuesOf({ 'a.json': ruleFile([rule('r', notify, { priorty: 2 })]) });
    assert.deepEqual(issues, [{ file: 'a.json', path: '$.rules[0]', message: 'unknown key "priorty"' }]);
  });

  it('validates event params per type', () => {
    const [issue] = issuesOf({
      'a.json': ruleFile([rule('r', { type: 'notify-client', params: { channels: ['pigeon'], withinMinutes: 0 } })]),
    });
    assert.equal(issue?.path, '$.rules[0].event.params.channels[0]');
    assert.match(issue.message, /expected "email" \| "sms" \| "phone", got "pigeon"/);
    const [type] = issuesOf({ 'a.json': ruleFile([rule('r', { type: 'send-flowers', params: {} })]) });
    assert.equal(type?.path, '$.rules[0].event.type');
    const [range] = issuesOf({
      'a.json': ruleFile([rule('r', { type: 'offer-refund', params: { percent: 120, mode: 'self-serve' } })]),
    });
    assert.equal(range?.path, '$.rules[0].event.params.percent');
    assert.equal(range.message, 'expected a number from 0 to 100');
  });

  it('checks description placeholders', () => {
    const issues = issuesOf({
      'a.json': ruleFile([
        rule('r', notify, { description: 'In {hoursUntilStrat} hours, {params.channel}, {hoursUntilStart|shout}.' }),
      ]),
    });
    assert.deepEqual(
      issues.map((i) => i.message.split(':')[0]),
      [
        'placeholder {params.channel}',
        'unknown placeholder {hoursUntilStrat}',
        'unknown format "|shout" in {hoursUntilStart|shout}',
      ].sort(
        (a, b) => issues.findIndex((i) => i.message.startsWith(a)) - issues.findIndex((i) => i.message.startsWith(b)),
      ),
    );
    assert.ok(issues.every((i) => i.path === '$.rules[0].description'));
  });

  it('reports every problem of every file at once, and duplicate ids across files', () => {
    const issues = issuesOf({
      'a.json': ruleFile([rule('same', notify)], 'area-a'),
      'b.json': ruleFile([rule('same', notify), { id: 'Bad Id' }], 'area-b'),
      'c.json': ruleFile([rule('c', notify)], 'area-a'),
    });
    const where = issues.map((i) => `${i.file}:${i.path}`);
    assert.ok(where.includes('b.json:$.rules[1].id'), where.join(' '));
    assert.ok(where.includes('b.json:$.rules[1].description'), where.join(' '));
    const dupFile = createPolicyError({
      'a.json': ruleFile([rule('x', notify)], 'area-a'),
      'c.json': ruleFile([rule('y', notify)], 'area-a'),
    });
    assert.match(dupFile, /c.json:\$.id: duplicate rule file id "area-a" \(also in a.json\)/);
    const dupRule = createPolicyError({
      'a.json': ruleFile([rule('x', notify)], 'area-a'),
      'b.json': ruleFile([rule('x', notify)], 'area-b'),
    });
    assert.match(dupRule, /b.json:\$.rules\[0\].id: duplicate rule id "x" \(also in a.json\)/);
  });

  it('refuses an empty policy and a file that is not an object', () => {
    assert.match(createPolicyError({}), /expected at least one rule file/);
    assert.match(createPolicyError({ 'a.json': [] }), /a.json:\$: expected object, got an array/);
  });
});

function createPolicyError(files: Record<string, unknown>): string {
  try {
    createPolicy(files);
  } catch (error) {
    if (error instanceof PolicyValidationError) return error.message;
    throw error;
  }
  return assert.fail('accepted');
}
