import { mintToken, verifyToken } from '@raincheck/host-api/tokens';
import { createMockFixturesHost, MOCK_FIXTURES_SECRET } from '@raincheck/mock-host';

// Deliberately broken hosts: the mock host with fixtures, behind a wrapper that breaks one thing a
// partner's host might get wrong. The kit's matching checks must fail on each, and only those.

/** What a broken host gets wrong. */
export type Breakage =
  /** Ignores If-Match: every session write is applied to the current version, whatever was sent. */
  | 'skips-if-match'
  /** Remembers no idempotency key: every request is new, so a retry is applied again. */
  | 'replays-nothing'
  /** Lets a therapist act on another therapist's sessions (of the same practice). */
  | 'cross-therapist'
  /** Answers a session read with a field the contract does not have. */
  | 'breaks-contract'
  /** Accepts a session write without a token, as if the session's therapist had sent it. */
  | 'writes-without-token'
  /** Lets any therapist of the practice read another's schedule (GET /therapists/{id}/sessions and /slots). */
  | 'cross-therapist-schedule'
  /** Shows a team every practice's queue (GET /team-requests), not only its own tenant's. */
  | 'cross-tenant-team-queue'
  /** Gives offers counted tokens (offer-000…001, …002): long, but guessable. */
  | 'sequential-offer-tokens'
  /** Answers 409 to a duplicate that arrives while the first request with its key is in flight. */
  | 'in-flight-409'
  /** Answers 422 to a reused key with another body, but applies that body all the same. */
  | 'reused-key-applied'
  /** Keeps idempotency keys for the whole host: another tenant's caller reusing a key gets the first answer. */
  | 'keys-not-scoped'
  /** Keeps idempotency keys per tenant only: the practice's admin reusing its therapist's key gets the therapist's answer. */
  | 'keys-per-tenant-only';

/** A host that answers requests (a `fetch` for the kit). */
export interface TestHost {
  fetch(request: Request): Promise<Response>;
}

const SESSION_WRITE = /^\/sessions\/([^/]+)\/(cancel|reschedule|refund|attendance)$/;

/** The JWT's claims, unverified: the wrapper only reads whom it names. */
function claims(authorization: string | null): { tenant?: string; sub?: string; role?: string } {
  const payload = authorization?.replace(/^Bearer\s+/i, '').split('.')[1];
  if (!payload) return {};
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      tenant?: string;
      sub?: string;
      role?: string;
    };
  } catch {
    return {};
  }
}

/** The therapist a path is about, in the fixtures' namespaced ids (`<ns>.ses-1` is `<ns>.th-ana`'s). */
function ownerOf(path: string): string | undefined {
  const session = /^\/sessions\/([^/.]+)\.[^/]+/.exec(path);
  if (session) return `${decodeURIComponent(session[1]!)}.th-ana`;
  const therapist = /^\/therapists\/([^/]+)/.exec(path);
  return therapist ? decodeURIComponent(therapist[1]!) : undefined;
}

const problem = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

