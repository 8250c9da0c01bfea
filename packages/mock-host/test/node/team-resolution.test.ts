import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import {
  HostResponseError,
  RESOLUTIONS_BY_KIND,
  TEAM_REQUEST_KINDS_RAISED_BY_PEOPLE,
  type DecisionShown,
  type HostClient,
  type TeamRequest,
  type TeamRequestKind,
} from '@raincheck/host-api';
import { createMockHost, type MockHost } from '../../src/index.js';
import { clientAs } from '../shared/callers.js';
import { rejection } from '../shared/rejection.js';

// The platform team's side of the article: a new client's refund waits for the team, who approve it
// (issuing it once, whatever the double clicks and races) or decline it with a note; the therapist
// sees the outcome on the session.

const BASE = 'https://partner.test/api';
const NOW = Date.parse('2027-06-01T09:00:00Z');
const shown: DecisionShown = {
  policyId: 'raincheck-default',
  policyVersion: '1.0.0',
  policyHash: 'x',
  outcome: 'allowed',
};

let host: MockHost;
let team: HostClient;
let therapist: HostClient;

beforeEach(() => {
  host = createMockHost({ scenario: 'team-queue', now: () => NOW });
  team = clientAs(host, BASE, 'team', { retries: 0 });
  therapist = clientAs(host, BASE, 'therapist', { retries: 0 });
});

/** The tenant's first open team request of `kind`. */
async function openRequest(kind: TeamRequestKind): Promise<TeamRequest> {
  const { teamRequests } = await team.listTeamRequests({ query: { status: 'open', kind } });
  assert.ok(teamRequests[0], `an open ${kind} request`);
  return teamRequests[0];
}

/** The refunds the host has issued (money on its way) for a session. */
const issuedFor = (sessionId: string) =>
  host.records.refunds.filter((refund) => refund.sessionId === sessionId && refund.status === 'issued');

/** The status and code a call failed with. */
async function failure(call: Promise<unknown>): Promise<[number, string]> {
  const error = await rejection(call);
  assert.ok(error instanceof HostResponseError, `a host answer, not ${String(error)}`);
  return [error.status, error.code];
}

