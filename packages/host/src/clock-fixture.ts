import type { TestClock } from './core/test-clock.js';
import { errorResponse, HttpError, jsonResponse } from './core/http-error.js';

/**
 * `POST /_fixtures/clock` with `{"advanceMinutes": n}` or `{"now": "<ISO instant>"}`: moves the
 * host's test clock (its core's and its worker's) and answers `{"now": "<ISO instant>"}`.
 */
export async function answerClock(request: Request, clock: TestClock): Promise<Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return errorResponse(new HttpError(400, 'invalid-json', 'The body is not JSON.'));
  }
  const { advanceMinutes, now } = (body ?? {}) as { advanceMinutes?: unknown; now?: unknown };
  if (
    typeof advanceMinutes === 'number' &&
    Number.isFinite(advanceMinutes) &&
    advanceMinutes >= 0 &&
    now === undefined
  ) {
    return jsonResponse(200, { now: new Date(clock.advance(advanceMinutes * 60_000)).toISOString() });
  }
  if (
    typeof now === 'string' &&
    advanceMinutes === undefined &&
    !Number.isNaN(Date.parse(now)) &&
    /T.*(Z|[+-]\d\d:\d\d)$/.test(now)
  ) {
    return jsonResponse(200, { now: new Date(clock.set(Date.parse(now))).toISOString() });
  }
  return errorResponse(
    new HttpError(
      400,
      'invalid-request',
      'Send {"advanceMinutes": <minutes, 0 or more>} or {"now": "<ISO instant with offset>"}.',
    ),
  );
}
