/** An answer other than 200: its status, a kebab-case code and a sentence for people. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A JSON response. */
export function jsonResponse(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** The contract's error body for `error`. */
export function errorBody(error: HttpError): { error: { code: string; message: string; details?: unknown } } {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}

/** The contract's error response for `error`. */
export function errorResponse(error: HttpError, headers?: Readonly<Record<string, string>>): Response {
  return jsonResponse(error.status, errorBody(error), headers);
}

/** Thrown when a record a request names does not exist. */
export const notFound = (what: string) => new HttpError(404, 'not-found', `No ${what}.`);
