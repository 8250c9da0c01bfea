import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canonicalJson,
  createPolicy,
  MAX_CONDITION_DEPTH,
  MAX_JSON_DEPTH,
  PolicyValidationError,
  validateRuleFiles,
  vouchedPolicy,
  vouchedRuleFiles,
  type ValidationIssue,
} from '../../src/index.js';
import { contentHash } from '../../src/hash.js';
import { defineCheck, type CheckCall } from '../../src/schemas.js';
import { compareDecision, mergeFacts } from '../../src/fixtures.js';
import { cancelFacts, rule, ruleFile } from './helpers.js';

type Json = Record<string, unknown>;
const notify = { type: 'notify-client', params: { channels: ['email'], withinMinutes: 0 } };
const cancelling = { fact: 'action', operator: 'equal', value: 'cancel' };

function issuesOf(files: Json): ValidationIssue[] {
  try {
    createPolicy(files);
  } catch (error) {
    assert.ok(error instanceof PolicyValidationError, `expected PolicyValidationError, got ${String(error)}`);
    return [...error.issues];
  }
  return assert.fail('the rule files were accepted');
}
const lines = (issues: readonly ValidationIssue[]) => issues.map((i) => `${i.file}:${i.path}: ${i.message}`);
const withConditions = (conditions: unknown, extra: Json = {}) => ({
  'a.json': ruleFile([rule('r', notify, { conditions, ...extra })]),
});
const withCondition = (condition: unknown) => withConditions({ all: [condition] });

/** `levels` levels of all/any/not (alternating), a fact comparison at the bottom. */
function nested(levels: number): Json {
  let condition: Json = cancelling;
  for (let i = levels; i >= 1; i--)
    condition = i % 3 === 0 ? { not: condition } : { [i % 3 === 1 ? 'all' : 'any']: [condition] };
  return condition;
}
/** The same, as JSON text: JSON.parse copes with any depth, the validator must too. */
function nestedText(levels: number): string {
  return `${'{"all":['.repeat(levels)}${JSON.stringify(cancelling)}${']}'.repeat(levels)}`;
}
/** The JSON path of the group at `level` (1 = the root group) in {@link nested}. */
function pathAt(level: number): string {
  let path = '$.rules[0].conditions';
  for (let i = 1; i < level; i++) path += i % 3 === 0 ? '.not' : `.${i % 3 === 1 ? 'all' : 'any'}[0]`;
  return path;
}

describe('condition depth', () => {
  it(`accepts ${MAX_CONDITION_DEPTH} levels of all/any/not and decides with them`, async () => {
    const policy = createPolicy(withConditions(nested(MAX_CONDITION_DEPTH)));
    const decision = await policy.evaluate(cancelFacts());
    assert.equal(decision.explanations[0]?.fired, true, 'ten of the levels are "not": an even number');
    // The deepest valid file, all "all" levels and a list value, is well inside what the hash takes.
    const list = { fact: 'action', operator: 'in', value: ['cancel'] };
    const deepest = JSON.parse(
      `${'{"all":['.repeat(MAX_CONDITION_DEPTH)}${JSON.stringify(list)}${']}'.repeat(MAX_CONDITION_DEPTH)}`,
    ) as unknown;
    assert.equal((await createPolicy(withConditions(deepest)).evaluate(cancelFacts())).explanations[0]?.fired, true);
  });

  it(`refuses level ${MAX_CONDITION_DEPTH + 1} with the file and the JSON path of the group too deep`, () => {
    assert.deepEqual(lines(issuesOf(withConditions(nested(MAX_CONDITION_DEPTH + 1)))), [
      `a.json:${pathAt(MAX_CONDITION_DEPTH + 1)}: conditions nested too deeply: at most ${MAX_CONDITION_DEPTH} levels of "all", "any" and "not" are allowed`,
    ]);
  });

  for (const levels of [1_500, 100_000]) {
    it(`refuses ${levels.toLocaleString('en')} levels, as objects and as JSON text, without overflowing the stack`, () => {
      const text = `{"id":"deep","version":"1.0.0","description":"Deep.","rules":[{"id":"r","description":"Deep.","conditions":${nestedText(levels)},"event":${JSON.stringify(notify)}}]}`;
      for (const content of [
        ruleFile([rule('r', notify, { conditions: nested(levels) })]),
        JSON.parse(text) as unknown,
      ]) {
        const issues = issuesOf({ 'deep.json': content });
        assert.equal(issues.length, 1);
        assert.equal(issues[0]!.file, 'deep.json');
        assert.match(issues[0]!.path, /^\$\.rules\[0\]\.conditions(\.(all|any)(\[0\])?|\.not)+$/);
        assert.match(issues[0]!.message, new RegExp(`nested too deeply: at most ${MAX_JSON_DEPTH} levels`));
        assert.throws(() => validateRuleFiles({ 'deep.json': content }), PolicyValidationError);
        assert.throws(
          () => canonicalJson(content),
          /not JSON data at \$\.rules\[0\]\.conditions.*nested deeper than 100 levels/,
        );
        assert.equal(
          vouchedRuleFiles({ 'deep.json': content }, 'any-hash'),
          undefined,
          'not vouched for, and no RangeError',
        );
      }
    });
  }
});