/** A mock host with fixtures that gets `breakage` wrong, and everything else right. */
export function brokenHost(breakage: Breakage): TestHost {
  const host = createMockFixturesHost();
  const inner = (request: Request) => host.fetch(request);
  /** What each fixture set up: its tenant and people, by session. */
  const practices: { tenant: string; therapist: string; team: string; sessions: readonly string[] }[] = [];
  const offerTokens = { real: new Map<string, string>(), counted: new Map<string, string>() };
  const countedToken = (real: string) => {
    if (!offerTokens.real.has(real)) {
      const counted = `offer-${String(offerTokens.real.size + 1).padStart(32, '0')}`;
      offerTokens.real.set(real, counted);
      offerTokens.counted.set(counted, real);
    }
    return offerTokens.real.get(real)!;
  };
  const inFlight = new Set<string>();
  const keyBodies = new Map<string, string>();
  const keyAnswers = new Map<string, { caller: string; answer: Response }>();
  const mintFor = (tenant: string, subject: string, role: 'therapist' | 'team') =>
    mintToken({ tenant, subject, role, secret: MOCK_FIXTURES_SECRET, now: host.now });
  const withHeader = (request: Request, name: string, value: string) => {
    const headers = new Headers(request.headers);
    headers.set(name, value);
    return new Request(request, { headers });
  };
  return {
    async fetch(request) {
      const path = new URL(request.url).pathname;
      if (path === '/_fixtures/scenario') {
        const answer = await inner(request);
        const made = (await answer.clone().json()) as {
          tenant: string;
          subjects: { therapist: string; team: string };
          ids: { sessions: string[] };
          offerTokens: Record<string, string>;
        };
        practices.push({
          tenant: made.tenant,
          therapist: made.subjects.therapist,
          team: made.subjects.team,
          sessions: made.ids.sessions,
        });
        if (breakage !== 'sequential-offer-tokens') return answer;
        return Response.json({
          ...made,
          offerTokens: Object.fromEntries(
            Object.entries(made.offerTokens).map(([name, token]) => [name, countedToken(token)]),
          ),
        });
      }
      if (
        breakage === 'writes-without-token' &&
        request.method === 'POST' &&
        SESSION_WRITE.test(path) &&
        !request.headers.has('authorization')
      ) {
        const sessionId = decodeURIComponent(SESSION_WRITE.exec(path)![1]!);
        const owner = practices.find((p) => p.sessions.includes(sessionId));
        if (owner)
          return inner(
            withHeader(request, 'authorization', `Bearer ${await mintFor(owner.tenant, owner.therapist, 'therapist')}`),
          );
      }
      if (breakage === 'cross-therapist-schedule' && request.method === 'GET') {
        const schedule = /^\/therapists\/([^/]+)\/(sessions|slots)$/.exec(path);
        const { tenant, sub, role } = claims(request.headers.get('authorization'));
        const owner = schedule ? decodeURIComponent(schedule[1]!) : undefined;
        if (role === 'therapist' && tenant && owner && sub !== owner)
          return inner(withHeader(request, 'authorization', `Bearer ${await mintFor(tenant, owner, 'therapist')}`));
      }
      if (
        breakage === 'cross-tenant-team-queue' &&
        request.method === 'GET' &&
        path === '/team-requests' &&
        claims(request.headers.get('authorization')).role === 'team'
      ) {
        const merged = { teamRequests: [] as unknown[], sessions: [] as unknown[] };
        for (const practice of practices) {
          const answer = await inner(
            withHeader(request, 'authorization', `Bearer ${await mintFor(practice.tenant, practice.team, 'team')}`),
          );
          if (!answer.ok) return answer;
          const queue = (await answer.json()) as typeof merged;
          merged.teamRequests.push(...queue.teamRequests);
          merged.sessions.push(...queue.sessions);
        }
        return Response.json(merged);
      }
      if (breakage === 'sequential-offer-tokens') {
        const offer = /^\/offers\/([^/]+)(\/answer)?$/.exec(path);
        if (offer) {
          const real = offerTokens.counted.get(decodeURIComponent(offer[1]!)) ?? `unknown-${offer[1]}`;
          return inner(
            new Request(new URL(`/offers/${encodeURIComponent(real)}${offer[2] ?? ''}`, request.url), request),
          );
        }
        if (request.method === 'POST' && /^\/sessions\/[^/]+\/cancel$/.test(path)) {
          const answer = await inner(request);
          const body = (await answer.clone().json()) as { offer?: { token: string } | null };
          if (!answer.ok || !body.offer) return answer;
          return new Response(
            JSON.stringify({ ...body, offer: { ...body.offer, token: countedToken(body.offer.token) } }),
            { status: answer.status, headers: answer.headers },
          );
        }
      }
      const key = request.headers.get('idempotency-key');
      if (breakage === 'in-flight-409' && key !== null) {
        if (inFlight.has(key))
          return problem(409, 'in-flight', 'A request with this Idempotency-Key is still being processed.');
        inFlight.add(key);
        try {
          return await inner(request);
        } finally {
          inFlight.delete(key);
        }
      }
      if (breakage === 'reused-key-applied' && key !== null) {
        const body = await request.clone().text();
        const seen = keyBodies.get(key);
        if (seen === undefined) keyBodies.set(key, body);
        else if (seen !== body) {
          await inner(withHeader(request, 'idempotency-key', crypto.randomUUID()));
          return problem(422, 'idempotency-key-reused', 'This Idempotency-Key was used with another body.');
        }
      }
      if ((breakage === 'keys-not-scoped' || breakage === 'keys-per-tenant-only') && key !== null) {
        const { tenant, sub } = claims(request.headers.get('authorization'));
        const caller = `${tenant}/${sub}`;
        const scope = breakage === 'keys-not-scoped' ? key : `${tenant}/${key}`;
        const first = keyAnswers.get(scope);
        if (first && first.caller !== caller) return first.answer.clone();
        const answer = await inner(request);
        if (!first) keyAnswers.set(scope, { caller, answer: answer.clone() });
        return answer;
      }
      if (breakage === 'skips-if-match' && request.method === 'POST' && SESSION_WRITE.test(path)) {
        // Answers as if If-Match were not checked: a missing or stale one is replaced by the current version.
        const body = await request.text();
        const again = (headers: Headers) => inner(new Request(request.url, { method: request.method, headers, body }));
        const first = await again(new Headers(request.headers));
        if (first.status !== 428 && first.status !== 412) return first;
        const read = await inner(
          new Request(new URL(`/sessions/${SESSION_WRITE.exec(path)![1]}`, request.url), {
            headers: { authorization: request.headers.get('authorization') ?? '' },
          }),
        );
        if (!read.ok) return first;
        const headers = new Headers(request.headers);
        headers.set('if-match', `"${((await read.json()) as { session: { version: string } }).session.version}"`);
        // Under a key of its own: the refused attempt's answer is saved under the request's key.
        headers.set('idempotency-key', `${request.headers.get('idempotency-key') ?? crypto.randomUUID()}-forced`);
        return again(headers);
      }
      if (breakage === 'replays-nothing' && request.headers.has('idempotency-key'))
        return inner(withHeader(request, 'idempotency-key', crypto.randomUUID()));
      if (breakage === 'cross-therapist') {
        const { tenant, sub, role } = claims(request.headers.get('authorization'));
        const owner = ownerOf(path);
        if (role === 'therapist' && tenant && owner && sub !== owner) {
          const token = await mintFor(tenant, owner, 'therapist');
          return inner(withHeader(request, 'authorization', `Bearer ${token}`));
        }
      }
      if (breakage === 'breaks-contract' && request.method === 'GET' && /^\/sessions\/[^/]+$/.test(path)) {
        const answer = await inner(request);
        if (!answer.ok) return answer;
        const body = (await answer.json()) as { session: Record<string, unknown> };
        return new Response(
          JSON.stringify({ session: { ...body.session, internalNotes: 'a field the contract does not have' } }),
          { status: 200, headers: answer.headers },
        );
      }
      return inner(request);
    },
  };
}

