import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPolicy, deriveFacts, FactsValidationError, type Facts, type HistoryEntry } from '../../src/index.js';
import { historyReachDays, trimHistory } from '../../src/history-reach.js';
import { cancelFacts, defaultRuleSources, rule, ruleFile } from './helpers.js';

const DAY_MS = 86_400_000;
const policy = createPolicy(defaultRuleSources());

/** `ms` written in a fixed UTC offset of `minutes`, as a host in that zone might send it. */
function inOffset(ms: number, minutes: number): string {
  const local = new Date(ms + minutes * 60_000).toISOString().slice(0, 19);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `count` changes, one every `everyHours` hours going back from `now`. */
function historyBefore(now: string, count: number, everyHours: number): HistoryEntry[] {
  const nowMs = Date.parse(now);
  return Array.from({ length: count }, (_, i) => ({
    sessionId: `h${i}`,
    at: new Date(nowMs - (i + 1) * everyHours * 3_600_000).toISOString(),
    kind: i % 2 === 0 ? 'cancel' : 'reschedule',
  }));
}

describe('history a rule cannot reach is left out of a decision', () => {
  it('the default rules reach 90 days back', () => {
    assert.equal(historyReachDays(policy.rules), 90);
  });

  it('a long history decides exactly as the part of it inside the window', async () => {
    const now = '2027-06-01T09:00:00+01:00';
    const long = historyBefore(now, 20_000, 3); // 2,500 days back
    const inWindow = long.filter((e) => Date.parse(e.at) > Date.parse(now) - 90 * DAY_MS);
    assert.ok(inWindow.length > 5 && inWindow.length < 1_000);
    const decided = await policy.evaluate(cancelFacts({ now, history: long }));
    assert.deepEqual(decided, await policy.evaluate(cancelFacts({ now, history: inWindow })));
    assert.equal(decided.warnings[0]?.count, inWindow.length + 1, 'the window counts every change in it, and this one');
  });

  it('entries outside every window are neither validated nor copied: only their time is read', async () => {
    const now = '2027-06-01T09:00:00+01:00';
    let reads = 0;
    const old = Array.from({ length: 1_000 }, (_, i) => {
      const entry = { sessionId: `old${i}`, at: new Date(Date.parse(now) - (200 + i) * DAY_MS).toISOString() };
      return Object.defineProperty(entry, 'kind', { enumerable: true, get: () => (reads++, 'cancel') });
    });
    const recent = historyBefore(now, 3, 24);
    const decision = await policy.evaluate(cancelFacts({ now, history: [...old, ...recent] as HistoryEntry[] }));
    assert.equal(reads, 0);
    assert.deepEqual(decision, await policy.evaluate(cancelFacts({ now, history: recent })));
  });

  it('never changes a count, whatever the zone and clock changes around the window edge', async () => {
    // Rules counting 1, 7 and 30 days back, in zones with clock changes and the date line move
    // of Samoa (which skipped 30 December 2011).
    const windows = [1, 7, 30];
    const counting = createPolicy({
      'w.json': ruleFile(
        windows.map((days) =>
          rule(
            `w${days}`,
            { type: 'route-to-team', params: { reason: `w${days}` } },
            {
              description: `{cancellationsInWindow} in ${days} days.`,
              conditions: {
                all: [{ fact: 'cancellationsInWindow', params: { days }, operator: 'greaterThanInclusive', value: 0 }],
              },
            },
          ),
        ),
      ),
    });
    const cases: [string, string][] = [
      ['2027-03-29T00:30:00+01:00', 'Europe/London'],
      ['2027-10-31T01:30:00+00:00', 'Europe/London'],
      ['2027-03-15T02:30:00-07:00', 'America/Los_Angeles'],
      ['2012-01-01T10:00:00+14:00', 'Pacific/Apia'],
      ['2027-04-04T03:00:00+10:00', 'Australia/Sydney'],
    ];
    for (const [now, timeZone] of cases) {
      const nowMs = Date.parse(now);
      // Entries every 20 minutes from 40 days back to an hour ahead, many on a window's edge,
      // written in offsets from -11:00 to +14:00 (an entry's own date can be a day off UTC's).
      const offsets = [0, -660, 840, 330, -150];
      const history: HistoryEntry[] = Array.from({ length: 41 * 72 }, (_, i) => ({
        sessionId: `e${i}`,
        at: inOffset(nowMs + 3_600_000 - i * 20 * 60_000, offsets[i % offsets.length]!),
        kind: 'cancel',
      }));
      const facts: Facts = cancelFacts({ now, history, session: { ...cancelFacts().session!, timeZone } });
      assert.ok((trimHistory(facts, 30) as Facts).history!.length < history.length, 'some history is left out');
      const decision = await counting.evaluate(facts);
      const full = deriveFacts(facts);
      for (const [i, days] of windows.entries()) {
        assert.equal(
          decision.explanations[i]!.description,
          `${full.cancellationsInWindow(days)} in ${days} days.`,
          `${now} ${timeZone}, ${days} days`,
        );
      }
    }
  });

  it('keeps every entry when a rule reads the history itself', async () => {
    const byLength = createPolicy({
      'h.json': ruleFile([
        rule(
          'long-history',
          { type: 'route-to-team', params: { reason: 'long' } },
          {
            description: '{history.length} changes.',
            conditions: { all: [{ fact: 'history', path: 'length', operator: 'greaterThan', value: 100 }] },
          },
        ),
      ]),
    });
    assert.equal(historyReachDays(byLength.rules), Infinity);
    const now = '2027-06-01T09:00:00+01:00';
    const decision = await byLength.evaluate(cancelFacts({ now, history: historyBefore(now, 500, 24) }));
    assert.equal(decision.outcome, 'needs-team');
    assert.equal(decision.explanations[0]!.description, '500 changes.');
  });

  it('an invalid entry is reported at its index in the history as given', async () => {
    const now = '2027-06-01T09:00:00+01:00';
    const history = [
      ...historyBefore(now, 5, 24 * 400),
      { sessionId: 'bad', at: '2027-05-30T10:00:00+01:00', kind: 'moved' },
    ];
    await assert.rejects(
      policy.evaluate(cancelFacts({ now, history: history as HistoryEntry[] })),
      (error: unknown) =>
        error instanceof FactsValidationError && error.issues.some((issue) => issue.path === '$.history[5].kind'),
    );
  });

  it('keeps what it cannot place for validation to judge, and never edits the input', () => {
    const now = '2027-06-01T09:00:00+01:00';
    const unreadable = [{ at: 'yesterday' }, { at: 5 }, null, 'text', { sessionId: 'x' }];
    const facts = { now, history: unreadable };
    assert.equal(trimHistory(facts, 90), facts);
    const unknownNow = { now: 'soon', history: [{ at: '2000-01-01T00:00:00Z' }] };
    assert.equal(trimHistory(unknownNow, 90), unknownNow);
    const old = { now, history: [{ at: '2000-01-01T00:00:00Z' }] };
    assert.deepEqual(trimHistory(old, 90), { now, history: [] });
    assert.equal(old.history.length, 1);
    const inherited = Object.assign(Object.create({ action: 'cancel' }) as object, old);
    assert.equal(trimHistory(inherited, 90), inherited, 'not a plain object: left for validation to refuse');
  });

  it('never hides a hole or a getter in the history from validation, even beside entries it leaves out', async () => {
    const now = '2027-06-01T09:00:00+01:00';
    const [recent] = historyBefore(now, 1, 24);
    const [old] = historyBefore(now, 1, 24 * 400);
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [recent, , old] as HistoryEntry[];
    const getter = [recent, old] as HistoryEntry[];
    Object.defineProperty(getter, 0, { enumerable: true, get: () => recent });
    const gettingAt = { sessionId: 'g', kind: 'cancel' } as unknown as HistoryEntry;
    Object.defineProperty(gettingAt, 'at', { enumerable: true, get: () => old!.at });
    const refusal = async (history: HistoryEntry[]) => {
      const error = await policy.evaluate(cancelFacts({ now, history })).then(
        () => undefined,
        (e: unknown) => e,
      );
      return error instanceof FactsValidationError ? error.issues.map((i) => `${i.path}: ${i.message}`) : error;
    };
    assert.deepEqual(await refusal(sparse), ['$.history[1]: expected a value, got a hole in a sparse list']);
    assert.deepEqual(await refusal(getter), [
      '$.history[0]: expected a plain value, got a getter (only own data fields count)',
    ]);
    assert.deepEqual(await refusal([gettingAt, old!]), [
      '$.history[0].at: expected a plain value, got a getter (only own data fields count)',
    ]);
    // A list's own `filter` is not asked which entries count.
    const ownFilter = Object.assign([recent!, old!], { filter: () => [] });
    assert.deepEqual(
      await policy.evaluate(cancelFacts({ now, history: ownFilter })),
      await policy.evaluate(cancelFacts({ now, history: [recent!] })),
    );
  });
});
