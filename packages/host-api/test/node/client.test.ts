import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  ContractError,
  createHostClient,
  fillPath,
  ForbiddenError,
  TimeoutError,
  UnauthorizedError,
  type DecisionShown,
  type HostClientOptions,
  type Session,
} from '../../src/index.js';

const shown: DecisionShown = {
  policyId: 'raincheck-default',
  policyVersion: '1.0.0',
  policyHash: 'x',
  outcome: 'allowed',
};

const BASE = 'https://partner.test/api';

const session: Session = {
  id: 'ses-1',
  startsAt: '2027-06-02T10:00:00+01:00',
  endsAt: '2027-06-02T10:50:00+01:00',
  timeZone: 'Europe/London',
  status: 'scheduled',
  price: { amount: 6500, currency: 'GBP' },
  version: '1',
  therapistId: 'th-1',
  client: { id: 'cl-1', displayName: 'Ben Carter' },
};

/** The error a call rejects with; fails the test when it resolves instead. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** A client whose waits between attempts are recorded, not slept. */
function clientWith(options: Partial<HostClientOptions> & Pick<HostClientOptions, 'fetch'>, waits: number[] = []) {
  return createHostClient({
    baseUrl: BASE,
    timeoutMs: 50,
    random: () => 0.5,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    ...options,
  });
}

/** A 200 whose headers arrive with the start of a JSON body that never ends; counts the bodies cancelled. */
function stallingBody(cancelled: { count: number }, onPull?: () => void): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"session":'));
    },
    pull() {
      onPull?.();
      return new Promise<void>(() => undefined);
    },
    cancel() {
      cancelled.count++;
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
}

describe('a body that stalls after the headers', () => {
  it('is a TimeoutError once timeoutMs has passed, retried like a timeout, each stalled body cancelled', async () => {
    const cancelled = { count: 0 };
    const waits: number[] = [];
    let calls = 0;
    const client = clientWith(
      {
        fetch: () => {
          calls++;
          return Promise.resolve(stallingBody(cancelled));
        },
      },
      waits,
    );
    const error = await rejection(client.getSession({ sessionId: 'ses-1' }));
    assert.ok(error instanceof TimeoutError, String(error));
    assert.equal(error.endpoint, 'getSession');
    assert.equal(calls, 3);
    assert.equal(waits.length, 2);
    assert.equal(cancelled.count, 3);
  });

  it('an error status whose body stalls is a TimeoutError too, not a hang', async () => {
    let calls = 0;
    const refusal = () => new Response(stallingBody({ count: 0 }).body, { status: 404 });
    const client = clientWith({ retries: 0, fetch: () => (calls++, Promise.resolve(refusal())) });
    assert.ok((await rejection(client.getOffer({ token: 'tok-1' }))) instanceof TimeoutError);
    assert.equal(calls, 1);
  });

  it("the caller's abort ends it with the abort reason, not retried", async () => {
    const controller = new AbortController();
    const reason = new DOMException('the person left the page', 'AbortError');
    const cancelled = { count: 0 };
    const waits: number[] = [];
    const client = clientWith(
      {
        timeoutMs: 60_000,
        fetch: () => Promise.resolve(stallingBody(cancelled, () => controller.abort(reason))),
      },
      waits,
    );
    const error = await rejection(client.getSession({ sessionId: 'ses-1', signal: controller.signal }));
    assert.equal(error, reason);
    assert.equal(waits.length, 0);
    assert.equal(cancelled.count, 1);
  });

  it('a whole body still arrives in chunks, decoded as UTF-8 across chunk boundaries', async () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({ session: { ...session, client: { id: 'cl-1', displayName: 'Zoë Müller' } } }),
    );
    const split = bytes.indexOf(0xc3) + 1; // inside the two bytes of "ë"
    const client = clientWith({
      fetch: () =>
        Promise.resolve(
          new Response(
            new ReadableStream<Uint8Array>({
              start(controller) {
                controller.enqueue(bytes.slice(0, split));
                controller.enqueue(bytes.slice(split));
                controller.close();
              },
            }),
          ),
        ),
    });
    assert.equal((await client.getSession({ sessionId: 'ses-1' })).session.client.displayName, 'Zoë Müller');
  });
});

