import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPolicy, FactsValidationError, validate, type Facts } from '../../src/index.js';
import { factsSchema as compiledFactsSchema } from '../../src/compiled/facts-schema.generated.js';
import { CHECKS, factsSchema } from '../../src/schemas.js';
import { isIsoDate, isIsoInstant } from '../../src/time-formats.js';
import { cancelFacts, defaultRuleSources } from './helpers.js';

const policy = createPolicy(defaultRuleSources());

/** The issues `evaluate` refuses `facts` with, as `path: message`; fails if it decides or throws anything else. */
async function refused(facts: unknown): Promise<string[]> {
  try {
    await policy.evaluate(facts as Facts);
  } catch (error) {
    assert.ok(error instanceof FactsValidationError, `expected FactsValidationError, got ${String(error)}`);
    return error.issues.map((i) => `${i.path}: ${i.message}`);
  }
  return assert.fail('the facts were decided');
}

const IMPOSSIBLE_INSTANTS = [
  '2027-06-01T09:00:00+24:00',
  '2027-06-01T09:00:00+99:99',
  '2027-06-01T09:00:00+01:60',
  '2027-06-01T09:00:00-24:00',
  '2027-13-01T09:00:00Z',
  '2027-00-01T09:00:00Z',
  '2027-04-31T09:00:00Z',
  '2027-02-29T09:00:00Z',
  '2027-06-00T09:00:00Z',
  '2027-06-01T24:00:00Z',
  '2027-06-01T09:60:00Z',
  '2027-06-01T23:59:60Z',
  '2027-06-01T09:00:00+0100',
  '2027-06-01T09:00:00+1:00',
];

describe('instants and dates are checked exactly', () => {
  it('refuses impossible offsets, months, days, hours, minutes and leap seconds', () => {
    for (const value of IMPOSSIBLE_INSTANTS) assert.equal(isIsoInstant(value), false, value);
    for (const value of ['2027-04-31', '2027-02-29', '2027-13-01', '2027-00-10'])
      assert.equal(isIsoDate(value), false, value);
  });

  it('accepts every real instant, and each is one that Date.parse reads', () => {
    const valid = [
      '2027-06-01T09:00:00+23:59',
      '2027-06-01T09:00:00-23:59',
      '2027-06-01T09:00:00-00:00',
      '2028-02-29T23:59:59.999999999Z',
      '2027-12-31T00:00Z',
      '0100-01-01T00:00:00Z',
      '9999-12-31T23:59:59+14:00',
    ];
    for (const value of valid) {
      assert.equal(isIsoInstant(value), true, value);
      assert.ok(Number.isFinite(Date.parse(value)), value);
    }
    assert.equal(isIsoDate('2028-02-29'), true);
    // Years 0–99 exist, but Date.UTC (the day arithmetic) reads them as 19xx: refused, not miscounted.
    assert.equal(isIsoDate('0050-02-28'), false);
    assert.equal(isIsoInstant('0099-12-31T23:59:59Z'), false);
  });

  it('evaluate refuses an impossible `now` with a FactsValidationError naming it, not a RangeError', async () => {
    for (const now of IMPOSSIBLE_INSTANTS) {
      assert.deepEqual(
        await refused(cancelFacts({ now })),
        ['$.now: expected an ISO 8601 date-time with an offset, e.g. 2027-03-28T10:00:00+01:00'],
        now,
      );
    }
  });

  it('refuses impossible session times instead of deciding with NaN hours', async () => {
    const facts = cancelFacts();
    const issues = await refused({
      ...facts,
      session: { ...facts.session, startsAt: '2027-06-10T10:00:00+99:99', endsAt: '2027-06-10T10:50:00+24:00' },
    });
    assert.deepEqual(
      issues.map((i) => i.split(':')[0]),
      ['$.session.startsAt', '$.session.endsAt'],
    );
  });

  it('refuses impossible history instants and absence dates, naming the path', async () => {
    const history = [{ sessionId: 'a', at: '2027-05-31T09:00:00+01:60', kind: 'cancel' as const }];
    assert.deepEqual(await refused(cancelFacts({ history })), [
      '$.history[0].at: expected an ISO 8601 date-time with an offset, e.g. 2027-03-28T10:00:00+01:00',
    ]);
    const away = {
      action: 'availability-change',
      now: '2027-06-01T09:00:00Z',
      therapist: { id: 't', profileVisible: true },
      request: { unavailableFrom: '2027-04-31', unavailableUntil: '2027-06-10T00:00:00+24:00' },
    };
    assert.deepEqual(
      (await refused(away)).map((i) => i.split(':')[0]),
      ['$.request.unavailableFrom', '$.request.unavailableUntil'],
    );
  });

  it('zod and the compiled facts schema agree on every impossible instant', () => {
    for (const now of IMPOSSIBLE_INSTANTS) {
      assert.equal(factsSchema.safeParse(cancelFacts({ now })).success, false, now);
      assert.equal(validate(compiledFactsSchema, cancelFacts({ now }), CHECKS).success, false, now);
    }
  });
});

