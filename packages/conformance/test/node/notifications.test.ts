import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runConformance, type ConformanceReport } from '../../src/index.js';
import { HISTORY_PATH, historyHost, type HistoryHostOptions } from '../shared/history-host.js';

// The notification checks against a stand-in for a host with a notification history (the
// contract has no such endpoint yet, so the kit is given its path): they pass when the history
// shows what the decision said, and fail saying what is missing or wrong.

async function run(options: HistoryHostOptions = {}): Promise<ConformanceReport> {
  const host = historyHost(options);
  return runConformance({ baseUrl: 'http://history.test', fetch: (input, init) => host.fetch(new Request(input, init)), fixtures: true, only: ['notifications.'], notificationHistoryPath: HISTORY_PATH });
}

const statusOf = (report: ConformanceReport) => Object.fromEntries(report.results.map((r) => [r.id, r.status]));
const messageOf = (report: ConformanceReport, id: string) => report.results.find((r) => r.id === id)?.message ?? '';

describe('the notification checks, on a host that shows its notification history', () => {
  it('pass when the history shows every channel, the follow-up when due, and none once answered', async () => {
    const report = await run();
    assert.deepEqual(statusOf(report), { 'notifications.after-cancel': 'pass', 'notifications.follow-up': 'pass', 'notifications.no-follow-up-once-answered': 'pass' }, JSON.stringify(report.results, null, 2));
  });

  it('fail naming the channel the history lacks', async () => {
    const report = await run({ dropChannel: 'email' });
    assert.equal(statusOf(report)['notifications.after-cancel'], 'fail');
    assert.match(messageOf(report, 'notifications.after-cancel'), /the decision names email.*, but the notification history has nothing by email/);
  });

  it('fail when no follow-up comes, and when an answered offer is chased', async () => {
    const silent = await run({ followUpAfterHours: null });
    assert.match(messageOf(silent, 'notifications.follow-up'), /^24 h after the cancellation \(test clock\) its offer is unanswered, but the notification history shows no follow-up$/);
    const chasing = await run({ chasesAnswered: true });
    assert.equal(statusOf(chasing)['notifications.follow-up'], 'pass');
    assert.match(messageOf(chasing, 'notifications.no-follow-up-once-answered'), /the offer was answered, yet 24 h later the notification history shows a follow-up .*offer-follow-up/);
  });
});