describe('the team queue scenario', () => {
  it('has open requests of every kind and a resolved one, all in the tenant', async () => {
    const open = (await team.listTeamRequests({ query: { status: 'open' } })).teamRequests;
    assert.deepEqual(
      new Set(open.map((request) => request.kind)),
      new Set(TEAM_REQUEST_KINDS_RAISED_BY_PEOPLE),
      'every kind people raise (the host raises the others when delivery fails)',
    );
    const resolved = (await team.listTeamRequests({ query: { status: 'resolved' } })).teamRequests;
    assert.ok(resolved.length >= 1);
    assert.ok(resolved.every((request) => request.resolution !== undefined));
  });

  it('the list filters by status and kind; with no filter it has both', async () => {
    const all = (await team.listTeamRequests({ query: {} })).teamRequests;
    for (const status of ['open', 'resolved'] as const) {
      const listed = (await team.listTeamRequests({ query: { status } })).teamRequests;
      assert.ok(listed.length > 0 && listed.every((request) => request.status === status), status);
      assert.deepEqual(
        listed.map((request) => request.id),
        all.filter((request) => request.status === status).map((request) => request.id),
      );
    }
    for (const kind of TEAM_REQUEST_KINDS_RAISED_BY_PEOPLE) {
      const listed = (await team.listTeamRequests({ query: { kind } })).teamRequests;
      assert.ok(listed.length > 0 && listed.every((request) => request.kind === kind), kind);
      const openOfKind = (await team.listTeamRequests({ query: { status: 'open', kind } })).teamRequests;
      assert.ok(openOfKind.every((request) => request.kind === kind && request.status === 'open'));
    }
    const newestFirst = all.map((request) => Date.parse(request.createdAt));
    assert.deepEqual(
      newestFirst,
      [...newestFirst].sort((a, b) => b - a),
      'newest first',
    );
    assert.ok(new Set(newestFirst).size > 1, 'the scenario’s requests have different ages');
  });

  it('the list carries the sessions its requests name, each once', async () => {
    const { teamRequests, sessions } = await team.listTeamRequests({ query: {} });
    const named = new Set(teamRequests.flatMap((request) => (request.sessionId ? [request.sessionId] : [])));
    assert.deepEqual(new Set(sessions.map((session) => session.id)), named);
    assert.equal(sessions.length, named.size);
  });

  it('the seeded refund request shows what the therapist’s widget really decided', async () => {
    const request = await openRequest('new-client-refund');
    const { decision } = await team.getTeamRequest({ requestId: request.id });
    assert.equal(decision?.shown?.outcome, decision?.outcome, 'the widget and the host decided alike');
  });

  it('never shows another tenant’s requests, either way', async () => {
    const ours = (await team.listTeamRequests({ query: {} })).teamRequests;
    const otherTeam = clientAs(host, BASE, 'other-tenant-team', { retries: 0 });
    const lee = host.identities['other-tenant-therapist'].subject;
    const { teamRequest: theirs } = await clientAs(host, BASE, 'other-tenant-therapist').createTeamRequest({
      body: { kind: 'other', therapistId: lee, reason: 'Please call me.' },
    });
    const theirList = (await otherTeam.listTeamRequests({ query: {} })).teamRequests;
    assert.deepEqual(
      theirList.map((request) => request.id),
      [theirs.id],
      'the other tenant sees only its own request',
    );
    assert.ok(
      !(await team.listTeamRequests({ query: {} })).teamRequests.some((request) => request.id === theirs.id),
      'and we do not see it',
    );
    assert.ok(ours.every((request) => request.therapistId !== lee));
    assert.deepEqual(await failure(otherTeam.getTeamRequest({ requestId: ours[0]!.id })), [403, 'forbidden']);
    assert.deepEqual(await failure(team.getTeamRequest({ requestId: theirs.id })), [403, 'forbidden']);
  });

  it('one request has the session, the client, the refund and the decision with its policy version and the rules that fired', async () => {
    const request = await openRequest('new-client-refund');
    assert.ok(request.sessionId && request.refundId, 'about a session and its refund');
    assert.ok(request.note, 'with the therapist’s note');
    const detail = await team.getTeamRequest({ requestId: request.id });
    assert.deepEqual(detail.teamRequest, request);
    assert.equal(detail.session?.id, request.sessionId);
    assert.equal(detail.session?.status, 'cancelled');
    assert.equal(detail.client?.id, detail.session?.client.id);
    assert.equal(detail.client?.isNew, true);
    assert.deepEqual([detail.refund?.id, detail.refund?.status], [request.refundId, 'pending-review']);
    const record = detail.decision;
    assert.ok(record, 'the decision the therapist was shown');
    assert.equal(record.outcome, 'needs-team');
    assert.deepEqual(
      [record.policy.id, record.policy.version, record.policy.hash],
      [host.policy.id, host.policy.version, host.policy.hash],
    );
    assert.ok(record.rules.length > 0, 'the rules that fired');
    assert.ok(record.effects.some((effect) => effect.kind === 'team' || effect.kind === 'refund'));
    const fired = new Set(record.rules.map((rule) => rule.ruleId));
    for (const effect of record.effects)
      for (const ruleId of effect.ruleIds)
        assert.ok(fired.has(ruleId), `${ruleId} of an effect is among the rules that fired`);
    assert.ok(
      record.rules.some((rule) => rule.facts.some((fact) => `${fact.fact}.${fact.path ?? ''}`.includes('isNew'))),
      'the trace names the fact that made it the team’s: the client is new',
    );
  });
});