describe('facts are read through their own fields only', () => {
  it('refuses facts that inherit their fields, instead of a TypeError', async () => {
    assert.deepEqual(await refused(Object.create(cancelFacts())), [
      '$: expected object, got an object that inherits its fields (only own fields count)',
    ]);
  });

  it('refuses inherited nested fields, naming where', async () => {
    const facts = cancelFacts();
    const issues = await refused({
      ...facts,
      session: Object.create(facts.session!),
      client: Object.create(facts.client!),
    });
    assert.deepEqual(issues, [
      '$.session: expected object, got an object that inherits its fields (only own fields count)',
      '$.client: expected object, got an object that inherits its fields (only own fields count)',
    ]);
  });

  it('refuses getters, which could answer the check and the engine differently', async () => {
    let reads = 0;
    const facts = cancelFacts();
    Object.defineProperty(facts, 'now', {
      enumerable: true,
      get: () => (reads++ === 0 ? '2027-06-01T09:00:00Z' : 'later'),
    });
    assert.deepEqual(await refused(facts), [
      '$.now: expected a plain value, got a getter (only own data fields count)',
    ]);
    assert.equal(reads, 0, 'the getter is never run');
  });

  it('refuses class instances, holes in lists and values that are not JSON, each with a sentence', async () => {
    class Session {
      constructor(readonly id = 'ses-1') {}
    }
    const facts = cancelFacts();
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [, { sessionId: 'a', at: '2027-05-31T09:00:00Z', kind: 'cancel' }] as Facts['history'];
    assert.deepEqual(await refused({ ...facts, session: new Session(), history: sparse, now: 10n }), [
      '$.now: expected string, got bigint 10n',
      '$.session: expected object, got an instance of Session',
      '$.history[0]: expected a value, got a hole in a sparse list',
    ]);
    assert.deepEqual(await refused({ ...facts, now: new Date() }), ['$.now: expected string, got a Date']);
    assert.deepEqual(await refused({ ...facts, now: Symbol('now') }), ['$.now: expected string, got symbol']);
  });

  it('does not read a field that a polluted Object.prototype supplies', async () => {
    const { session: _s, client: _c, ...rest } = cancelFacts();
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.session = cancelFacts().session;
    prototype.client = cancelFacts().client;
    try {
      assert.deepEqual(await refused(rest), [
        '$.session: required for every action but "availability-change"',
        '$.client: required for every action but "availability-change"',
      ]);
    } finally {
      delete prototype.session;
      delete prototype.client;
    }
  });
});

describe('facts that look like data but are not', () => {
  it("a Proxy (a framework's reactive object) is a FactsValidationError, not a DOMException", async () => {
    const policy = createPolicy(defaultRuleSources());
    for (const facts of [new Proxy(cancelFacts(), {}), cancelFacts({ history: new Proxy([], {}) })]) {
      await assert.rejects(
        policy.evaluate(facts),
        (error: unknown) => error instanceof FactsValidationError && /cannot be copied/.test(error.message),
      );
    }
  });
});
