import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMockFixturesHost } from '@raincheck/mock-host';
import { runConformance, type ConformanceReport } from '../../src/index.js';
import { historyHost, type HistoryFault } from '../shared/history-host.js';

// The notification checks read the contract's history endpoints: they pass on the mock fixtures
// host (its in-process worker delivers its outbox), and fail, saying what is wrong, on hosts whose
// history drops a channel, sends no follow-up, chases an answered offer, never tells of the
// expiry, or answers a shape of its own.

const run = (host: { fetch(request: Request): Promise<Response> }): Promise<ConformanceReport> =>
  runConformance({
    baseUrl: 'http://history.test',
    fetch: (input, init) => host.fetch(new Request(input, init)),
    fixtures: true,
    only: ['notifications.'],
  });
const broken = (fault: HistoryFault) => run(historyHost(fault));

const statusOf = (report: ConformanceReport) => Object.fromEntries(report.results.map((r) => [r.id, r.status]));
const messageOf = (report: ConformanceReport, id: string) => report.results.find((r) => r.id === id)?.message ?? '';

describe('the notification checks, on the contract history endpoints', () => {
  it('pass on the mock fixtures host: every channel, the follow-up when due, none once answered, the expiry and its refund', async () => {
    const report = await run(createMockFixturesHost());
    assert.deepEqual(
      statusOf(report),
      {
        'notifications.after-cancel': 'pass',
        'notifications.follow-up': 'pass',
        'notifications.no-follow-up-once-answered': 'pass',
        'notifications.offer-expired': 'pass',
      },
      JSON.stringify(report.results, null, 2),
    );
  });

  it('fail naming the channel the history lacks', async () => {
    const report = await broken({ dropChannel: 'email' });
    assert.equal(statusOf(report)['notifications.after-cancel'], 'fail');
    assert.match(
      messageOf(report, 'notifications.after-cancel'),
      /^after the cancellation the decision names email, but the notification history has no session-cancelled message by email \(it shows nothing\)$/,
    );
  });

  it('fail when no follow-up comes, and when an answered offer is chased', async () => {
    const silent = await broken({ dropKinds: ['offer-reminder'] });
    assert.match(
      messageOf(silent, 'notifications.follow-up'),
      /^24 h after the cancellation \(test clock\), its offer unanswered, the decision names email, but the notification history has no offer-reminder message by email \(it shows session-cancelled \(email: sent\)\)$/,
    );
    assert.equal(statusOf(silent)['notifications.no-follow-up-once-answered'], 'pass');
    const chasing = await broken({ chasesAnswered: true });
    assert.equal(statusOf(chasing)['notifications.follow-up'], 'pass');
    assert.match(
      messageOf(chasing, 'notifications.no-follow-up-once-answered'),
      /^the offer was answered, yet 24 h later its notification history shows a follow-up \(offer-reminder by email: sent\): the client is chased for an answer they gave$/,
    );
  });

  it('fail when the client is not told the offer expired', async () => {
    const report = await broken({ dropKinds: ['offer-expired'] });
    assert.equal(statusOf(report)['notifications.offer-expired'], 'fail');
    assert.match(
      messageOf(report, 'notifications.offer-expired'),
      /^the test clock is past the offer's expiresAt .*, but its notification history has no offer-expired message .*: the client is not told the offer closed$/,
    );
  });

  it("fail when the history is not the contract's shape, naming what breaks it", async () => {
    const report = await broken({ ownShape: true });
    for (const id of [
      'notifications.after-cancel',
      'notifications.follow-up',
      'notifications.no-follow-up-once-answered',
      'notifications.offer-expired',
    ]) {
      assert.equal(statusOf(report)[id], 'fail', id);
      assert.match(
        messageOf(report, id),
        /^GET \/sessions\/[^/]+\/(offer\/)?notifications answered 200 with a body that breaks the contract's notification history .*: \$\.notifications\[0\]/,
        id,
      );
    }
  });
});