describe('only own, declared names', () => {
  it('refuses Object.prototype names as paths on object facts, with a real message', () => {
    for (const path of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf']) {
      const issues = issuesOf(withCondition({ fact: 'session', path, operator: 'equal', value: 'x' }));
      assert.deepEqual(
        lines(issues),
        [
          `a.json:$.rules[0].conditions.all[0].path: unknown path "${path}" on fact "session": expected one of "id", "startsAt", "endsAt", "timeZone", "status", "price.amount", "price.currency" or "version"`,
        ],
        path,
      );
      assert.doesNotMatch(issues[0]!.message, /undefined/);
    }
  });

  it('refuses placeholders naming Object.prototype instead of filling them with "undefined" or "{}"', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const issues = issuesOf(withConditions({ all: [cancelling] }, { description: `Fill {params.${name}}.` }));
      assert.deepEqual(
        lines(issues),
        [
          `a.json:$.rules[0].description: placeholder {params.${name}}: event "notify-client" has no param "${name}" here`,
        ],
        name,
      );
    }
    for (const name of ['constructor', 'session.constructor', 'session.__proto__', 'toString']) {
      const [issue] = issuesOf(withConditions({ all: [cancelling] }, { description: `Fill {${name}}.` }));
      assert.match(issue!.message, /unknown placeholder/, name);
    }
  });

  it('refuses Object.prototype names as facts, operators, event types and check names', () => {
    assert.match(
      issuesOf(withCondition({ fact: 'constructor', operator: 'equal', value: 1 }))[0]!.message,
      /got "constructor"/,
    );
    assert.match(
      issuesOf(withCondition({ fact: 'action', operator: 'toString', value: 'cancel' }))[0]!.message,
      /got "toString"/,
    );
    assert.match(
      issuesOf({ 'a.json': ruleFile([rule('r', { type: 'hasOwnProperty', params: {} })]) })[0]!.message,
      /got "hasOwnProperty"/,
    );
    assert.throws(() => defineCheck(['toString'] as unknown as CheckCall), /unknown check "toString"/);
  });

  it('refuses an own "__proto__" key (as JSON.parse makes it) in event params and conditions', () => {
    const file = JSON.parse(
      '{"id":"a","version":"1.0.0","description":"A.","rules":[{"id":"r","description":"R.","conditions":{"all":[{"fact":"action","operator":"equal","value":"cancel","__proto__":{"path":"x"}}]},"event":{"type":"block","params":{"reason":"no","__proto__":{"x":1}}}}]}',
    ) as unknown;
    assert.deepEqual(lines(issuesOf({ 'a.json': file })), [
      'a.json:$.rules[0].conditions.all[0]: unknown key "__proto__"',
      'a.json:$.rules[0].event.params: unknown key "__proto__"',
    ]);
  });

  it('fixtures merge and compare own keys only: "__proto__" is a key, "constructor" is not there', () => {
    const merged = mergeFacts({ a: 1 }, JSON.parse('{"__proto__":{"polluted":true},"constructor":2}')) as Json;
    assert.equal(Object.getPrototypeOf(merged), Object.prototype);
    assert.deepEqual(Object.keys(merged), ['a', '__proto__', 'constructor']);
    assert.equal(merged.polluted, undefined);
    assert.deepEqual(compareDecision({ outcome: 'allowed' }, { toString: 'x' }), [
      'decision.toString: expected "x", got undefined',
    ]);
  });

  it('refuses rule files, rules and conditions whose fields are inherited or getters', () => {
    const file = ruleFile([rule('r', notify)]);
    assert.deepEqual(lines(issuesOf({ 'a.json': Object.create(file) })), [
      'a.json:$: expected object, got an object that inherits its fields (only own fields count)',
    ]);
    const inheritedCondition = Object.create(cancelling) as Json;
    assert.deepEqual(lines(issuesOf(withCondition(inheritedCondition))), [
      'a.json:$.rules[0].conditions.all[0]: expected a plain object or list, got an object that inherits its fields (only own fields count)',
    ]);
    const getter = { ...file };
    Object.defineProperty(getter, 'id', { enumerable: true, get: () => 'test-area' });
    assert.deepEqual(lines(issuesOf({ 'a.json': getter })), [
      'a.json:$.id: expected a plain value, got a getter (only own data fields count)',
    ]);
  });
});

