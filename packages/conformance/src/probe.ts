import type { EndpointId } from '@raincheck/host-api';
import { endpointFor, responseProblems } from './contract-fit.js';

// The kit's HTTP side: raw requests (a client library would hide exactly what the kit looks at:
// statuses, headers, replayed bytes), each written to the check's transcript, and every answer
// checked against the contract on the way.

/** One answer, read whole. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  /** The body's bytes as text: what replay checks compare. */
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
  /** `POST /sessions/…/cancel → 200`, for messages. */
  readonly line: string;
}

/** A request to send. */
export interface Call {
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Under the base URL: `/sessions/ses-1`. */
  readonly path: string;
  /** The bearer token, when any. */
  readonly token?: string;
  readonly body?: unknown;
  /** Raw body text, instead of `body` (malformed bodies). */
  readonly rawBody?: string;
  readonly idempotencyKey?: string;
  /** The session version, sent as `If-Match: "<version>"`. */
  readonly ifMatch?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A contract break seen in any answer of the run. */
export interface ContractViolation {
  readonly endpoint: EndpointId;
  readonly line: string;
  readonly problem: string;
  /** The check that sent it. */
  readonly checkId: string;
}

/** Whom a bearer token names, for the transcript (read, not verified: the host verifies). */
function caller(token: string | undefined): string {
  if (!token) return ' [no token]';
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      sub?: unknown;
      role?: unknown;
    };
    return typeof claims.sub === 'string' && typeof claims.role === 'string'
      ? ` [${claims.role} ${claims.sub}]`
      : ' [a token]';
  } catch {
    return ' [a token]';
  }
}

/** The host as one check sees it. */
export class Probe {
  /** One line per request: `POST /x (Idempotency-Key, If-Match "1") → 200 {"session":…}`. */
  readonly transcript: string[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly fetcher: typeof fetch,
    private readonly timeoutMs: number,
    private readonly checkId: string,
    private readonly violations: ContractViolation[],
  ) {}

  /** Sends one request and reads the whole answer; a network failure or timeout throws, naming the request. */
  async send(call: Call): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    if (call.token) headers.authorization = `Bearer ${call.token}`;
    if (call.idempotencyKey !== undefined) headers['idempotency-key'] = call.idempotencyKey;
    if (call.ifMatch !== undefined) headers['if-match'] = `"${call.ifMatch}"`;
    const body = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
    if (body !== undefined) headers['content-type'] = 'application/json';
    const sent = `${call.method} ${call.path}${call.idempotencyKey !== undefined ? ' (Idempotency-Key)' : ''}${call.ifMatch !== undefined ? ` (If-Match "${call.ifMatch}")` : ''}`;
    let response: Response;
    let text: string;
    try {
      response = await this.fetcher(
        new Request(`${this.baseUrl}${call.path}`, {
          method: call.method,
          headers,
          ...(body === undefined ? {} : { body }),
          signal: AbortSignal.timeout(this.timeoutMs),
        }),
      );
      text = await response.text();
    } catch (error) {
      this.transcript.push(`${sent} → no answer`);
      const why =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer within ${this.timeoutMs} ms`
          : `no answer (${error instanceof Error ? error.message : String(error)})`;
      throw new Error(`${sent}: ${why}`, { cause: error });
    }
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const line = `${sent} → ${response.status}`;
    const offerLink = call.path.startsWith('/offers/') || call.path.startsWith('/_fixtures/');
    this.transcript.push(
      `${sent}${offerLink ? '' : caller(call.token)} → ${response.status} ${text.length > 300 ? `${text.slice(0, 300)}…` : text}`,
    );
    const endpoint = endpointFor(call.method, call.path);
    if (endpoint) {
      for (const problem of responseProblems(endpoint, response.status, text, response.headers.get('content-type'))) {
        this.violations.push({ endpoint, line, problem, checkId: this.checkId });
      }
    }
    return { status: response.status, headers: response.headers, text, json, line };
  }
}
