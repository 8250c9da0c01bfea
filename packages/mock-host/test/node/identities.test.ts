import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { before, beforeEach, describe, it } from 'node:test';
import { ENDPOINTS, errorBodySchema, type EndpointId } from '@raincheck/host-api';
import { mintToken } from '@raincheck/host-api/tokens';
import { defaultRuleFiles } from '@raincheck/policy/rules';
import { createMockHost, type MockHost, type MockIdentity, type ScenarioName } from '../../src/index.js';

// Who may call what, endpoint by endpoint: every endpoint of the contract gets a valid request,
// sent with no token, a bad one, and the token of every scenario identity. Each refusal changes nothing.

const BASE = 'https://partner.test/api';
const NOW = Date.parse('2027-06-01T09:00:00Z');
const decision = { policyId: 'raincheck-default', policyVersion: '1.0.0', policyHash: 'x', outcome: 'allowed' };
const IDENTITIES: readonly MockIdentity[] = [
  'therapist',
  'other-therapist',
  'team',
  'admin',
  'other-tenant-therapist',
  'other-tenant-team',
];

/** One raw request: the path under BASE, its body and extra headers (an idempotency key is added for idempotent endpoints). */
interface Call {
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Whose resources a request names: `therapist`: the scenario therapist's (th-ana: a session, slots,
 * facts, profile, absences, a team request filed as them); `team-request`: one of the tenant's team
 * requests; `own-tenant`: only the caller's own tenant's (the rules, the team list).
 */
type Scope = 'therapist' | 'team-request' | 'own-tenant' | 'offer';

interface Case {
  readonly scenario: ScenarioName;
  readonly scope: Scope;
  /** A request the right caller gets a 200 for, on a freshly reset host. */
  readonly request: (host: MockHost) => Promise<Call>;
}

/** `GET path` as the scenario's team, answered 200: to find ids the scenario seeded. */
async function readAsTeam<T>(host: MockHost, path: string): Promise<T> {
  const response = await host.fetchAt(BASE)(`${BASE}${path}`, {
    headers: { authorization: `Bearer ${await host.token('team')}` },
  });
  assert.equal(response.status, 200, `GET ${path} as the team: ${await response.clone().text()}`);
  return (await response.json()) as T;
}

/** The id of the tenant's first open team request of `kind`. */
async function openRequestId(host: MockHost, kind: string): Promise<string> {
  const { teamRequests } = await readAsTeam<{ teamRequests: { id: string }[] }>(
    host,
    `/team-requests?status=open&kind=${kind}`,
  );
  assert.ok(teamRequests[0], `the scenario has an open ${kind} team request`);
  return teamRequests[0].id;
}

const slotIds = (host: MockHost) => host.state.seed.slots['th-ana']!.map((slot) => slot.id);