describe('condition values are JSON values', () => {
  const valueIssues = (condition: Json) => lines(issuesOf(withCondition(condition)));

  it('refuses NaN and ±Infinity, alone and in lists, naming file and path', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      assert.deepEqual(valueIssues({ fact: 'hoursUntilStart', operator: 'lessThan', value }), [
        'a.json:$.rules[0].conditions.all[0].value: expected a string, a finite number, a boolean or null, or a list of them',
      ]);
      assert.deepEqual(valueIssues({ fact: 'hoursUntilStart', operator: 'in', value: [1, value] }), [
        'a.json:$.rules[0].conditions.all[0].value: expected a string, a finite number, a boolean or null, or a list of them',
      ]);
    }
  });

  it('refuses functions, undefined, symbols, bigints, class instances and holes', () => {
    const path = 'a.json:$.rules[0].conditions.all[0].value';
    for (const value of [() => 1, Symbol('x'), 1n, [undefined]]) {
      assert.deepEqual(valueIssues({ fact: 'hoursUntilStart', operator: 'equal', value }), [
        `${path}: expected a string, a finite number, a boolean or null, or a list of them`,
      ]);
    }
    assert.deepEqual(valueIssues({ fact: 'now', operator: 'equal', value: new Date(0) }), [
      `${path}: expected a plain object or list, got a Date`,
    ]);
    // eslint-disable-next-line no-sparse-arrays
    assert.deepEqual(valueIssues({ fact: 'hoursUntilStart', operator: 'in', value: [1, , 2] }), [
      `${path}[1]: expected a value, got a hole in a sparse list`,
    ]);
    assert.deepEqual(valueIssues({ fact: 'action', operator: 'equal', value: undefined }), [
      `${path}: expected a string, a finite number, a boolean or null, or a list of them`,
    ]);
  });

  it('checks instants and dates compared with instant facts exactly', () => {
    assert.deepEqual(
      valueIssues({ fact: 'session', path: 'startsAt', operator: 'equal', value: '2027-06-10T10:00:00+24:00' }),
      [
        'a.json:$.rules[0].conditions.all[0].value: session.startsAt is an ISO 8601 date-time with an offset, got "2027-06-10T10:00:00+24:00"',
      ],
    );
    assert.deepEqual(
      valueIssues({ fact: 'request', path: 'unavailableUntil', operator: 'equal', value: '2027-04-31' }),
      [
        'a.json:$.rules[0].conditions.all[0].value: request.unavailableUntil is a date (2027-03-28) or an ISO 8601 date-time with an offset, got "2027-04-31"',
      ],
    );
    createPolicy(withCondition({ fact: 'request', path: 'unavailableUntil', operator: 'equal', value: '2027-04-30' }));
  });

  it('-0 is the number 0: same decision, same hash', async () => {
    const zero = createPolicy(
      withCondition({ fact: 'client', path: 'attendedSessions', operator: 'greaterThan', value: 0 }),
    );
    const negativeZero = createPolicy(
      withCondition({ fact: 'client', path: 'attendedSessions', operator: 'greaterThan', value: -0 }),
    );
    assert.equal(negativeZero.hash, zero.hash);
    const held = (negativeZero.rules[0]!.conditions as unknown as { all: { value: number }[] }).all[0]!.value;
    assert.ok(Object.is(held, 0), 'the policy holds 0, as the files a host vouched for would');
    for (const attendedSessions of [0, 1]) {
      const facts = cancelFacts({ client: { id: 'c', isNew: false, attendedSessions } });
      assert.equal(
        (await negativeZero.evaluate(facts)).explanations[0]!.fired,
        (await zero.evaluate(facts)).explanations[0]!.fired,
      );
    }
  });
});