describe('an attempt whose fetch or headers function never settles, heeding no signal', () => {
  const never = () => new Promise<never>(() => undefined);

  it('a fetch that never answers is a TimeoutError after the retries', async () => {
    let calls = 0;
    const client = clientWith({ fetch: () => (calls++, never()) });
    assert.ok((await rejection(client.getSession({ sessionId: 'ses-1' }))) instanceof TimeoutError);
    assert.equal(calls, 3);
  });

  it('a headers function that never settles is a TimeoutError, and nothing is sent', async () => {
    let calls = 0;
    const client = clientWith({
      retries: 0,
      headers: never,
      fetch: () => (calls++, Promise.resolve(Response.json({ session }))),
    });
    assert.ok((await rejection(client.getSession({ sessionId: 'ses-1' }))) instanceof TimeoutError);
    assert.equal(calls, 0);
  });

  it("the caller's abort ends a fetch that never answers, with the abort reason", async () => {
    const controller = new AbortController();
    const reason = new Error('left the page');
    const client = clientWith({
      timeoutMs: 60_000,
      fetch: () => {
        queueMicrotask(() => controller.abort(reason));
        return never();
      },
    });
    assert.equal(await rejection(client.getSession({ sessionId: 'ses-1', signal: controller.signal })), reason);
  });
});

