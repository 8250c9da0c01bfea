import type { TestClock } from './core/test-clock.js';
import { errorResponse, HttpError, jsonResponse } from './core/http-error.js';

/**
 * `POST /_fixtures/clock` with `{"advanceMinutes": n}` or `{"now": "<ISO instant>"}`: moves the
 * host's test clock (its core's and its worker's) and answers `{"now": "<ISO instant>"}`. Time only
 * goes forward: a clock set back would make leases and deadlines lie.
 */
export async function answerClock(request: Request, clock: TestClock): Promise<Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return errorResponse(new HttpError(400, 'invalid-json', 'The body is not JSON.'));
  }
  const { advanceMinutes, now } = (body ?? {}) as { advanceMinutes?: unknown; now?: unknown };
  if (typeof advanceMinutes === 'number' && Number.isFinite(advanceMinutes) && advanceMinutes >= 0 && now === undefined) {
    return jsonResponse(200, { now: new Date(clock.advance(advanceMinutes * 60_000)).toISOString() });
  }
  if (typeof now === 'string' && advanceMinutes === undefined && !Number.isNaN(Date.parse(now)) && /T.*(Z|[+-]\d\d:\d\d)$/.test(now)) {
    const target = Date.parse(now);
    if (target < clock.now()) return errorResponse(new HttpError(422, 'clock-backwards', `The test clock only moves forward: it is ${new Date(clock.now()).toISOString()} already.`));
    return jsonResponse(200, { now: new Date(clock.set(target)).toISOString() });
  }
  return errorResponse(new HttpError(400, 'invalid-request', 'Send {"advanceMinutes": <minutes, 0 or more>} or {"now": "<ISO instant with offset>"}.'));
}
