import type { CompiledNode } from '@raincheck/policy/validation';
import type { CompiledRoute } from './compiled-route.js';
import { errorBodySchema, ROUTES } from './contract.generated.js';
import type { EndpointId, EndpointRequest, EndpointResponse } from './endpoints.js';
import { ContractError, HostApiError, NetworkError, responseErrorClass, TimeoutError } from './errors.js';
import { fillPathParameters } from './fill-path.js';
import { newIdempotencyKey } from './idempotency-key.js';
import { onAbort, readBodyText, settledBy } from './read-body.js';
import { checkedTimeoutMs, DEFAULT_TIMEOUT_MS } from './timeout.js';

/** How to reach the partner's backend. */
export interface HostClientOptions {
  /** Where the host API lives, e.g. `https://partner.example/raincheck` or `/api/raincheck`. */
  readonly baseUrl: string;
  /** A `fetch` to use instead of the global one (auth, proxies, tests). */
  readonly fetch?: typeof fetch;
  /** Extra headers for every request (auth); a function is called before each attempt. */
  readonly headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /**
   * The caller's bearer token, sent as `Authorization: Bearer …`: a string, or a function called
   * before each attempt (`refresh: false`) and once more after a 401 (`refresh: true`: the token
   * expired, mint a new one), when the request is sent again with the same idempotency key.
   * `undefined` sends no token.
   */
  readonly token?:
    string | ((context: { readonly refresh: boolean }) => string | undefined | Promise<string | undefined>);
  /** Per attempt, from sending to the last byte of the body. Default 10,000 ms. */
  readonly timeoutMs?: number;
  /** Retries after the first attempt, 0 to 2. Default 2 (3 attempts). */
  readonly retries?: number;
  /** Waits between attempts; replaceable in tests. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A number in [0, 1) for the backoff jitter; replaceable in tests. */
  readonly random?: () => number;
}

/** One typed method per endpoint of the host API (`ENDPOINTS`). */
export type HostClient = {
  readonly [E in EndpointId]: (request: EndpointRequest<E>) => Promise<EndpointResponse<E>>;
} & {
  /** A fresh key for one user intent (a UUID). */
  newIdempotencyKey(): string;
};

/**
 * What {@link HostClient} is built on: one `send` that takes the endpoint's route. A page that
 * imports only the routes it calls (`getSessionRoute`, …) bundles only their schemas.
 */
export interface HostTransport {
  /** Sends one request to the route's endpoint, with the same checks, errors and retries as the client's methods. */
  send<E extends EndpointId>(route: CompiledRoute<E>, request: EndpointRequest<E>): Promise<EndpointResponse<E>>;
}

/**
 * The contract's validator, imported as the first request starts and beside it, and awaited only
 * where a check is due: a page's first load does not carry it (a widget's decided phase shares it),
 * and it has arrived by the time the host answers. Every request and answer is still checked.
 */
let validator: Promise<typeof import('@raincheck/policy/validation')> | undefined;
const loadValidator = () =>
  (validator ??= import('@raincheck/policy/validation').catch((error: unknown) => {
    // Not loaded (offline, a redeploy): the next call tries again.
    validator = undefined;
    throw error;
  }));

/** The validator for a check on `endpoint`'s call: a chunk that will not load is the network failing, worded and retried as such. */
async function validatorFor(endpoint: EndpointId): Promise<typeof import('@raincheck/policy/validation')> {
  try {
    return await loadValidator();
  } catch (error) {
    throw new NetworkError(endpoint, error);
  }
}

/**
 * In a browser (`scheduler.yield`, Chromium 129+), ends the task that read an answer: its check and
 * what the caller does with it run in a task of their own, so a page stays responsive on a slow
 * phone. Elsewhere (Node) nothing.
 */
function yieldInBrowser(): Promise<void> | undefined {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : undefined;
}

/** Statuses worth another attempt: the request may not have been processed, or the host asks to wait. */
const RETRYABLE_STATUSES = new Set([408, 429, 502, 503, 504]);
const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 5_000;
/** A Retry-After longer than this is not waited for: the error goes to the caller. */
const MAX_RETRY_AFTER_MS = 30_000;

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const stop = onAbort(signal, () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    });
    const timer = setTimeout(() => {
      stop();
      resolve();
    }, ms);
  });
}

/** Seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Jittered exponential backoff from 0.5 s to 5 s: attempt 1 waits 0.5 s, then up to 1 s, 2 s … */
function backoffMs(retry: number, random: () => number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** retry);
  return Math.max(MIN_BACKOFF_MS, ceiling * (0.5 + random() / 2));
}

/** How an attempt ended: a response with its whole body, a status worth retrying after `waitMs`, or no answer. */
type Outcome =
  | { kind: 'response'; response: Response; text: string }
  | { kind: 'retry'; waitMs: number }
  | { kind: 'network'; error: unknown }
  | { kind: 'timeout' };