describe('a real host on loopback that sends the headers, then stalls', () => {
  let server: Server;
  let base: string;
  let requests = 0;

  before(async () => {
    server = createServer((request, response) => {
      requests++;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"session":{"id":"ses-1",');
      // …and nothing more: the connection stays open.
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });

  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('the global fetch is ended by timeoutMs: TimeoutError after the retries', async () => {
    requests = 0;
    const client = createHostClient({ baseUrl: base, timeoutMs: 100, sleep: () => Promise.resolve() });
    const error = await rejection(client.getSession({ sessionId: 'ses-1' }));
    assert.ok(error instanceof TimeoutError, String(error));
    assert.equal(requests, 3);
  });

  it("the global fetch is ended by the caller's abort", async () => {
    requests = 0;
    const controller = new AbortController();
    const reason = new Error('left the page');
    const client = createHostClient({
      baseUrl: base,
      timeoutMs: 60_000,
      // The headers have arrived once fetch resolves: abort while the body is being read.
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        setImmediate(() => controller.abort(reason));
        return response;
      },
    });
    const error = await rejection(client.getSession({ sessionId: 'ses-1', signal: controller.signal }));
    assert.equal(error, reason);
    assert.equal(requests, 1);
  });
});

describe('path parameters', () => {
  const dotSegments = ['.', '..'];

  it('refuses `.` and `..` before anything is sent, naming the endpoint and the parameter', async () => {
    let calls = 0;
    const client = clientWith({ fetch: () => (calls++, Promise.resolve(Response.json({ session }))) });
    const shown = { policyId: 'p', policyVersion: '1', policyHash: 'h', outcome: 'allowed' } as const;
    for (const value of dotSegments) {
      const read = await rejection(client.getSession({ sessionId: value }));
      assert.ok(read instanceof ContractError, String(read));
      assert.equal(read.side, 'request');
      assert.equal(read.field, '$.sessionId');
      assert.match(
        read.message,
        /^getSession request breaks the host API contract: \$\.sessionId: path parameter of \/sessions\/\{sessionId\}: ".{1,2}" is a dot segment/,
      );
      const write = await rejection(
        client.cancelSession({
          sessionId: value,
          version: '1',
          body: { reason: 'illness', alternativeSlotIds: [], refundOffered: false, decision: shown },
        }),
      );
      assert.ok(
        write instanceof ContractError && write.endpoint === 'cancelSession' && write.field === '$.sessionId',
        String(write),
      );
      const answer = await rejection(client.answerOffer({ token: value, body: { choice: 'refund' } }));
      assert.ok(
        answer instanceof ContractError && answer.endpoint === 'answerOffer' && answer.field === '$.token',
        String(answer),
      );
      const slots = await rejection(
        client.listSlots({ therapistId: value, query: { from: '2027-06-01T00:00:00Z', to: '2027-06-02T00:00:00Z' } }),
      );
      assert.ok(slots instanceof ContractError && slots.field === '$.therapistId', String(slots));
    }
    assert.equal(calls, 0);
  });

  it('refuses a value that cannot be URI-encoded, before anything is sent', async () => {
    let calls = 0;
    const client = clientWith({ fetch: () => (calls++, Promise.resolve(Response.json({ session }))) });
    const error = await rejection(client.getSession({ sessionId: 'ses\uD800' }));
    assert.ok(error instanceof ContractError && error.field === '$.sessionId', String(error));
    assert.match(error.message, /lone surrogate/);
    assert.equal(calls, 0);
  });

  it('sends every other value as one segment of the route: the call reaches its own endpoint', async () => {
    const paths: string[] = [];
    const client = clientWith({
      fetch: (input) => {
        paths.push(new URL(input instanceof Request ? input.url : input).pathname);
        return Promise.resolve(Response.json({ session }));
      },
    });
    for (const sessionId of ['...', '.a', 'a.', '%2E%2E', '%2e', '../x', '..\\x', '?x', '#x', ' ..'])
      await client.getSession({ sessionId });
    assert.deepEqual(paths, [
      '/api/sessions/...',
      '/api/sessions/.a',
      '/api/sessions/a.',
      '/api/sessions/%252E%252E',
      '/api/sessions/%252e',
      '/api/sessions/..%2Fx',
      '/api/sessions/..%5Cx',
      '/api/sessions/%3Fx',
      '/api/sessions/%23x',
      '/api/sessions/%20..',
    ]);
  });

  it('fillPath refuses them too, naming the parameter and the path', () => {
    assert.throws(() => fillPath('/offers/{token}/answer', { token: '..' }), {
      name: 'TypeError',
      message:
        'path parameter "token" for /offers/{token}/answer: ".." is a dot segment: it would move the call to another path',
    });
    assert.throws(
      () => fillPath('/sessions/{sessionId}', { sessionId: '.' }),
      /path parameter "sessionId" for \/sessions\/\{sessionId\}: "\." is a dot segment/,
    );
    assert.throws(() => fillPath('/sessions/{sessionId}', { sessionId: '' }), /missing path parameter "sessionId"/);
  });
});

// The instant check is @raincheck/policy's (time-formats.ts), shared by facts, contract and rule files.
describe('instants with impossible offsets', () => {
  for (const offset of ['+24:00', '+99:99', '+01:60']) {
    it(`a session starting at …${offset} is a ContractError naming the field`, async () => {
      const client = clientWith({
        fetch: () =>
          Promise.resolve(Response.json({ session: { ...session, startsAt: `2027-06-02T10:00:00${offset}` } })),
      });
      const error = await rejection(client.getSession({ sessionId: 'ses-1' }));
      assert.ok(error instanceof ContractError, String(error));
      assert.equal(error.side, 'response');
      assert.equal(error.field, '$.session.startsAt');
    });
  }
});

describe('what the page gives the client, checked before anything is sent', () => {
  for (const timeoutMs of [Number.NaN, Number.POSITIVE_INFINITY, 0, -1, 1.5, 3e9]) {
    it(`timeoutMs ${String(timeoutMs)} is refused when the client is made, not turned into instant timeouts`, () => {
      assert.throws(() => createHostClient({ baseUrl: BASE, timeoutMs }), {
        name: 'RangeError',
        message: `timeoutMs must be a whole number of milliseconds from 1 to 2147483647, got ${String(timeoutMs)}`,
      });
    });
  }

  for (const version of ['1\n2', '1€', '1"']) {
    it(`a version of ${JSON.stringify(version)} is a request ContractError at $.version, sent never and retried never`, async () => {
      let calls = 0;
      const client = clientWith({ fetch: () => (calls++, Promise.resolve(Response.json({}))) });
      const error = await rejection(client.refundSession({ sessionId: 'ses-1', version, body: { decision: shown } }));
      assert.ok(error instanceof ContractError, String(error));
      assert.equal(error.side, 'request');
      assert.equal(error.field, '$.version');
      assert.equal(calls, 0);
    });
  }

  for (const idempotencyKey of ['', 'a\r\nb']) {
    it(`an idempotency key of ${JSON.stringify(idempotencyKey)} is a request ContractError at $.idempotencyKey`, async () => {
      let calls = 0;
      const client = clientWith({ fetch: () => (calls++, Promise.resolve(Response.json({}))) });
      const error = await rejection(
        client.refundSession({ sessionId: 'ses-1', version: '1', idempotencyKey, body: { decision: shown } }),
      );
      assert.ok(error instanceof ContractError, String(error));
      assert.equal(error.field, '$.idempotencyKey');
      assert.equal(calls, 0);
    });
  }

  it('a headers function giving a value HTTP cannot carry is a request ContractError at $.headers, not "could not be reached"', async () => {
    let calls = 0;
    const client = clientWith({
      fetch: () => (calls++, Promise.resolve(Response.json({}))),
      headers: () => ({ authorization: 'Bearer a\nb' }),
    });
    const error = await rejection(client.getSession({ sessionId: 'ses-1' }));
    assert.ok(error instanceof ContractError, String(error));
    assert.equal(error.field, '$.headers');
    assert.equal(calls, 0);
  });
});

describe('bearer tokens', () => {
  const unauthorized = () =>
    Response.json(
      { error: { code: 'unauthenticated', message: 'The token has expired: get a new one.' } },
      { status: 401 },
    );

  it('a token string goes as Authorization: Bearer on every call', async () => {
    const sent: (string | null)[] = [];
    const client = clientWith({
      token: 'tok-1',
      fetch: (_url, init) => (
        sent.push(new Headers(init?.headers).get('authorization')),
        Promise.resolve(Response.json({ session }))
      ),
    });
    await client.getSession({ sessionId: 'ses-1' });
    assert.deepEqual(sent, ['Bearer tok-1']);
  });

  it('an expired token: asked for a fresh one once, the write sent again with the same key, no error', async () => {
    const asked: boolean[] = [];
    const sent: { authorization: string | null; key: string | null }[] = [];
    const client = clientWith({
      token: ({ refresh }) => (asked.push(refresh), refresh ? 'fresh' : 'stale'),
      fetch: (_url, init) => {
        const headers = new Headers(init?.headers);
        sent.push({ authorization: headers.get('authorization'), key: headers.get('idempotency-key') });
        return Promise.resolve(
          headers.get('authorization') === 'Bearer fresh'
            ? Response.json({ refund: null, teamRequest: null })
            : unauthorized(),
        );
      },
    });
    await client
      .refundSession({ sessionId: 'ses-1', version: '1', idempotencyKey: 'k-1', body: { decision: shown } })
      .catch(() => undefined);
    assert.deepEqual(asked, [false, true]);
    assert.deepEqual(sent, [
      { authorization: 'Bearer stale', key: 'k-1' },
      { authorization: 'Bearer fresh', key: 'k-1' },
    ]);
  });

  it('still refused after the refresh: an UnauthorizedError, asked only once more; a 403 is a ForbiddenError, never refreshed', async () => {
    let asked = 0;
    const client = clientWith({ token: () => (asked++, 'tok'), fetch: () => Promise.resolve(unauthorized()) });
    const error = await rejection(client.getSession({ sessionId: 'ses-1' }));
    assert.ok(error instanceof UnauthorizedError, String(error));
    assert.equal(asked, 2);
    asked = 0;
    const forbidden = clientWith({
      token: () => (asked++, 'tok'),
      fetch: () =>
        Promise.resolve(Response.json({ error: { code: 'forbidden', message: 'Not your session.' } }, { status: 403 })),
    });
    const refused = await rejection(forbidden.getSession({ sessionId: 'ses-1' }));
    assert.ok(refused instanceof ForbiddenError, String(refused));
    assert.equal(asked, 1);
  });

  it('a token HTTP cannot carry is a request ContractError at $.token, nothing sent', async () => {
    let calls = 0;
    const client = clientWith({ token: 'a\nb', fetch: () => (calls++, Promise.resolve(Response.json({ session }))) });
    const error = await rejection(client.getSession({ sessionId: 'ses-1' }));
    assert.ok(error instanceof ContractError, String(error));
    assert.equal(error.field, '$.token');
    assert.equal(calls, 0);
  });
});

describe('an answer on a page', () => {
  it('is checked in a task after the one that read it, where the browser can yield (scheduler.yield)', async () => {
    const steps: string[] = [];
    const page = globalThis as { scheduler?: { yield?: () => Promise<void> } };
    const before = page.scheduler;
    page.scheduler = {
      yield: () => {
        steps.push('yield');
        return Promise.resolve();
      },
    };
    try {
      const client = clientWith({
        fetch: () => {
          steps.push('fetch');
          return Promise.resolve(Response.json({ session }));
        },
      });
      const answer = await client.getSession({ sessionId: 'ses-1' });
      steps.push('answer');
      assert.equal(answer.session.id, 'ses-1');
      assert.deepEqual(steps, ['fetch', 'yield', 'answer']);
    } finally {
      page.scheduler = before;
    }
  });
});