describe('approving a new client’s refund issues it exactly once', () => {
  it('a double click (one key, at once): one refund, both clicks get the same answer', async () => {
    const request = await openRequest('new-client-refund');
    const idempotencyKey = team.newIdempotencyKey();
    const [first, second] = await Promise.all(
      [0, 1].map(() =>
        team.resolveTeamRequest({ requestId: request.id, idempotencyKey, body: { action: 'approve-refund' } }),
      ),
    );
    assert.deepEqual(first, second);
    assert.equal(first!.teamRequest.status, 'resolved');
    assert.deepEqual(
      [first!.teamRequest.resolution?.action, first!.teamRequest.resolution?.by],
      ['approve-refund', host.identities.team.subject],
    );
    assert.deepEqual(
      [first!.refund?.id, first!.refund?.status],
      [request.refundId, 'pending'],
      'approved: the refund provider carries it out',
    );
    assert.equal(issuedFor(request.sessionId!).length, 1);
    assert.deepEqual(
      host.records.requests
        .filter((r) => r.endpoint === 'resolveTeamRequest')
        .map((r) => r.replayed)
        .sort(),
      [false, true],
    );
  });

  it('two resolutions at once with different keys: one wins, the other is 409; one refund', async () => {
    const request = await openRequest('new-client-refund');
    const results = await Promise.allSettled([
      team.resolveTeamRequest({ requestId: request.id, body: { action: 'approve-refund' } }),
      clientAs(host, BASE, 'admin', { retries: 0 }).resolveTeamRequest({
        requestId: request.id,
        body: { action: 'approve-refund' },
      }),
    ]);
    assert.equal(
      results.filter((result) => result.status === 'fulfilled').length,
      1,
      JSON.stringify(results.map((r) => r.status)),
    );
    const lost = results.find((result) => result.status === 'rejected')!.reason as unknown;
    assert.ok(lost instanceof HostResponseError && lost.status === 409, `the other is 409, not ${String(lost)}`);
    assert.equal(issuedFor(request.sessionId!).length, 1);
  });

  it('an approval and a decline at once: exactly one of them, and at most one refund', async () => {
    const request = await openRequest('new-client-refund');
    const results = await Promise.allSettled([
      team.resolveTeamRequest({ requestId: request.id, body: { action: 'approve-refund' } }),
      team.resolveTeamRequest({
        requestId: request.id,
        body: { action: 'decline-refund', note: 'Outside the policy.' },
      }),
    ]);
    assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
    const approved = results[0].status === 'fulfilled';
    assert.equal(issuedFor(request.sessionId!).length, approved ? 1 : 0);
    const { session } = await therapist.getSession({ sessionId: request.sessionId! });
    assert.equal(session.refund?.status, approved ? 'issued' : 'declined');
  });

  it('the therapist’s session shows the refund waiting for the team, then issued', async () => {
    const request = await openRequest('new-client-refund');
    assert.equal(
      (await therapist.getSession({ sessionId: request.sessionId! })).session.refund?.status,
      'pending-review',
    );
    await team.resolveTeamRequest({ requestId: request.id, body: { action: 'approve-refund' } });
    const { session } = await therapist.getSession({ sessionId: request.sessionId! });
    assert.deepEqual([session.refund?.id, session.refund?.status], [request.refundId, 'issued']);
  });
});

describe('declining, and resolutions that do not fit', () => {
  it('a decline needs a note; with one it issues nothing and the therapist sees it declined', async () => {
    const request = await openRequest('new-client-refund');
    for (const note of [undefined, '', '   ']) {
      const [status] = await failure(
        team.resolveTeamRequest({
          requestId: request.id,
          body: { action: 'decline-refund', ...(note === undefined ? {} : { note }) },
        }),
      );
      assert.equal(status, 422, `note ${JSON.stringify(note)}`);
    }
    assert.equal((await team.getTeamRequest({ requestId: request.id })).teamRequest.status, 'open', 'still open');
    const declined = await team.resolveTeamRequest({
      requestId: request.id,
      body: { action: 'decline-refund', note: 'The client attended part of the session.' },
    });
    assert.equal(declined.teamRequest.status, 'resolved');
    assert.deepEqual(
      declined.teamRequest.resolution && {
        action: declined.teamRequest.resolution.action,
        note: declined.teamRequest.resolution.note,
      },
      {
        action: 'decline-refund',
        note: 'The client attended part of the session.',
      },
    );
    assert.equal(declined.refund?.status, 'declined');
    assert.equal(issuedFor(request.sessionId!).length, 0);
    const { refund } = (await therapist.getSession({ sessionId: request.sessionId! })).session;
    assert.deepEqual(
      refund && { status: refund.status, reviewNote: refund.reviewNote },
      { status: 'declined', reviewNote: 'The client attended part of the session.' },
      'the therapist sees why',
    );
  });

  it('a resolved request cannot be resolved again (409), whatever the action', async () => {
    const request = await openRequest('new-client-refund');
    await team.resolveTeamRequest({ requestId: request.id, body: { action: 'approve-refund' } });
    assert.equal(
      (await failure(team.resolveTeamRequest({ requestId: request.id, body: { action: 'approve-refund' } })))[0],
      409,
    );
    assert.equal(
      (
        await failure(
          team.resolveTeamRequest({ requestId: request.id, body: { action: 'decline-refund', note: 'No.' } }),
        )
      )[0],
      409,
    );
    assert.equal(issuedFor(request.sessionId!).length, 1);
    const [seededResolved] = (await team.listTeamRequests({ query: { status: 'resolved' } })).teamRequests.filter(
      (r) => r.id !== request.id,
    );
    assert.ok(seededResolved, 'the scenario’s resolved request');
    const action = RESOLUTIONS_BY_KIND[seededResolved.kind][0];
    assert.equal(
      (await failure(team.resolveTeamRequest({ requestId: seededResolved.id, body: { action, note: 'Again.' } })))[0],
      409,
    );
  });

  it('a resolution that does not fit the kind is 422 and leaves the request open', async () => {
    const cases: [TeamRequestKind, 'acknowledge' | 'approve-refund' | 'mark-rearranged'][] = [
      ['new-client-refund', 'acknowledge'],
      ['extended-absence', 'approve-refund'],
      ['other', 'mark-rearranged'],
      ['session-started', 'approve-refund'],
    ];
    for (const [kind, action] of cases) {
      const request = await openRequest(kind);
      assert.ok(!(RESOLUTIONS_BY_KIND[kind] as readonly string[]).includes(action));
      assert.equal(
        (await failure(team.resolveTeamRequest({ requestId: request.id, body: { action, note: 'Done.' } })))[0],
        422,
        `${action} on ${kind}`,
      );
      assert.equal((await team.getTeamRequest({ requestId: request.id })).teamRequest.status, 'open');
    }
    assert.equal(host.records.refunds.filter((refund) => refund.status === 'issued').length, 0);
  });

  it('an absence is acknowledged with a note back to the therapist', async () => {
    const request = await openRequest('extended-absence');
    const { teamRequest } = await team.resolveTeamRequest({
      requestId: request.id,
      body: { action: 'acknowledge', note: 'Covered by a colleague.' },
    });
    assert.deepEqual(
      [teamRequest.status, teamRequest.resolution?.note, teamRequest.resolution?.by],
      ['resolved', 'Covered by a colleague.', host.identities.team.subject],
    );
  });
});

