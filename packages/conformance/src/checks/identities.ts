import { mintToken } from '@raincheck/host-api/tokens';
import type { CheckContext, CheckDefinition } from '../check.js';
import { CheckSkip } from '../outcomes.js';
import { BEARER_ENDPOINTS, callFor, practiceTargets } from '../endpoint-calls.js';
import { expectRefused } from '../refusals.js';
import { SEED_IDENTITIES, type Practice } from '../setup.js';
import { expectStatus } from '../steps.js';
import { tokenClaims } from '../token-claims.js';

// identities: who may call what. No token, a bad or an expired one: 401. A valid token that may not
// do this (another therapist's or another tenant's data, an endpoint for other roles): 403 (or 404,
// which does not even say the data exists). Reads run on the seed too; writes, which a broken host
// would apply, only on a fresh practice.

/** The practice's own `role` is refused every endpoint whose roles leave it out (403). */
async function expectRefusedByRole(
  context: CheckContext,
  practice: Practice,
  kind: 'reads' | 'writes',
  role: 'therapist' | 'team' | 'admin',
): Promise<void> {
  if (!BEARER_ENDPOINTS.some((e) => (e.method === 'GET') === (kind === 'reads') && !e.roles.includes(role))) return;
  await expectRefused(context, practice, kind, {
    who: role === 'team' ? 'the team' : `the practice's ${role}`,
    token: await practice.token(role),
    role,
    own: true,
  });
}

/** Whom the therapist's token names (its tenant and subject), else the documented seed's therapist. */
async function tokenIdentity(practice: Practice): Promise<{ tenant: string; subject: string }> {
  const { tenant, subject } = tokenClaims(await practice.token('therapist'));
  return { tenant: tenant ?? SEED_IDENTITIES.therapist.tenant, subject: subject ?? practice.therapistId };
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
      title: 'Without a bearer token, every read the contract gives a bearer role answers 401.',
      async run(context) {
        const practice = await context.practice('ordinary-cancellation');
        const targets = await practiceTargets(context, practice, { createRequest: false });
        for (const endpoint of BEARER_ENDPOINTS.filter((e) => e.method === 'GET')) {
          const call = callFor(endpoint, targets, undefined);
          if (call) expectStatus(await context.probe.send(call), 401, `no Authorization header (${endpoint.id})`);
        }
      },
    },
    {
      id: 'identities.no-token-writes',
      group: 'identities',
      title:
        'Without a bearer token, every write the contract gives a bearer role, with a valid body, answers 401 and changes nothing.',
      async run(context) {
        const practice = await context.freshPractice('ordinary-cancellation');
        await expectRefused(context, practice, 'writes', { who: 'a caller without a token', token: undefined });
      },
    },
    {
      id: 'identities.bad-token',
      group: 'identities',
      title: 'A token with a forged signature, or one that is not a JWT, answers 401.',
      async run(context) {
        const practice = await context.practice('ordinary-cancellation');
        const path = `/sessions/${encodeURIComponent(practice.sessionIds[0]!)}`;
        expectStatus(
          await context.probe.send({ method: 'GET', path, token: forged(await practice.token('therapist')) }),
          401,
          "the token's signature was changed",
        );
        expectStatus(
          await context.probe.send({ method: 'GET', path, token: 'not-a-jwt' }),
          401,
          'the token is not a JWT',
        );
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
          expectStatus(
            await context.probe.send({ method: 'GET', path, token }),
            401,
            'the token expired (the test clock moved 11 minutes on)',
          );
          return;
        }
        if (!options.tokenSecret)
          throw new CheckSkip('needs --token-secret (to mint an expired token) or --fixtures with a test clock');
        const { tenant, subject } = await tokenIdentity(practice);
        const expired = await mintToken({
          tenant,
          subject,
          role: 'therapist',
          secret: options.tokenSecret,
          ttlSeconds: 60,
          now: () => Date.now() - 10 * 60_000,
        });
        expectStatus(
          await context.probe.send({ method: 'GET', path, token: expired }),
          401,
          'the token expired nine minutes ago',
        );
      },
    },
    {
      id: 'identities.other-therapist',
      group: 'identities',
      title:
        "Another therapist of the same practice may not read the therapist's sessions, facts, slots, profile or team requests (403 or 404).",
      async run(context) {
        const practice = await context.practice('ordinary-cancellation');
        await expectRefused(context, practice, 'reads', {
          who: 'another therapist of the practice',
          token: await practice.token('other-therapist'),
          role: 'therapist',
        });
      },
    },
    {
      id: 'identities.other-therapist-writes',
      group: 'identities',
      title:
        'Another therapist of the same practice may not cancel, reschedule, refund, record attendance, hide the profile, report an absence or raise a team request for the therapist (403 or 404), and nothing changes.',
      async run(context) {
        const practice = await context.freshPractice('ordinary-cancellation');
        await expectRefused(context, practice, 'writes', {
          who: 'another therapist of the practice',
          token: await practice.token('other-therapist'),
          role: 'therapist',
        });
      },
    },
    {
      id: 'identities.other-tenant',
      group: 'identities',
      title:
        "A therapist and the team of another practice (tenant) may read none of this practice's data: every read naming it is refused (403 or 404), their own team queue and rules show none of it.",
      async run(context) {
        const practice = await context.practice('ordinary-cancellation');
        await expectRefused(context, practice, 'reads', {
          who: "another practice's therapist",
          token: await practice.token('other-tenant-therapist'),
          role: 'therapist',
        });
        await expectRefused(context, practice, 'reads', {
          who: "another practice's team",
          token: await practice.token('other-tenant-team'),
          role: 'team',
        });
      },
    },
    {
      id: 'identities.other-tenant-writes',
      group: 'identities',
      title:
        "A therapist and the team of another practice may change none of this practice's data through any write (403 or 404), and nothing changes.",
      async run(context) {
        const practice = await context.freshPractice('ordinary-cancellation');
        await expectRefused(context, practice, 'writes', {
          who: "another practice's therapist",
          token: await practice.token('other-tenant-therapist'),
          role: 'therapist',
        });
        await expectRefused(context, practice, 'writes', {
          who: "another practice's team",
          token: await practice.token('other-tenant-team'),
          role: 'team',
        });
      },
    },
    {
      id: 'identities.team-only',
      group: 'identities',
      title:
        'Reads for other roles are refused by role: the team queue and its requests (team and admins) answer a therapist 403; the team and an admin read the queue.',
      async run(context) {
        const practice = await context.practice('ordinary-cancellation');
        for (const role of ['therapist', 'team', 'admin'] as const)
          await expectRefusedByRole(context, practice, 'reads', role);
        expectStatus(
          await context.probe.send({ method: 'GET', path: '/team-requests', token: await practice.token('team') }),
          200,
          'the team reads its queue',
        );
        expectStatus(
          await context.probe.send({ method: 'GET', path: '/team-requests', token: await practice.token('admin') }),
          200,
          'an admin reads the team queue',
        );
      },
    },
    {
      id: 'identities.admin-only',
      group: 'identities',
      title:
        "Writes for other roles are refused by role (403) and change nothing: publishing rules (admins), resolving team requests (the team), a therapist's own writes (not the team).",
      async run(context) {
        const practice = await context.freshPractice('ordinary-cancellation');
        for (const role of ['therapist', 'team'] as const) await expectRefusedByRole(context, practice, 'writes', role);
      },
    },
  ];
}
