import { mintToken } from '@raincheck/host-api/tokens';
import type { CheckContext, CheckDefinition } from '../check.js';
import { CheckFailure, CheckSkip } from '../outcomes.js';
import type { Practice } from '../setup.js';
import { cancelBody, expectStatus, newKey, readSession } from '../steps.js';

// identities: who may call what. No token, a bad or an expired one: 401. A valid token that may not
// do this (another therapist's or another tenant's session, a team-only endpoint): 403 (or 404,
// which does not even say the session exists).

const REFUSED = [403, 404] as const;

/** Reading and cancelling the practice's first session as `token`'s bearer are both refused, and nothing changes. */
async function expectNoAccess(context: CheckContext, practice: Practice, token: string, who: string): Promise<void> {
  const sessionId = practice.sessionIds[0]!;
  const before = await readSession(context, practice, sessionId);
  const path = `/sessions/${encodeURIComponent(sessionId)}`;
  expectStatus(await context.probe.send({ method: 'GET', path, token }), REFUSED, `${who} may not read this session`);
  expectStatus(await context.probe.send({ method: 'GET', path: `${path}/policy-facts`, token }), REFUSED, `${who} may not read this session's facts`);
  const { body } = await cancelBody(context, practice, sessionId);
  expectStatus(await context.probe.send({ method: 'POST', path: `${path}/cancel`, token, body, idempotencyKey: newKey(), ifMatch: before.version }), REFUSED, `${who} may not cancel this session`);
  const after = await readSession(context, practice, sessionId);
  if (after.version !== before.version || after.status !== before.status) throw new CheckFailure(`${who}'s refused cancellation changed the session (status ${before.status} → ${after.status})`);
}

/** The same token with its signature changed: well-formed, but not signed by the host's key. */
function forged(token: string): string {
  const [header, payload, signature = ''] = token.split('.');
  const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
  return `${header}.${payload}.${flipped}`;
}

export function identityChecks(options: { readonly tokenSecret?: string }): readonly CheckDefinition[] {
  return [
    {
      id: 'identities.no-token',
      group: 'identities',
      title: 'Without a bearer token, reads and writes answer 401.',
      async run(context) {
        const practice = await context.practice('ordinary-cancellation');
        const path = `/sessions/${encodeURIComponent(practice.sessionIds[0]!)}`;
        expectStatus(await context.probe.send({ method: 'GET', path }), 401, 'no Authorization header');
        expectStatus(await context.probe.send({ method: 'POST', path: `${path}/cancel`, body: {}, idempotencyKey: newKey(), ifMatch: '1' }), [400, 401], 'no Authorization header');
        expectStatus(await context.probe.send({ method: 'GET', path: '/team-requests' }), 401, 'no Authorization header');
      },
    },
    {
      id: 'identities.bad-token',
      group: 'identities',
      title: 'A token with a forged signature, or one that is not a JWT, answers 401.',
      async run(context) {
        const practice = await context.practice('ordinary-cancellation');
        const path = `/sessions/${encodeURIComponent(practice.sessionIds[0]!)}`;
        expectStatus(await context.probe.send({ method: 'GET', path, token: forged(await practice.token('therapist')) }), 401, "the token's signature was changed");
        expectStatus(await context.probe.send({ method: 'GET', path, token: 'not-a-jwt' }), 401, 'the token is not a JWT');
      },
    },
    {
      id: 'identities.expired-token',
      group: 'identities',
      title: 'An expired token answers 401.',
      async run(context) {
        const practice = await context.practice('ordinary-cancellation');
        const path = `/sessions/${encodeURIComponent(practice.sessionIds[0]!)}`;
        if (practice.fresh) {
          // The fixtures' tokens live ten minutes on the host's clock: move it past that.
          const token = await practice.token('therapist');
          await context.advanceClock(11);
          expectStatus(await context.probe.send({ method: 'GET', path, token }), 401, 'the token expired (the test clock moved 11 minutes on)');
          return;
        }
        if (!options.tokenSecret) throw new CheckSkip('needs --token-secret (to mint an expired token) or --fixtures with a test clock');
        const expired = await mintToken({ tenant: 'practice-a', subject: practice.therapistId, role: 'therapist', secret: options.tokenSecret, ttlSeconds: 60, now: () => Date.now() - 10 * 60_000 });
        expectStatus(await context.probe.send({ method: 'GET', path, token: expired }), 401, 'the token expired nine minutes ago');
      },
    },
    {
      id: 'identities.other-therapist',
      group: 'identities',
      title: "Another therapist of the same practice may not read or cancel the therapist's session (403).",
      async run(context) {
        const practice = await context.practice('ordinary-cancellation');
        await expectNoAccess(context, practice, await practice.token('other-therapist'), 'another therapist of the practice');
      },
    },
    {
      id: 'identities.other-tenant',
      group: 'identities',
      title: "A therapist and the team of another practice (tenant) may not read or cancel this practice's session (403).",
      async run(context) {
        const practice = await context.practice('ordinary-cancellation');
        await expectNoAccess(context, practice, await practice.token('other-tenant-therapist'), "another practice's therapist");
        const team = await practice.token('other-tenant-team');
        expectStatus(await context.probe.send({ method: 'GET', path: `/sessions/${encodeURIComponent(practice.sessionIds[0]!)}`, token: team }), REFUSED, "another practice's team may not read this session");
      },
    },
    {
      id: 'identities.team-only',
      group: 'identities',
      title: 'The team queue (GET /team-requests) is for the team and admins: a therapist gets 403.',
      async run(context) {
        const practice = await context.practice('ordinary-cancellation');
        expectStatus(await context.probe.send({ method: 'GET', path: '/team-requests', token: await practice.token('therapist') }), 403, 'a therapist may not read the team queue');
        expectStatus(await context.probe.send({ method: 'GET', path: '/team-requests', token: await practice.token('team') }), 200, 'the team reads its queue');
        expectStatus(await context.probe.send({ method: 'GET', path: '/team-requests', token: await practice.token('admin') }), 200, 'an admin reads the team queue');
      },
    },
    {
      id: 'identities.admin-only',
      group: 'identities',
      title: "Publishing rules (PUT /policy/rules) is for admins: a therapist and the team get 403.",
      async run(context) {
        const practice = await context.practice('ordinary-cancellation');
        const rules = await context.probe.send({ method: 'GET', path: '/policy/rules', token: await practice.token('therapist') });
        expectStatus(rules, 200, 'anyone of the practice reads its rules');
        const { id, files } = rules.json as { id: string; files: Record<string, unknown> };
        const body = { id, version: `conformance-${Date.now()}`, files };
        for (const role of ['therapist', 'team'] as const) {
          expectStatus(await context.probe.send({ method: 'PUT', path: '/policy/rules', token: await practice.token(role), body, idempotencyKey: newKey() }), 403, `${role === 'team' ? 'the team' : 'a therapist'} may not publish rules`);
        }
      },
    },
  ];
}
