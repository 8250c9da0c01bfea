import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPolicy, deriveFacts, FactsValidationError, type Facts } from '../../src/index.js';
import { factsSchema } from '../../src/schemas.js';
import { cancelFacts, defaultRuleSources } from './helpers.js';

const policy = createPolicy(defaultRuleSources());

async function factIssues(facts: unknown): Promise<string[]> {
  try {
    await policy.evaluate(facts as Facts);
  } catch (error) {
    assert.ok(error instanceof FactsValidationError);
    return error.issues.map((i) => `${i.file}:${i.path}: ${i.message}`);
  }
  return assert.fail('facts were accepted');
}

describe('facts validation', () => {
  it('requires a session and a client for every action but availability-change', async () => {
    const { session: _s, client: _c, ...rest } = cancelFacts();
    assert.deepEqual(await factIssues(rest), [
      'facts:$.session: required for every action but "availability-change"',
      'facts:$.client: required for every action but "availability-change"',
    ]);
    await policy.evaluate({
      action: 'availability-change',
      now: '2027-06-01T09:00:00Z',
      therapist: { id: 't', profileVisible: true },
    });
  });

  it('names the field and the expected form for times, zones, money and unknown keys', async () => {
    const facts = cancelFacts();
    const issues = await factIssues({
      ...facts,
      now: '2027-06-01 09:00',
      session: { ...facts.session, timeZone: 'Mars/Olympus', price: { amount: 60.5, currency: 'gbp' } },
      client: { ...facts.client, isnew: true },
    });
    assert.deepEqual(issues, [
      'facts:$.now: expected an ISO 8601 date-time with an offset, e.g. 2027-03-28T10:00:00+01:00',
      'facts:$.session.timeZone: expected an IANA time zone, e.g. Europe/London',
      'facts:$.session.price.amount: expected a whole number ≥ 0',
      'facts:$.session.price.currency: expected a 3-letter ISO 4217 currency code, e.g. GBP',
      'facts:$.client: unknown key "isnew"',
    ]);
  });

  it('refuses impossible dates and times without an offset', () => {
    for (const now of ['2027-02-30T10:00:00Z', '2027-06-01T24:00:00Z', '2027-06-01T10:00:00']) {
      assert.equal(factsSchema.safeParse({ ...cancelFacts(), now }).success, false, now);
    }
  });

  it('is deterministic: the same facts give the same decision', async () => {
    assert.deepEqual(await policy.evaluate(cancelFacts()), await policy.evaluate(cancelFacts()));
  });
});

describe('derived facts', () => {
  it('hoursUntilStart is in real hours and negative once started; sessionStarted at the start instant', () => {
    const before = deriveFacts(cancelFacts({ now: '2027-06-10T08:30:00+01:00' }));
    assert.equal(before.hoursUntilStart, 1.5);
    assert.equal(before.sessionStarted, false);
    const at = deriveFacts(cancelFacts({ now: '2027-06-10T09:00:00Z' }));
    assert.equal(at.hoursUntilStart, 0);
    assert.equal(at.sessionStarted, true);
  });

  it('counts changes in the window, this one included, and not future or older ones', () => {
    const history = [
      { sessionId: 'a', at: '2027-05-31T09:00:00+01:00', kind: 'cancel' as const },
      { sessionId: 'b', at: '2027-05-25T09:00:00+01:00', kind: 'reschedule' as const },
      { sessionId: 'c', at: '2027-06-02T09:00:00+01:00', kind: 'cancel' as const },
      { sessionId: 'd', at: '2027-03-01T09:00:00+00:00', kind: 'cancel' as const },
    ];
    const derived = deriveFacts(cancelFacts({ history }));
    assert.equal(derived.cancellationsInWindow(90), 3);
    assert.equal(derived.cancellationsInWindow(3), 2);
    assert.equal(deriveFacts(cancelFacts({ history, action: 'refund' })).cancellationsInWindow(90), 2);
  });

  it('daysUnavailable: remaining days to the return date, 0 without an absence, unknown when unsure', () => {
    const away = (request: Facts['request']) =>
      deriveFacts({
        action: 'availability-change',
        now: '2027-06-01T23:30:00-07:00',
        therapist: { id: 't', profileVisible: true, timeZone: 'America/Los_Angeles' },
        request,
      }).daysUnavailable;
    assert.equal(away({ unavailableUntil: '2027-06-15' }), 14);
    assert.equal(away({ unavailableFrom: '2027-05-20', unavailableUntil: '2027-06-15' }), 14);
    assert.equal(away({ unavailableFrom: '2027-06-10', unavailableUntil: '2027-06-15' }), 5);
    assert.equal(away({ unavailableUntil: '2027-05-15' }), 0);
    assert.equal(away({}), 0);
    assert.equal(away({ certainty: 'unsure' }), undefined);
  });
});