/**
 * Creates the typed client for the host API: a method per endpoint. It validates every request
 * and response against the contract, maps failures to typed errors, retries only what is safe, and
 * never retries a conflict or a precondition failure.
 */
export function createHostClient(options: HostClientOptions): HostClient {
  const transport = createHostTransport(options);
  const methods = Object.fromEntries(
    (Object.values(ROUTES) as CompiledRoute[]).map((route) => [
      route.id,
      (request: EndpointRequest<EndpointId>) => transport.send(route, request),
    ]),
  );
  return { ...methods, newIdempotencyKey } as unknown as HostClient;
}

/**
 * `value`, when it can travel as (the inside of a quoted) header value: visible ASCII, no quote.
 * A version or a key that cannot would fail inside `fetch`, which reads like the host being down.
 */
function headerSafe(endpoint: EndpointId, name: string, value: string): string {
  if (/^[\x21\x23-\x7e]+$/.test(value)) return value;
  throw new ContractError(endpoint, 'request', [
    {
      file: endpoint,
      path: `$.${name}`,
      message: `expected visible ASCII characters other than ", got ${JSON.stringify(value)}`,
    },
  ]);
}

/** The `headers` option's headers; a value HTTP cannot carry is the page's mistake, named as such. */
function headersFor(endpoint: EndpointId, init: HeadersInit | undefined): Headers {
  try {
    return new Headers(init);
  } catch (error) {
    throw new ContractError(endpoint, 'request', [
      {
        file: endpoint,
        path: '$.headers',
        message: `the headers option gave what HTTP cannot send: ${error instanceof Error ? error.message : String(error)}`,
      },
    ]);
  }
}

/**
 * Creates the transport the widgets use: {@link createHostClient}'s checks, errors and retries
 * behind one `send(route, request)`, so each widget bundles only the routes it calls.
 */