/**
 * A seed host (any `fetch`) that lacks the key check: a write without an Idempotency-Key is
 * applied as if it had one. Against the documented seed the kit must not send it a valid write.
 */
export function withoutKeyCheck(fetcher: typeof fetch): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    if (request.method === 'GET' || request.headers.has('idempotency-key')) return fetcher(request);
    const headers = new Headers(request.headers);
    headers.set('idempotency-key', crypto.randomUUID());
    return fetcher(new Request(request, { headers }));
  };
}

/**
 * A mock seed host (any `fetch`) that ignores expiry: a token its tenant signed is taken however
 * long ago it expired (re-signed fresh before the host sees it).
 */
export function ignoringExpiry(fetcher: typeof fetch, secrets: Readonly<Record<string, string>>): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const token = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '');
    if (!token) return fetcher(request);
    const identity = await verifyToken(token, {
      secret: (tenant) => secrets[tenant],
      clockToleranceSeconds: 10 * 365 * 86_400,
    }).catch(() => undefined);
    if (!identity) return fetcher(request);
    const headers = new Headers(request.headers);
    headers.set(
      'authorization',
      `Bearer ${await mintToken({ tenant: identity.tenant, subject: identity.subject, role: identity.role, secret: secrets[identity.tenant]! })}`,
    );
    return fetcher(new Request(request, { headers }));
  };
}