describe('through the real flow: a new client’s session cancelled, its refund sent to the team', () => {
  beforeEach(() => host.reset('new-client-refund'));

  it('cancel, refund → a pending-review team request with the note; the team approves once; the therapist sees it issued', async () => {
    const slots = host.state.seed.slots['th-ana']!.slice(0, 2).map((slot) => slot.id);
    const note = 'Flu, I cannot work this week.';
    const cancelled = await therapist.cancelSession({
      sessionId: 'ses-1',
      version: '1',
      body: { reason: 'illness', note, alternativeSlotIds: slots, refundOffered: true, decision: shown },
    });
    const { refund, teamRequest } = await therapist.refundSession({
      sessionId: 'ses-1',
      version: cancelled.session.version,
      body: { note, decision: shown },
    });
    assert.equal(refund.status, 'pending-review');
    assert.ok(teamRequest, 'the refund goes to the team');
    assert.deepEqual(
      [teamRequest.kind, teamRequest.status, teamRequest.refundId, teamRequest.note],
      ['new-client-refund', 'open', refund.id, note],
    );
    assert.equal((await therapist.getSession({ sessionId: 'ses-1' })).session.refund?.status, 'pending-review');

    const queued = (await team.listTeamRequests({ query: { status: 'open', kind: 'new-client-refund' } })).teamRequests;
    assert.deepEqual(
      queued.map((request) => request.id),
      [teamRequest.id],
    );
    const detail = await team.getTeamRequest({ requestId: teamRequest.id });
    assert.equal(detail.decision?.action, 'refund');
    assert.equal(detail.decision?.outcome, 'needs-team');
    assert.deepEqual(detail.decision?.shown, shown, 'what the therapist’s widget said it showed');

    const idempotencyKey = team.newIdempotencyKey();
    const answers = await Promise.all(
      [0, 1, 2].map(() =>
        team.resolveTeamRequest({ requestId: teamRequest.id, idempotencyKey, body: { action: 'approve-refund' } }),
      ),
    );
    for (const answer of answers) assert.deepEqual(answer, answers[0]);
    assert.equal(issuedFor('ses-1').length, 1);
    assert.deepEqual(
      host.records.refunds.filter((r) => r.sessionId === 'ses-1').map((r) => r.id),
      [refund.id],
      'the refund the request was about, not another',
    );
    assert.equal(
      (await failure(team.resolveTeamRequest({ requestId: teamRequest.id, body: { action: 'approve-refund' } })))[0],
      409,
    );
    const { session } = await therapist.getSession({ sessionId: 'ses-1' });
    assert.deepEqual([session.refund?.id, session.refund?.status], [refund.id, 'issued']);
  });
});