/** A valid request for every endpoint of the contract (checked below against ENDPOINTS). */
const CASES = {
  getSession: {
    scenario: 'ordinary-cancellation',
    scope: 'therapist',
    request: () => Promise.resolve({ path: '/sessions/ses-1' }),
  },
  listSlots: {
    scenario: 'ordinary-cancellation',
    scope: 'therapist',
    request: () =>
      Promise.resolve({ path: '/therapists/th-ana/slots?from=2027-06-01T00:00:00Z&to=2027-06-20T00:00:00Z' }),
  },
  getPolicyFacts: {
    scenario: 'ordinary-cancellation',
    scope: 'therapist',
    request: () => Promise.resolve({ path: '/sessions/ses-1/policy-facts' }),
  },
  getSessionNotifications: {
    scenario: 'ordinary-cancellation',
    scope: 'therapist',
    request: () => Promise.resolve({ path: '/sessions/ses-1/notifications' }),
  },
  getOfferNotifications: {
    scenario: 'client-offer',
    scope: 'therapist',
    request: () => Promise.resolve({ path: '/sessions/ses-1/offer/notifications' }),
  },
  getRules: {
    scenario: 'ordinary-cancellation',
    scope: 'own-tenant',
    request: () => Promise.resolve({ path: '/policy/rules' }),
  },
  publishRules: {
    scenario: 'ordinary-cancellation',
    scope: 'own-tenant',
    request: () =>
      Promise.resolve({
        path: '/policy/rules',
        body: { id: 'practice-a-rules', version: '2027.1', files: defaultRuleFiles },
      }),
  },
  cancelSession: {
    scenario: 'ordinary-cancellation',
    scope: 'therapist',
    request: (host) =>
      Promise.resolve({
        path: '/sessions/ses-1/cancel',
        headers: { 'if-match': '"1"' },
        body: { reason: 'illness', alternativeSlotIds: slotIds(host).slice(0, 2), refundOffered: false, decision },
      }),
  },
  rescheduleSession: {
    scenario: 'ordinary-cancellation',
    scope: 'therapist',
    request: (host) =>
      Promise.resolve({
        path: '/sessions/ses-1/reschedule',
        headers: { 'if-match': '"1"' },
        body: { slotId: slotIds(host)[0], decision },
      }),
  },
  refundSession: {
    scenario: 'client-offer',
    scope: 'therapist',
    request: () =>
      Promise.resolve({ path: '/sessions/ses-1/refund', headers: { 'if-match': '"1"' }, body: { decision } }),
  },
  updateAttendance: {
    scenario: 'already-started',
    scope: 'therapist',
    request: () =>
      Promise.resolve({
        path: '/sessions/ses-1/attendance',
        headers: { 'if-match': '"1"' },
        body: { outcome: 'attended', refund: false, decision },
      }),
  },
  createTeamRequest: {
    scenario: 'ordinary-cancellation',
    scope: 'therapist',
    request: () =>
      Promise.resolve({
        path: '/team-requests',
        body: { kind: 'other', therapistId: 'th-ana', reason: 'Please call me about my calendar.' },
      }),
  },
  getOffer: {
    scenario: 'client-offer',
    scope: 'offer',
    request: (host) => Promise.resolve({ path: `/offers/${host.offerTokens.open}` }),
  },
  answerOffer: {
    scenario: 'client-offer',
    scope: 'offer',
    request: (host) => Promise.resolve({ path: `/offers/${host.offerTokens.open}/answer`, body: { choice: 'refund' } }),
  },
  getTherapist: {
    scenario: 'ordinary-cancellation',
    scope: 'therapist',
    request: () => Promise.resolve({ path: '/therapists/th-ana' }),
  },
  listSessions: {
    scenario: 'ordinary-cancellation',
    scope: 'therapist',
    request: () => Promise.resolve({ path: '/therapists/th-ana/sessions?from=2027-06-01&to=2027-07-01' }),
  },
  setVisibility: {
    scenario: 'ordinary-cancellation',
    scope: 'therapist',
    request: () =>
      Promise.resolve({ path: '/therapists/th-ana/visibility', body: { visible: false, hiddenUntil: '2027-07-01' } }),
  },
  reportAbsence: {
    scenario: 'ordinary-cancellation',
    scope: 'therapist',
    request: () =>
      Promise.resolve({
        path: '/therapists/th-ana/absences',
        body: { from: '2027-06-05', until: '2027-06-26', certainty: 'sure', informTeam: true },
      }),
  },
  listTeamRequests: {
    scenario: 'team-queue',
    scope: 'own-tenant',
    request: () => Promise.resolve({ path: '/team-requests?status=open' }),
  },
  getTeamRequest: {
    scenario: 'team-queue',
    scope: 'team-request',
    request: async (host) => ({ path: `/team-requests/${await openRequestId(host, 'new-client-refund')}` }),
  },
  resolveTeamRequest: {
    scenario: 'team-queue',
    scope: 'team-request',
    request: async (host) => ({
      path: `/team-requests/${await openRequestId(host, 'other')}/resolution`,
      body: { action: 'acknowledge', note: 'Called back, sorted.' },
    }),
  },
} as const satisfies Record<EndpointId, Case>;

