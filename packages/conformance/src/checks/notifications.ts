import { ENDPOINTS } from '@raincheck/host-api';
import type { CheckContext, CheckDefinition } from '../check.js';
import { CheckFailure, CheckSkip } from '../outcomes.js';
import type { Practice } from '../setup.js';
import { cancel, expectStatus, got, newKey } from '../steps.js';

// notifications: what a decision says the client is told, the host records and shows in the
// session's notification history. These run when the host serves that history (the contract's
// endpoint, once it has one); until then they skip and say so.

const NO_ENDPOINT = 'the contract (@raincheck/host-api) has no session notification history endpoint (GET /sessions/{sessionId}/notifications…) yet';

/** The contract's endpoint for a session's notification history: a GET of one session's `…/notifications…` path. */
function contractHistoryPath(): string | undefined {
  const found = Object.values(ENDPOINTS as Readonly<Record<string, { readonly method: string; readonly path: string }>>).find(
    (e) => e.method === 'GET' && /^\/sessions\/\{\w+\}\/notification[\w-]*$/.test(e.path),
  );
  return found?.path;
}

/** Every object anywhere in a body that names a `channel`: the history's entries, whatever they are wrapped in. */
function entries(body: unknown): Record<string, unknown>[] {
  if (Array.isArray(body)) return body.flatMap(entries);
  if (body === null || typeof body !== 'object') return [];
  const record = body as Record<string, unknown>;
  return [...(typeof record.channel === 'string' ? [record] : []), ...Object.values(record).flatMap(entries)];
}

/** An entry about a follow-up: one of its words says so (`kind: "offer-follow-up"`, `purpose: "follow-up"` …). */
const isFollowUp = (entry: Record<string, unknown>) => Object.values(entry).some((value) => typeof value === 'string' && /follow-?up/i.test(value));

/** The checks, reading the history at `template` (with `{sessionId}`), or skipping without one. */
export function notificationChecks(historyPath: string | undefined = contractHistoryPath()): readonly CheckDefinition[] {
  const history = async (context: CheckContext, practice: Practice, sessionId: string): Promise<Record<string, unknown>[]> => {
    if (!historyPath) throw new CheckSkip(NO_ENDPOINT);
    const path = historyPath.replace(/\{\w+\}/, encodeURIComponent(sessionId));
    const answer = await context.probe.send({ method: 'GET', path, token: await practice.token('therapist') });
    // The session exists and is the therapist's: a 404 is the route missing, not the session.
    if (answer.status === 404) throw new CheckSkip(`the host does not expose notification history (GET ${path} answered ${got(answer)})`);
    expectStatus(answer, 200, "the therapist reads their session's notification history");
    return entries(answer.json);
  };
  /** A cancellation whose decision sets a follow-up, and its offer. */
  const cancelledWithFollowUp = async (context: CheckContext) => {
    if (!historyPath) throw new CheckSkip(NO_ENDPOINT);
    const practice = await context.freshPractice('ordinary-cancellation');
    const sessionId = practice.sessionIds[0]!;
    const { answer, decision, body } = await cancel(context, practice, sessionId);
    const afterHours = decision.notify?.followUp?.afterHours;
    if (afterHours === undefined) throw new CheckSkip("the host's rules set no follow-up for this cancellation");
    const offer = (answer.json as { offer?: { token: string } | null }).offer;
    const [slotId] = body.alternativeSlotIds as string[];
    // The client's answer: the first offered time, else the refund.
    const choice = slotId ? { choice: 'alternative', slotId } : { choice: 'refund' };
    return { practice, sessionId, afterHours, offer, choice };
  };
  /** The history, read until a follow-up shows or `reads` reads later (a worker delivers what is due). */
  const followUps = async (context: CheckContext, practice: Practice, sessionId: string, reads: number) => {
    for (let read = 1; ; read++) {
      const shown = (await history(context, practice, sessionId)).filter(isFollowUp);
      if (shown.length > 0 || read >= reads) return shown;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  return [
    {
      id: 'notifications.after-cancel',
      group: 'notifications',
      title: "A cancellation's notification history shows a notification on every channel its decision names.",
      async run(context) {
        if (!historyPath) throw new CheckSkip(NO_ENDPOINT);
        const practice = await context.freshPractice('ordinary-cancellation');
        const sessionId = practice.sessionIds[0]!;
        const { decision } = await cancel(context, practice, sessionId);
        const channels = decision.notify?.channels ?? [];
        if (channels.length === 0) throw new CheckSkip("the host's rules notify nobody of this cancellation");
        const shown = await history(context, practice, sessionId);
        const missing = channels.filter((channel) => !shown.some((entry) => entry.channel === channel));
        if (missing.length > 0) {
          throw new CheckFailure(`after the cancellation the decision names ${channels.join(', ')}, but the notification history has nothing by ${missing.join(', ')} (it shows ${shown.map((e) => String(e.channel)).join(', ') || 'nothing'})`);
        }
      },
    },
    {
      id: 'notifications.follow-up',
      group: 'notifications',
      title: "An unanswered offer's follow-up shows in the history once the decision's follow-up hours have passed (test clock).",
      async run(context) {
        const { practice, sessionId, afterHours } = await cancelledWithFollowUp(context);
        await context.advanceClock(afterHours * 60 + 5);
        if ((await followUps(context, practice, sessionId, 20)).length === 0) {
          throw new CheckFailure(`${afterHours} h after the cancellation (test clock) its offer is unanswered, but the notification history shows no follow-up`);
        }
      },
    },
    {
      id: 'notifications.no-follow-up-once-answered',
      group: 'notifications',
      title: 'An offer answered before its follow-up is due gets no follow-up (test clock).',
      async run(context) {
        const { practice, sessionId, afterHours, offer, choice } = await cancelledWithFollowUp(context);
        if (!offer) throw new CheckFailure('POST /sessions/…/cancel answered 200 without an offer to answer');
        expectStatus(await context.probe.send({ method: 'POST', path: `/offers/${encodeURIComponent(offer.token)}/answer`, body: choice, idempotencyKey: newKey() }), 200, 'the client answers the open offer');
        await context.advanceClock(afterHours * 60 + 5);
        const shown = await followUps(context, practice, sessionId, 4);
        if (shown.length > 0) throw new CheckFailure(`the offer was answered, yet ${afterHours} h later the notification history shows a follow-up (${JSON.stringify(shown[0])}): the client is chased for an answer they gave`);
      },
    },
  ];
}
