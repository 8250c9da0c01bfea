import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runConformance, type ConformanceReport } from '../../src/index.js';
import { brokenHost, type Breakage } from '../shared/broken-hosts.js';

// Against a host that gets one thing wrong, the checks about that thing fail with a message that
// says what is wrong, and every other check still passes.

async function run(breakage: Breakage): Promise<ConformanceReport> {
  const host = brokenHost(breakage);
  return runConformance({
    baseUrl: 'http://broken.test',
    fetch: (input, init) => host.fetch(new Request(input, init)),
    fixtures: true,
  });
}

const failing = (report: ConformanceReport) =>
  report.results
    .filter((r) => r.status === 'fail')
    .map((r) => r.id)
    .sort();
const messageOf = (report: ConformanceReport, id: string) => report.results.find((r) => r.id === id)?.message ?? '';
/** Apart from the expected failures, the run is as on a sound host: the rest pass, none skips. */
function othersPass(report: ConformanceReport): void {
  assert.deepEqual(
    report.results.filter((r) => r.status === 'skip').map((r) => r.id),
    [],
  );
  assert.equal(report.ok, false);
}

describe('the kit against deliberately broken hosts', () => {
  it('a host that skips If-Match fails the precondition checks, saying which header and status', async () => {
    const report = await run('skips-if-match');
    assert.deepEqual(failing(report), [
      'preconditions.concurrent-writers',
      'preconditions.if-match-required',
      'preconditions.stale-version',
      'preconditions.version-changes',
    ]);
    assert.match(
      messageOf(report, 'preconditions.if-match-required'),
      /POST \/sessions\/\S+\/cancel \(Idempotency-Key\): expected 428 \(the If-Match header is missing\), got 200/,
    );
    assert.match(
      messageOf(report, 'preconditions.stale-version'),
      /expected 412 \(If-Match "1-stale" is not the session's version "1"\), got 200/,
    );
    othersPass(report);
  });

  it('a host that replays nothing fails the idempotency checks: the retry was applied again', async () => {
    const report = await run('replays-nothing');
    assert.deepEqual(failing(report), [
      'idempotency.concurrent-duplicates',
      'idempotency.key-reused-other-body',
      'idempotency.replay',
    ]);
    assert.match(
      messageOf(report, 'idempotency.replay'),
      /repeated with the same Idempotency-Key and body: expected the first answer replayed \(200\), got 412/,
    );
    assert.match(
      messageOf(report, 'idempotency.concurrent-duplicates'),
      /10 at once with one key: the successful answers differ \(10 different bodies\)/,
    );
    othersPass(report);
  });

  it("a host that lets a therapist act on another's session fails the other-therapist checks, and only them", async () => {
    const report = await run('cross-therapist');
    assert.deepEqual(failing(report), ['identities.other-therapist', 'identities.other-therapist-writes']);
    assert.match(
      messageOf(report, 'identities.other-therapist'),
      /GET \/sessions\/\S+: expected 403 or 404 \(another therapist of the practice may not read the practice's data \(getSession\)\), got 200/,
    );
    assert.match(
      messageOf(report, 'identities.other-therapist-writes'),
      /POST \/sessions\/\S+\/cancel .*expected 403 or 404 \(another therapist of the practice may not change the practice's data \(cancelSession\)\), got 200/,
    );
    othersPass(report);
  });

  it('a host that answers a contract-breaking body fails the contract checks, naming the field', async () => {
    const report = await run('breaks-contract');
    assert.deepEqual(failing(report), ['contract.reads', 'contract.responses']);
    assert.match(
      messageOf(report, 'contract.reads'),
      /GET \/sessions\/\S+ answered 200 with a body that breaks the contract's response: \$\.session: unknown key "internalNotes"/,
    );
    assert.match(
      messageOf(report, 'contract.responses'),
      /answer\(s\) broke the contract: GET \/sessions\/\S+ \(in contract\.reads\)/,
    );
    othersPass(report);
  });

  it('a host that accepts session writes without a token fails identities.no-token-writes: a valid cancel went through', async () => {
    const report = await run('writes-without-token');
    assert.deepEqual(failing(report), ['identities.no-token-writes']);
    assert.match(
      messageOf(report, 'identities.no-token-writes'),
      /POST \/sessions\/\S+\/cancel .*expected 401 \(a caller without a token may not call cancelSession\), got 200/,
    );
    othersPass(report);
  });

  it("a host that lets a therapist read another's sessions and slots fails identities.other-therapist, naming the endpoint", async () => {
    const report = await run('cross-therapist-schedule');
    assert.deepEqual(failing(report), ['identities.other-therapist']);
    assert.match(
      messageOf(report, 'identities.other-therapist'),
      /GET \/therapists\/\S+\/(slots|sessions)\S*: expected 403 or 404 .*\((listSlots|listSessions)\)\), got 200/,
    );
    othersPass(report);
  });

  it("a host that shows a team another practice's queue fails identities.other-tenant, naming what it showed", async () => {
    const report = await run('cross-tenant-team-queue');
    assert.deepEqual(failing(report), ['identities.other-tenant']);
    assert.match(
      messageOf(report, 'identities.other-tenant'),
      /GET \/team-requests → 200: another practice's team was shown the practice's "[^"]+\.th-ana".*\(listTeamRequests\)/,
    );
    othersPass(report);
  });

  it('a host that counts its offer tokens fails offers.unguessable-token, though the tokens are long', async () => {
    const report = await run('sequential-offer-tokens');
    assert.deepEqual(failing(report), ['offers.unguessable-token']);
    assert.match(
      messageOf(report, 'offers.unguessable-token'),
      /offer tokens can be guessed: the tokens "offer-0+\d+", "offer-0+\d+", "offer-0+\d+" differ only in 1 character/,
    );
    othersPass(report);
  });

  it('a host that answers 409 to a duplicate in flight fails concurrent-duplicates, as the contract (no 409 there) says', async () => {
    const report = await run('in-flight-409');
    assert.deepEqual(failing(report), ['contract.responses', 'idempotency.concurrent-duplicates']);
    assert.match(
      messageOf(report, 'idempotency.concurrent-duplicates'),
      /expected 200 for every one .*got 409 in-flight/,
    );
    assert.match(
      messageOf(report, 'contract.responses'),
      /POST \/team-requests \(Idempotency-Key\) \(in idempotency\.concurrent-duplicates\) answered 409, which is not among its statuses/,
    );
    othersPass(report);
  });

  it("a host that refuses a reused key's other body but applies it fails key-reused-other-body on the re-read", async () => {
    const report = await run('reused-key-applied');
    assert.deepEqual(failing(report), ['idempotency.key-per-caller', 'idempotency.key-reused-other-body']);
    assert.match(
      messageOf(report, 'idempotency.key-reused-other-body'),
      /answered 422 to the reused key's other body, but the team's queue has that request: it was applied/,
    );
    othersPass(report);
  });

  it("a host whose idempotency keys are not scoped per caller fails idempotency.key-per-caller: it replayed another tenant's answer", async () => {
    const report = await run('keys-not-scoped');
    assert.deepEqual(failing(report), ['idempotency.key-per-caller']);
    assert.match(messageOf(report, 'idempotency.key-per-caller'), /the host replayed this practice's answer/);
    othersPass(report);
  });

  it("a host whose keys are scoped per tenant only fails idempotency.key-per-caller: the admin got the therapist's answer", async () => {
    const report = await run('keys-per-tenant-only');
    assert.deepEqual(failing(report), ['idempotency.key-per-caller']);
    assert.match(
      messageOf(report, 'idempotency.key-per-caller'),
      /as the practice's admin with a key its therapist used: the host replayed the therapist's answer/,
    );
    othersPass(report);
  });
});