describe('canonical JSON and the policy hash', () => {
  it('refuse what is not JSON data, naming the path, instead of writing it as null or leaving it out', () => {
    const cases: [unknown, RegExp][] = [
      [{ a: [1, Number.POSITIVE_INFINITY] }, /at \$\.a\[1\]: Infinity is not a JSON number/],
      [{ a: Number.NaN }, /at \$\.a: NaN is not a JSON number/],
      [[undefined], /at \$\[0\]: undefined is not a JSON value/],
      [{ f: () => 1 }, /at \$\.f: a function is not a JSON value/],
      [{ s: Symbol('s') }, /at \$\.s: a symbol is not a JSON value/],
      [{ b: 1n }, /at \$\.b: a bigint is not a JSON value/],
      [{ d: new Date(0) }, /at \$\.d: a Date is not JSON data/],
      [Object.create({ a: 1 }), /at \$: an object that inherits its fields/],
      // eslint-disable-next-line no-sparse-arrays
      [[1, , 2], /at \$\[1\]: a hole in a sparse list/],
    ];
    for (const [value, message] of cases) assert.throws(() => canonicalJson(value), message);
  });

  it('write JSON data as before: keys sorted, undefined fields left out', () => {
    assert.equal(
      canonicalJson({ b: 1, a: [true, null, 'x', { d: undefined, c: -0 }] }),
      '{"a":[true,null,"x",{"c":0}],"b":1}',
    );
    const parsed = JSON.parse('{"__proto__":{"a":1},"b":2}') as unknown;
    assert.equal(canonicalJson(parsed), '{"__proto__":{"a":1},"b":2}');
  });

  it('never lets a policy with Infinity pass as the one with null it would hash like in JSON', () => {
    const withNull = withCondition({ fact: 'hoursUntilStart', operator: 'equal', value: null });
    const withInfinity = withCondition({ fact: 'hoursUntilStart', operator: 'equal', value: Number.POSITIVE_INFINITY });
    const { hash } = createPolicy(withNull);
    assert.equal(vouchedRuleFiles(withInfinity, hash), undefined);
    assert.throws(() => createPolicy(withInfinity), PolicyValidationError);
  });
});

describe('day and hour counts stay on the calendar', () => {
  const tooMany = 33_833_594; // Date's range ends ~100 million days from 1970: one of these used to break every decision
  const cases: [string, Json, string][] = [
    [
      'cancellationsInWindow days',
      withCondition({ fact: 'cancellationsInWindow', params: { days: tooMany }, operator: 'greaterThan', value: 1 }),
      '$.rules[0].conditions.all[0].params.days',
    ],
    [
      'frequency-warning windowDays',
      {
        'a.json': ruleFile([
          rule('r', { type: 'frequency-warning', params: { level: 'info', windowDays: tooMany, threshold: 2 } }),
        ]),
      },
      '$.rules[0].event.params.windowDays',
    ],
    [
      'offer-alternatives withinDays',
      { 'a.json': ruleFile([rule('r', { type: 'offer-alternatives', params: { minSlots: 1, withinDays: tooMany } })]) },
      '$.rules[0].event.params.withinDays',
    ],
    [
      'notify-client followUp.afterHours',
      {
        'a.json': ruleFile([
          rule('r', {
            type: 'notify-client',
            params: { channels: ['email'], withinMinutes: 0, followUp: { afterHours: tooMany * 24 } },
          }),
        ]),
      },
      '$.rules[0].event.params.followUp.afterHours',
    ],
  ];
  for (const [name, files, path] of cases) {
    it(`${name} past 100 years is refused at its path, not left to fail every decision`, () => {
      const issues = issuesOf(files);
      assert.ok(
        issues.some((issue) => issue.path === path && /from 1 to/.test(issue.message)),
        issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'),
      );
    });
  }

  it('100 years (36,600 days) is accepted and decides', async () => {
    const policy = createPolicy(
      withCondition({ fact: 'cancellationsInWindow', params: { days: 36_600 }, operator: 'greaterThan', value: 0 }),
    );
    const decision = await policy.evaluate(cancelFacts());
    assert.ok(decision.notify, 'the rule fired: this cancellation counts');
  });
});

describe('placeholders on rules nobody validated in this page (vouched for by their hash)', () => {
  it('{params.constructor}, {params.toString}, {constructor} and {toString} fill as unknown, never from Object.prototype', async () => {
    const file = ruleFile([
      rule('r', notify, {
        conditions: { all: [cancelling] },
        description: 'a {params.constructor} b {params.toString} c {constructor} d {toString} e {params.channels}',
      }),
    ]);
    const policy = vouchedPolicy({ 'x.json': file }, contentHash([file]));
    assert.ok(policy, 'vouched');
    const decision = await policy.evaluate(cancelFacts());
    assert.equal(decision.explanations[0]?.description, 'a unknown b unknown c unknown d unknown e email');
  });
});
