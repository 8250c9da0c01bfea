import { mintToken } from '@raincheck/host-api/tokens';
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
  | 'breaks-contract';

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
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { tenant?: string; sub?: string; role?: string };
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

/** A mock host with fixtures that gets `breakage` wrong, and everything else right. */
export function brokenHost(breakage: Breakage): TestHost {
  const host = createMockFixturesHost();
  const inner = (request: Request) => host.fetch(request);
  const withHeader = (request: Request, name: string, value: string) => {
    const headers = new Headers(request.headers);
    headers.set(name, value);
    return new Request(request, { headers });
  };
  return {
    async fetch(request) {
      const path = new URL(request.url).pathname;
      if (breakage === 'skips-if-match' && request.method === 'POST' && SESSION_WRITE.test(path)) {
        // Answers as if If-Match were not checked: a missing or stale one is replaced by the current version.
        const body = await request.text();
        const again = (headers: Headers) => inner(new Request(request.url, { method: request.method, headers, body }));
        const first = await again(new Headers(request.headers));
        if (first.status !== 428 && first.status !== 412) return first;
        const read = await inner(new Request(new URL(`/sessions/${SESSION_WRITE.exec(path)![1]}`, request.url), { headers: { authorization: request.headers.get('authorization') ?? '' } }));
        if (!read.ok) return first;
        const headers = new Headers(request.headers);
        headers.set('if-match', `"${((await read.json()) as { session: { version: string } }).session.version}"`);
        // Under a key of its own: the refused attempt's answer is saved under the request's key.
        headers.set('idempotency-key', `${request.headers.get('idempotency-key') ?? crypto.randomUUID()}-forced`);
        return again(headers);
      }
      if (breakage === 'replays-nothing' && request.headers.has('idempotency-key')) return inner(withHeader(request, 'idempotency-key', crypto.randomUUID()));
      if (breakage === 'cross-therapist') {
        const { tenant, sub, role } = claims(request.headers.get('authorization'));
        const owner = ownerOf(path);
        if (role === 'therapist' && tenant && owner && sub !== owner) {
          const token = await mintToken({ tenant, subject: owner, role: 'therapist', secret: MOCK_FIXTURES_SECRET, now: host.now });
          return inner(withHeader(request, 'authorization', `Bearer ${token}`));
        }
      }
      if (breakage === 'breaks-contract' && request.method === 'GET' && /^\/sessions\/[^/]+$/.test(path)) {
        const answer = await inner(request);
        if (!answer.ok) return answer;
        const body = (await answer.json()) as { session: Record<string, unknown> };
        return new Response(JSON.stringify({ session: { ...body.session, internalNotes: 'a field the contract does not have' } }), { status: 200, headers: answer.headers });
      }
      return inner(request);
    },
  };
}
