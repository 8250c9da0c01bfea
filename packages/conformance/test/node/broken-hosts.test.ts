import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runConformance, type ConformanceReport } from '../../src/index.js';
import { brokenHost, type Breakage } from '../shared/broken-hosts.js';

// Against a host that gets one thing wrong, the checks about that thing fail with a message that
// says what is wrong, and every other check still passes.

async function run(breakage: Breakage): Promise<ConformanceReport> {
  const host = brokenHost(breakage);
  return runConformance({ baseUrl: 'http://broken.test', fetch: (input, init) => host.fetch(new Request(input, init)), fixtures: true });
}

const failing = (report: ConformanceReport) => report.results.filter((r) => r.status === 'fail').map((r) => r.id).sort();
const messageOf = (report: ConformanceReport, id: string) => report.results.find((r) => r.id === id)?.message ?? '';
/** Apart from the expected failures, the run is as on a sound host: the rest pass, only notifications skip. */
function othersPass(report: ConformanceReport): void {
  assert.deepEqual(report.results.filter((r) => r.status === 'skip').map((r) => r.id), ['notifications.after-cancel', 'notifications.follow-up', 'notifications.no-follow-up-once-answered']);
  assert.equal(report.ok, false);
}

describe('the kit against deliberately broken hosts', () => {
  it('a host that skips If-Match fails the precondition checks, saying which header and status', async () => {
    const report = await run('skips-if-match');
    assert.deepEqual(failing(report), ['preconditions.concurrent-writers', 'preconditions.if-match-required', 'preconditions.stale-version', 'preconditions.version-changes']);
    assert.match(messageOf(report, 'preconditions.if-match-required'), /POST \/sessions\/\S+\/cancel \(Idempotency-Key\): expected 428 \(the If-Match header is missing\), got 200/);
    assert.match(messageOf(report, 'preconditions.stale-version'), /expected 412 \(If-Match "1-stale" is not the session's version "1"\), got 200/);
    othersPass(report);
  });

  it('a host that replays nothing fails the idempotency checks: the retry was applied again', async () => {
    const report = await run('replays-nothing');
    assert.deepEqual(failing(report), ['idempotency.concurrent-duplicates', 'idempotency.key-reused-other-body', 'idempotency.replay']);
    assert.match(messageOf(report, 'idempotency.replay'), /repeated with the same Idempotency-Key and body: expected the first answer replayed \(200\), got 412/);
    assert.match(messageOf(report, 'idempotency.concurrent-duplicates'), /10 at once with one key: the successful answers differ \(10 different bodies\)/);
    othersPass(report);
  });

  it("a host that lets a therapist act on another's session fails identities.other-therapist, and only it", async () => {
    const report = await run('cross-therapist');
    assert.deepEqual(failing(report), ['identities.other-therapist']);
    assert.match(messageOf(report, 'identities.other-therapist'), /GET \/sessions\/\S+: expected 403 or 404 \(another therapist of the practice may not read this session\), got 200/);
    othersPass(report);
  });

  it('a host that answers a contract-breaking body fails the contract checks, naming the field', async () => {
    const report = await run('breaks-contract');
    assert.deepEqual(failing(report), ['contract.reads', 'contract.responses']);
    assert.match(messageOf(report, 'contract.reads'), /GET \/sessions\/\S+ answered 200 with a body that breaks the contract's response: \$\.session: unknown key "internalNotes"/);
    assert.match(messageOf(report, 'contract.responses'), /answer\(s\) broke the contract: GET \/sessions\/\S+ \(in contract\.reads\)/);
    othersPass(report);
  });
});
