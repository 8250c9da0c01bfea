import { ENDPOINTS } from '@raincheck/host-api';
import type { CheckContext, CheckDefinition } from '../check.js';
import { CheckFailure, CheckSkip } from '../outcomes.js';
import type { Practice } from '../setup.js';
import { cancel, expectStatus, got } from '../steps.js';

// notifications: what a decision says the client is told, the host records (and shows in its
// notification history). These run when the contract has a session's notification history
// endpoint and the host serves it; until then they skip and say so.

/** The contract's endpoint for a session's notification history: a GET of one session's `…/notifications…` path. */
function historyPath(): string | undefined {
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

/** Reads a session's notification history as its therapist; a skip when the host does not serve it. */
async function history(context: CheckContext, practice: Practice, sessionId: string): Promise<Record<string, unknown>[]> {
  const template = historyPath();
  if (!template) throw new CheckSkip("the contract (@raincheck/host-api) has no session notification history endpoint (GET /sessions/{sessionId}/notifications) yet");
  const path = template.replace(/\{\w+\}/, encodeURIComponent(sessionId));
  const answer = await context.probe.send({ method: 'GET', path, token: await practice.token('therapist') });
  // The session exists and is the therapist's: a 404 is the route missing, not the session.
  if (answer.status === 404) throw new CheckSkip(`the host does not expose notification history (GET ${path} answered ${got(answer)})`);
  expectStatus(answer, 200, "the therapist reads their session's notification history");
  return entries(answer.json);
}

export const notificationChecks: readonly CheckDefinition[] = [
  {
    id: 'notifications.after-cancel',
    group: 'notifications',
    title: "A cancellation's notification history shows a notification on every channel its decision names.",
    async run(context) {
      if (!historyPath()) throw new CheckSkip("the contract (@raincheck/host-api) has no session notification history endpoint (GET /sessions/{sessionId}/notifications) yet");
      const practice = await context.freshPractice('ordinary-cancellation');
      const sessionId = practice.sessionIds[0]!;
      const { decision } = await cancel(context, practice, sessionId);
      const channels = decision.notify?.channels ?? [];
      if (channels.length === 0) throw new CheckSkip("the host's rules notify nobody of this cancellation");
      const shown = await history(context, practice, sessionId);
      const missing = channels.filter((channel) => !shown.some((entry) => entry.channel === channel));
      if (missing.length > 0) throw new CheckFailure(`after the cancellation the decision names ${channels.join(', ')}, but the notification history has nothing by ${missing.join(', ')} (it shows ${shown.map((e) => String(e.channel)).join(', ') || 'nothing'})`);
    },
  },
  {
    id: 'notifications.follow-up',
    group: 'notifications',
    title: "An unanswered offer's follow-up appears in the history once the follow-up time has passed (test clock).",
    async run(context) {
      if (!historyPath()) throw new CheckSkip("the contract (@raincheck/host-api) has no session notification history endpoint (GET /sessions/{sessionId}/notifications) yet");
      const practice = await context.freshPractice('ordinary-cancellation');
      const sessionId = practice.sessionIds[0]!;
      const { decision } = await cancel(context, practice, sessionId);
      const afterHours = decision.notify?.followUp?.afterHours;
      if (afterHours === undefined) throw new CheckSkip("the host's rules set no follow-up for this cancellation");
      const before = (await history(context, practice, sessionId)).length;
      await context.advanceClock(afterHours * 60 + 5);
      // The worker delivers what is due: give it a few reads to catch up.
      for (let attempt = 0; attempt < 20; attempt++) {
        const now = await history(context, practice, sessionId);
        if (now.some((entry) => JSON.stringify(entry).includes('follow'))) return;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new CheckFailure(`${afterHours} h after the cancellation (test clock) the offer is unanswered, but the notification history shows no follow-up (${before} entries before, none naming a follow-up)`);
    },
  },
];