const ENDPOINT_IDS = Object.keys(ENDPOINTS) as EndpointId[];

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** Sends `call` to `endpoint` with `authorization` as the Authorization header (none for `null`). */
async function send(
  host: MockHost,
  endpoint: EndpointId,
  call: Call,
  authorization: string | null,
  idempotencyKey: string = randomUUID(),
): Promise<Answer> {
  const definition = ENDPOINTS[endpoint];
  const headers = new Headers(call.headers);
  if (authorization !== null) headers.set('authorization', authorization);
  if ('idempotent' in definition) headers.set('idempotency-key', idempotencyKey);
  if (call.body !== undefined) headers.set('content-type', 'application/json');
  const response = await host.fetchAt(BASE)(`${BASE}${call.path}`, {
    method: definition.method,
    headers,
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** The error body's code, after checking the body is the contract's error body. */
function errorCode(answer: Answer, what: string): string {
  const parsed = errorBodySchema.safeParse(answer.body);
  assert.ok(parsed.success, `${what}: the error body fits the contract: ${JSON.stringify(answer.body)}`);
  return parsed.data.error.code;
}

/**
 * Everything a request may change, once the scenario is in place (`host.ready`): not the request
 * log, which records every call, nor the audit log, which records every write attempted, refused ones too.
 */
function stateOf(host: MockHost): string {
  const { requests: _log, audit: _audit, ...records } = host.records;
  return JSON.stringify({
    seed: host.state.seed,
    sessions: host.state.seed.sessions.map((session) => host.state.session(session.id)),
    records,
  });
}

/** What `who` should get for `endpoint`'s valid request: the roles in ENDPOINTS, then whose resources it names. */
function expectedStatus(host: MockHost, endpoint: EndpointId, who: MockIdentity): 200 | 403 {
  const { access } = ENDPOINTS[endpoint];
  if (access.kind === 'offer-link') return 200;
  const caller = host.identities[who];
  if (!(access.roles as readonly string[]).includes(caller.role)) return 403;
  const { scope } = CASES[endpoint] as Case;
  if (scope === 'own-tenant') return 200;
  if (caller.tenant !== host.identities.therapist.tenant) return 403;
  if (scope === 'therapist' && caller.role === 'therapist' && caller.subject !== host.identities.therapist.subject)
    return 403;
  return 200;
}

describe('identities: every endpoint, every caller', () => {
  let host: MockHost;
  before(() => {
    host = createMockHost({ now: () => NOW });
  });

  it('has a valid request for every endpoint of the contract', () => {
    assert.deepEqual(Object.keys(CASES).sort(), [...ENDPOINT_IDS].sort());
  });

  it('the scenario identities are the documented ones', () => {
    assert.deepEqual(host.identities, {
      therapist: { tenant: 'practice-a', subject: 'th-ana', role: 'therapist' },
      'other-therapist': { tenant: 'practice-a', subject: 'th-omar', role: 'therapist' },
      team: { tenant: 'practice-a', subject: 'team-zoe', role: 'team' },
      admin: { tenant: 'practice-a', subject: 'admin-ida', role: 'admin' },
      'other-tenant-therapist': { tenant: 'practice-b', subject: 'th-lee', role: 'therapist' },
      'other-tenant-team': { tenant: 'practice-b', subject: 'team-kai', role: 'team' },
    });
  });

  for (const endpoint of ENDPOINT_IDS) {
    const testCase: Case = CASES[endpoint];
    const { access } = ENDPOINTS[endpoint];
    describe(`${endpoint} (${access.kind === 'bearer' ? access.roles.join(', ') : 'offer link'})`, () => {
      beforeEach(async () => {
        host.reset(testCase.scenario);
        await host.ready;
      });

      if (access.kind === 'offer-link') {
        it('needs no bearer token: the offer link is the permission', async () => {
          const answer = await send(host, endpoint, await testCase.request(host), null);
          assert.equal(answer.status, 200, JSON.stringify(answer.body));
          assert.ok(ENDPOINTS[endpoint].response.safeParse(answer.body).success, 'the answer fits the contract');
        });
        return;
      }

      /** A token the host must refuse, and the error code that says why. */
      const badTokens: [string, () => Promise<string | null>, string][] = [
        ['no Authorization header', () => Promise.resolve(null), 'token-missing'],
        [
          'a Basic instead of a Bearer credential',
          () => Promise.resolve('Basic dGgtYW5hOnNlY3JldA=='),
          'token-malformed',
        ],
        ['a malformed token', () => Promise.resolve('Bearer not-a-jwt'), 'token-malformed'],
        [
          'a token signed with the wrong secret',
          async () =>
            `Bearer ${await mintToken({ tenant: 'practice-a', subject: 'th-ana', role: 'therapist', secret: 'not-the-secret-of-practice-a-at-all!', now: () => NOW })}`,
          'token-bad-signature',
        ],
        [
          'a token of a tenant the host does not know',
          async () =>
            `Bearer ${await mintToken({ tenant: 'practice-z', subject: 'th-ana', role: 'therapist', secret: 'the-secret-of-a-tenant-nobody-knows!', now: () => NOW })}`,
          'token-unknown-tenant',
        ],
        ['an expired token', async () => `Bearer ${await host.token('therapist', { expired: true })}`, 'token-expired'],
      ];
      for (const [name, token, why] of badTokens) {
        it(`${name}: 401 with an error code that says why, and nothing changed`, async () => {
          const call = await testCase.request(host);
          const before = stateOf(host);
          const answer = await send(host, endpoint, call, await token());
          assert.equal(answer.status, 401, JSON.stringify(answer.body));
          assert.equal(errorCode(answer, name), why);
          assert.equal(stateOf(host), before);
        });
      }

      for (const who of IDENTITIES) {
        it(`as ${who}`, async () => {
          const expected = expectedStatus(host, endpoint, who);
          const call = await testCase.request(host);
          const before = stateOf(host);
          const answer = await send(host, endpoint, call, `Bearer ${await host.token(who)}`);
          assert.equal(
            answer.status,
            expected,
            `${who} (${JSON.stringify(host.identities[who])}): ${JSON.stringify(answer.body)}`,
          );
          if (expected === 200) {
            assert.ok(
              ENDPOINTS[endpoint].response.safeParse(answer.body).success,
              `the answer fits the contract: ${JSON.stringify(answer.body)}`,
            );
          } else {
            assert.equal(errorCode(answer, who), 'forbidden');
            assert.equal(stateOf(host), before, 'a refused request changes nothing');
            if (ENDPOINTS[endpoint].method !== 'GET') {
              const attempt = host.records.audit.at(-1);
              assert.deepEqual(
                attempt && {
                  endpoint: attempt.endpoint,
                  status: attempt.status,
                  subject: 'subject' in attempt.actor ? attempt.actor.subject : null,
                },
                { endpoint, status: 403, subject: host.identities[who].subject },
                'the refused write is audited',
              );
            }
          }
        });
      }
    });
  }
});

describe('identities: roles', () => {
  let host: MockHost;
  beforeEach(async () => {
    host = createMockHost({ now: () => NOW });
    await host.ready;
  });

  it('the team reads its tenant’s sessions but may not cancel, rearrange or refund them', async () => {
    const team = `Bearer ${await host.token('team')}`;
    const read = await send(host, 'getSession', { path: '/sessions/ses-1' }, team);
    assert.equal(read.status, 200);
    const before = stateOf(host);
    for (const endpoint of ['cancelSession', 'rescheduleSession', 'refundSession', 'updateAttendance'] as const) {
      const answer = await send(host, endpoint, await CASES[endpoint].request(host), team);
      assert.deepEqual([answer.status, errorCode(answer, endpoint)], [403, 'forbidden'], endpoint);
    }
    assert.equal(stateOf(host), before);
    assert.equal(host.state.session('ses-1')?.status, 'scheduled');
  });

  it('the team-only endpoints are refused to a therapist, even their own requests', async () => {
    host.reset('team-queue');
    await host.ready;
    const therapist = `Bearer ${await host.token('therapist')}`;
    const requestId = await openRequestId(host, 'new-client-refund');
    const before = stateOf(host);
    const answers = [
      await send(host, 'listTeamRequests', { path: '/team-requests' }, therapist),
      await send(host, 'getTeamRequest', { path: `/team-requests/${requestId}` }, therapist),
      await send(
        host,
        'resolveTeamRequest',
        { path: `/team-requests/${requestId}/resolution`, body: { action: 'approve-refund' } },
        therapist,
      ),
    ];
    assert.deepEqual(
      answers.map((answer) => [answer.status, errorCode(answer, 'team-only')]),
      [
        [403, 'forbidden'],
        [403, 'forbidden'],
        [403, 'forbidden'],
      ],
    );
    assert.equal(stateOf(host), before);
  });

  it('another therapist may not file a team request in the scenario therapist’s name, nor read their facts', async () => {
    const omar = `Bearer ${await host.token('other-therapist')}`;
    const before = stateOf(host);
    const filed = await send(host, 'createTeamRequest', await CASES.createTeamRequest.request(), omar);
    const facts = await send(host, 'getPolicyFacts', { path: '/sessions/ses-1/policy-facts' }, omar);
    assert.deepEqual([filed.status, facts.status], [403, 403]);
    assert.equal(host.records.teamRequests.length, 0);
    assert.equal(stateOf(host), before);
  });
});

describe('identities: offer links', () => {
  let host: MockHost;
  beforeEach(async () => {
    host = createMockHost({ scenario: 'client-offer', now: () => NOW });
    await host.ready;
  });

  const BASE64URL_128_BITS = /^[A-Za-z0-9_-]{22,}$/;

  it('the scenario’s offer tokens are capability tokens, not names', async () => {
    assert.deepEqual(Object.keys(host.offerTokens).sort(), ['answered', 'expired', 'open']);
    for (const token of Object.values(host.offerTokens)) assert.match(token, BASE64URL_128_BITS);
    assert.equal(new Set(Object.values(host.offerTokens)).size, 3);
    for (const guessable of ['offer-open', 'offer-1', 'offer-2'])
      assert.equal((await send(host, 'getOffer', { path: `/offers/${guessable}` }, null)).status, 404, guessable);
  });

  it('a guessed token (22 random base64url characters) is 404 for reading and answering, and changes nothing', async () => {
    const before = stateOf(host);
    for (let i = 0; i < 5; i++) {
      const guess = randomBytes(16).toString('base64url');
      assert.equal(guess.length, 22);
      assert.equal((await send(host, 'getOffer', { path: `/offers/${guess}` }, null)).status, 404);
      const answer = await send(
        host,
        'answerOffer',
        { path: `/offers/${guess}/answer`, body: { choice: 'refund' } },
        null,
      );
      assert.equal(answer.status, 404);
      errorCode(answer, 'a guessed token');
    }
    assert.equal(stateOf(host), before);
  });

  it('an expired offer’s token is 410; an answered offer’s token cannot answer again (409)', async () => {
    const before = stateOf(host);
    const expired = await send(
      host,
      'answerOffer',
      { path: `/offers/${host.offerTokens.expired}/answer`, body: { choice: 'refund' } },
      null,
    );
    assert.deepEqual([expired.status, errorCode(expired, 'expired')], [410, 'offer-expired']);
    const answered = await send(
      host,
      'answerOffer',
      { path: `/offers/${host.offerTokens.answered}/answer`, body: { choice: 'refund' } },
      null,
    );
    assert.deepEqual([answered.status, errorCode(answered, 'answered')], [409, 'offer-answered']);
    assert.equal(stateOf(host), before);
  });

  it('a token is good for one answer: the open offer answered, its token is refused the second time', async () => {
    const path = `/offers/${host.offerTokens.open}/answer`;
    const first = await send(host, 'answerOffer', { path, body: { choice: 'refund' } }, null);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const again = await send(host, 'answerOffer', { path, body: { choice: 'refund' } }, null);
    assert.deepEqual([again.status, errorCode(again, 'reused')], [409, 'offer-answered']);
    assert.equal(host.records.refunds.length, 1);
  });

  it('the host keeps no plaintext offer token: not the seeded ones, not a new cancellation’s', async () => {
    // What was delivered to the client carries their link, as it must; nothing the host keeps does.
    const exposed = () =>
      JSON.stringify({
        seed: host.state.seed,
        records: { ...host.records, requests: undefined, delivered: undefined },
      });
    for (const token of Object.values(host.offerTokens))
      assert.ok(!exposed().includes(token), 'a seeded offer is stored by its token’s hash');
    const tokens: string[] = [];
    for (let i = 0; i < 2; i++) {
      host.reset('ordinary-cancellation');
      await host.ready;
      const answer = await send(
        host,
        'cancelSession',
        await CASES.cancelSession.request(host),
        `Bearer ${await host.token('therapist')}`,
      );
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      const { token } = (answer.body as { offer: { token: string } }).offer;
      assert.match(token, BASE64URL_128_BITS);
      assert.ok(Buffer.from(token, 'base64url').length >= 16, 'at least 128 bits');
      assert.ok(!exposed().includes(token), 'a new offer is stored by its token’s hash');
      assert.equal(
        (await send(host, 'getOffer', { path: `/offers/${token}` }, null)).status,
        200,
        'and its link works',
      );
      tokens.push(token);
    }
    assert.notEqual(tokens[0], tokens[1]);
  });
});

describe('identities: idempotency keys are scoped to tenant and caller', () => {
  let host: MockHost;
  beforeEach(async () => {
    host = createMockHost({ now: () => NOW });
    await host.ready;
  });

  const visibility = (visible: boolean): Call => ({ path: '/therapists/th-ana/visibility', body: { visible } });
  const replays = () =>
    host.records.requests.filter((request) => request.endpoint === 'setVisibility').map((request) => request.replayed);

  it('one key from two callers is two requests: neither replays the other’s answer, neither is 422; each one’s repeat replays', async () => {
    const key = randomUUID();
    const therapist = `Bearer ${await host.token('therapist')}`;
    const admin = `Bearer ${await host.token('admin')}`;
    const hidden = await send(host, 'setVisibility', visibility(false), therapist, key);
    const shown = await send(host, 'setVisibility', visibility(true), admin, key);
    assert.deepEqual([hidden.status, shown.status], [200, 200], JSON.stringify([hidden.body, shown.body]));
    assert.equal((hidden.body as { therapist: { profileVisible: boolean } }).therapist.profileVisible, false);
    assert.equal((shown.body as { therapist: { profileVisible: boolean } }).therapist.profileVisible, true);
    assert.deepEqual(
      await send(host, 'setVisibility', visibility(false), therapist, key),
      hidden,
      'the therapist’s repeat replays their answer',
    );
    assert.deepEqual(
      await send(host, 'setVisibility', visibility(true), admin, key),
      shown,
      'the admin’s repeat replays theirs',
    );
    assert.deepEqual(replays(), [false, false, true, true]);
    const reused = await send(host, 'setVisibility', visibility(true), therapist, key);
    assert.deepEqual(
      [reused.status, errorCode(reused, 'reused')],
      [422, 'idempotency-key-reused'],
      'the same caller’s key with another body',
    );
  });

  it('the same key and body from two callers: two team requests, one each', async () => {
    const key = randomUUID();
    const body = { kind: 'other', therapistId: 'th-ana', reason: 'Please call me.' };
    const first = await send(
      host,
      'createTeamRequest',
      { path: '/team-requests', body },
      `Bearer ${await host.token('therapist')}`,
      key,
    );
    const second = await send(
      host,
      'createTeamRequest',
      { path: '/team-requests', body },
      `Bearer ${await host.token('admin')}`,
      key,
    );
    assert.deepEqual([first.status, second.status], [200, 200]);
    const ids = [first, second].map((answer) => (answer.body as { teamRequest: { id: string } }).teamRequest.id);
    assert.notEqual(ids[0], ids[1]);
    assert.equal(host.records.teamRequests.length, 2);
  });

  it('another tenant’s caller reusing a key gets its own answer (403), never the first caller’s', async () => {
    const key = randomUUID();
    const call = visibility(false);
    const mine = await send(host, 'setVisibility', call, `Bearer ${await host.token('therapist')}`, key);
    assert.equal(mine.status, 200);
    for (const who of ['other-tenant-therapist', 'other-therapist'] as const) {
      const theirs = await send(host, 'setVisibility', call, `Bearer ${await host.token(who)}`, key);
      assert.deepEqual(
        [theirs.status, errorCode(theirs, who)],
        [403, 'forbidden'],
        `${who} is refused, not served the therapist’s answer`,
      );
    }
    assert.deepEqual(replays(), [false, false, false]);
  });

  it('a refused request does not take the key from its rightful caller', async () => {
    const key = randomUUID();
    const call = visibility(false);
    const refused = await send(
      host,
      'setVisibility',
      call,
      `Bearer ${await host.token('other-tenant-therapist')}`,
      key,
    );
    assert.equal(refused.status, 403);
    const mine = await send(host, 'setVisibility', call, `Bearer ${await host.token('therapist')}`, key);
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    assert.equal(host.state.seed.therapists.find((therapist) => therapist.id === 'th-ana')?.profileVisible, false);
  });
});