export function createHostTransport(options: HostClientOptions): HostTransport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = checkedTimeoutMs(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const maxAttempts = 1 + Math.min(2, Math.max(0, Math.trunc(options.retries ?? 2)));
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;

  /**
   * One attempt under one deadline (`timeoutMs`) and the caller's signal, covering the headers
   * function, the response's headers and its body, whether or not a custom `fetch` heeds the
   * signal: a body that stalls after the headers is a timeout too. `retryWait(response)` is the
   * wait before retrying a response, or undefined when it is the answer; a retried one is not read.
   */
  async function attempt(
    endpoint: EndpointId,
    url: string,
    init: RequestInit,
    signal: AbortSignal | undefined,
    retryWait: (response: Response) => number | undefined,
    refresh = false,
  ): Promise<Outcome> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const stop = onAbort(signal, () => timeout.abort(signal?.reason));
    try {
      const headers = headersFor(
        endpoint,
        typeof options.headers === 'function'
          ? await settledBy(Promise.resolve(options.headers()), timeout.signal)
          : options.headers,
      );
      new Headers(init.headers).forEach((value, key) => headers.set(key, value));
      const token =
        typeof options.token === 'function'
          ? await settledBy(Promise.resolve(options.token({ refresh })), timeout.signal)
          : options.token;
      if (token !== undefined) headers.set('authorization', `Bearer ${headerSafe(endpoint, 'token', token)}`);
      const doFetch = options.fetch ?? fetch;
      const response = await settledBy(doFetch(url, { ...init, headers, signal: timeout.signal }), timeout.signal);
      const waitMs = retryWait(response);
      if (waitMs !== undefined) {
        // Discarded without waiting on it: some fetch implementations never settle a cancel.
        response.body?.cancel().catch(() => undefined);
        return { kind: 'retry', waitMs };
      }
      return { kind: 'response', response, text: await readBodyText(response, timeout.signal) };
    } catch (error) {
      if (signal?.aborted) throw signal.reason as Error;
      if (timeout.signal.aborted) return { kind: 'timeout' };
      if (error instanceof HostApiError) throw error;
      return { kind: 'network', error };
    } finally {
      clearTimeout(timer);
      stop();
    }
  }

  function parseJson(endpoint: EndpointId, text: string): unknown {
    try {
      return text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      throw new ContractError(endpoint, 'response', [
        { file: endpoint, path: '$', message: `expected a JSON body, got ${JSON.stringify(text.slice(0, 40))}` },
      ]);
    }
  }

  // The contract's schemas, compiled from the zod ones: the same verdicts without zod in the page.
  async function checked(
    endpoint: EndpointId,
    side: 'request' | 'response',
    schema: CompiledNode,
    value: unknown,
    where: readonly string[] = [],
  ): Promise<unknown> {
    const { validate, issuesAt } = await validatorFor(endpoint);
    const result = validate(schema, value);
    if (result.success) return result.data;
    throw new ContractError(endpoint, side, issuesAt(endpoint, result.issues, where));
  }

  async function call(definition: CompiledRoute, request: Record<string, unknown>): Promise<unknown> {
    const endpoint = definition.id;
    const signal = request.signal as AbortSignal | undefined;
    signal?.throwIfAborted();
    // Beside the request: a failed import is reported where a check awaits it.
    void loadValidator().catch(() => undefined);
    const { path, problems } = fillPathParameters(definition.path, request);
    if (problems.length > 0) {
      // Refused before anything is sent: a value that is not one path segment would reach another endpoint.
      throw new ContractError(
        endpoint,
        'request',
        problems.map(({ name, message }) => ({
          file: endpoint,
          path: `$.${name}`,
          message: `path parameter of ${definition.path}: ${message}`,
        })),
      );
    }
    let url = baseUrl + path;
    if (definition.query) {
      const query = (await checked(endpoint, 'request', definition.query, request.query, ['query'])) as Record<
        string,
        string
      >;
      url += `?${new URLSearchParams(query).toString()}`;
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    let body: string | undefined;
    if (definition.body) {
      body = JSON.stringify(await checked(endpoint, 'request', definition.body, request.body, ['body']));
      headers['content-type'] = 'application/json';
    }
    if (definition.ifMatch) {
      if (typeof request.version !== 'string' || request.version === '') {
        throw new ContractError(endpoint, 'request', [
          { file: endpoint, path: '$.version', message: "required: the session's version, sent as If-Match" },
        ]);
      }
      headers['if-match'] = `"${headerSafe(endpoint, 'version', request.version)}"`;
    }
    if (definition.idempotent) {
      const key = request.idempotencyKey as string | undefined;
      headers['idempotency-key'] =
        key === undefined ? newIdempotencyKey() : headerSafe(endpoint, 'idempotencyKey', key);
    }
    // Reads are always safe to repeat; a write only when the host can recognise the repeat.
    const mayRetry = definition.method === 'GET' || definition.idempotent === true;

    // A token function gets one chance to refresh an expired token (a 401), per call.
    let refreshed = false;
    let refresh = false;
    for (let attemptNo = 1; ; attemptNo++) {
      const last = attemptNo >= maxAttempts || !mayRetry;
      // A retryable status is retried, unless it asks to wait longer than we would.
      const retryWait = (response: Response): number | undefined => {
        if (last || !RETRYABLE_STATUSES.has(response.status)) return undefined;
        const wait = response.status === 429 ? retryAfterMs(response.headers.get('retry-after')) : undefined;
        if (wait === undefined) return backoffMs(attemptNo - 1, random);
        return wait <= MAX_RETRY_AFTER_MS ? wait : undefined;
      };
      const outcome = await attempt(
        endpoint,
        url,
        { method: definition.method, headers, ...(body === undefined ? {} : { body }) },
        signal,
        retryWait,
        refresh,
      );
      refresh = false;
      if (outcome.kind === 'retry') {
        await sleep(outcome.waitMs, signal);
        continue;
      }
      if (outcome.kind === 'response') {
        const { response, text } = outcome;
        if (response.ok) {
          await yieldInBrowser();
          return checked(endpoint, 'response', definition.response, parseJson(endpoint, text));
        }
        if (response.status === 401 && typeof options.token === 'function' && !refreshed) {
          refreshed = refresh = true;
          attemptNo--;
          continue;
        }
        throw await responseError(endpoint, response, text);
      }
      if (last)
        throw outcome.kind === 'timeout'
          ? new TimeoutError(endpoint, timeoutMs)
          : new NetworkError(endpoint, outcome.error);
      await sleep(backoffMs(attemptNo - 1, random), signal);
    }
  }

  async function responseError(endpoint: EndpointId, response: Response, text: string): Promise<HostApiError> {
    let parsed: unknown;
    try {
      parsed = parseJson(endpoint, text);
    } catch {
      parsed = undefined;
    }
    const body = (await validatorFor(endpoint)).validate(errorBodySchema, parsed);
    const ErrorClass = responseErrorClass(response.status);
    return body.success
      ? new ErrorClass(
          endpoint,
          response.status,
          body.data.error.code,
          body.data.error.message,
          body.data.error.details,
        )
      : new ErrorClass(
          endpoint,
          response.status,
          `http-${response.status}`,
          `${endpoint}: the host answered ${response.status} ${response.statusText}`.trim(),
        );
  }

  return {
    send: <E extends EndpointId>(route: CompiledRoute<E>, request: EndpointRequest<E>) =>
      call(route, request) as Promise<EndpointResponse<E>>,
  };
}
