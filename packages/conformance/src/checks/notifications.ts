import { ENDPOINTS, type DeliveryStatus, type Notification, type Offer } from '@raincheck/host-api';
import type { Decision } from '@raincheck/policy';
import type { CheckContext, CheckDefinition } from '../check.js';
import { schemaProblems } from '../contract-fit.js';
import { CheckFailure, CheckSkip } from '../outcomes.js';
import type { Practice } from '../setup.js';
import { cancel, expectStatus, got, newKey, readSession } from '../steps.js';

// notifications: what a decision says the client is told, the host records and shows in the
// contract's notification history: `GET /sessions/{sessionId}/notifications` (every message of the
// session) and `GET /sessions/{sessionId}/offer/notifications` (its latest offer's: the link, the
// follow-up, the answer's confirmation, the expiry), each message with one delivery per channel.
// A host that answers either 404 does not expose its history: the checks skip and say so.

type HistoryEndpoint = 'getSessionNotifications' | 'getOfferNotifications';

/** Delivered, or given up: a worker will not change these. */
const SETTLED: readonly DeliveryStatus[] = ['sent', 'late', 'failed', 'obsolete'];
const DELIVERED: readonly DeliveryStatus[] = ['sent', 'late'];
/** How often, and how far apart, a check reads the history while the host's worker delivers. */
const READS = 20;
const READ_GAP_MS = 250;

const pathOf = (endpoint: HistoryEndpoint, sessionId: string) =>
  ENDPOINTS[endpoint].path.replace('{sessionId}', encodeURIComponent(sessionId));

/** One history read as the therapist, its body checked against the contract's schema. */
async function history(
  context: CheckContext,
  practice: Practice,
  sessionId: string,
  endpoint: HistoryEndpoint,
): Promise<readonly Notification[]> {
  const path = pathOf(endpoint, sessionId);
  const answer = await context.probe.send({ method: 'GET', path, token: await practice.token('therapist') });
  // The session exists and is the therapist's: a 404 is the route missing, not the session.
  if (answer.status === 404)
    throw new CheckSkip(`the host does not expose notification history (GET ${path} answered ${got(answer)})`);
  expectStatus(
    answer,
    200,
    `the therapist reads their session's ${endpoint === 'getOfferNotifications' ? "offer's " : ''}notification history`,
  );
  const problems = schemaProblems(ENDPOINTS[endpoint].response, answer.json);
  if (problems.length > 0)
    throw new CheckFailure(
      `GET ${path} answered 200 with a body that breaks the contract's notification history ({ notifications: [{ id, kind, at, dueAt, deadlineAt, deliveries: [{ id, channel, status, attempts }] }] }): ${problems.join('; ')}`,
    );
  return (answer.json as { notifications: Notification[] }).notifications;
}

/** Reads the history until `done` says so or {@link READS} reads later (the host's worker delivers meanwhile). */
async function historyUntil(
  context: CheckContext,
  practice: Practice,
  sessionId: string,
  endpoint: HistoryEndpoint,
  done: (shown: readonly Notification[]) => boolean,
): Promise<readonly Notification[]> {
  for (let read = 1; ; read++) {
    const shown = await history(context, practice, sessionId, endpoint);
    if (done(shown) || read >= READS) return shown;
    await new Promise((resolve) => setTimeout(resolve, READ_GAP_MS));
  }
}

/** Each channel's delivery among the notifications of `kind` (the last one per channel). */
function deliveriesOf(
  shown: readonly Notification[],
  kind: Notification['kind'],
): Map<string, Notification['deliveries'][number]> {
  return new Map(shown.filter((n) => n.kind === kind).flatMap((n) => n.deliveries.map((d) => [d.channel, d] as const)));
}

const everyChannel = (
  shown: readonly Notification[],
  kind: Notification['kind'],
  channels: readonly string[],
  statuses: readonly DeliveryStatus[],
) => {
  const deliveries = deliveriesOf(shown, kind);
  return channels.every((channel) => statuses.includes(deliveries.get(channel)?.status ?? 'due'));
};

/** What the history shows, for messages: `session-cancelled (email: sent, sms: due)`. */
const describe = (shown: readonly Notification[]) =>
  shown.map((n) => `${n.kind} (${n.deliveries.map((d) => `${d.channel}: ${d.status}`).join(', ')})`).join('; ') ||
  'nothing';

/** Fails unless every channel has a delivery of `kind` that the host has not given up on. */
function expectOnEveryChannel(
  shown: readonly Notification[],
  kind: Notification['kind'],
  channels: readonly string[],
  when: string,
): void {
  const deliveries = deliveriesOf(shown, kind);
  const missing = channels.filter((channel) => !deliveries.has(channel));
  if (missing.length > 0)
    throw new CheckFailure(
      `${when} the decision names ${channels.join(', ')}, but the notification history has no ${kind} message by ${missing.join(', ')} (it shows ${describe(shown)})`,
    );
  for (const channel of channels) {
    const delivery = deliveries.get(channel)!;
    if (delivery.status === 'failed' || delivery.status === 'obsolete' || delivery.status === 'scheduled') {
      throw new CheckFailure(
        `${when} the ${kind} message by ${channel} is ${delivery.status}${delivery.lastError ? ` (${delivery.lastError})` : ''}, not sent or on its way: the client is not told`,
      );
    }
  }
}

/**
 * A cancellation as the widget sends it, its decision's channels and follow-up, and its offer as
 * the client opens it. Its alternatives start after the follow-up is due (an offer closes at its
 * first alternative's start, and its follow-up with it).
 */
async function cancelled(context: CheckContext) {
  const practice = await context.freshPractice('ordinary-cancellation');
  const sessionId = practice.sessionIds[0]!;
  const slotsFrom = (decision: Decision) =>
    context.now() + ((decision.notify?.followUp?.afterHours ?? 0) + 2) * 3_600_000;
  const { answer, decision, body } = await cancel(context, practice, sessionId, { slotsFrom });
  const link = (answer.json as { offer?: { token: string } | null }).offer;
  if (!link)
    throw new CheckFailure('POST /sessions/…/cancel answered 200 without an offer: the client gets no link to answer');
  const opened = await context.probe.send({ method: 'GET', path: `/offers/${encodeURIComponent(link.token)}` });
  expectStatus(opened, 200, 'the new offer opens');
  const offer = (opened.json as { offer: Offer }).offer;
  const [slotId] = body.alternativeSlotIds as string[];
  // The client's answer: the first offered time, else the refund.
  const choice = slotId ? { choice: 'alternative', slotId } : { choice: 'refund' };
  return { practice, sessionId, decision, channels: decision.notify?.channels ?? [], offer, token: link.token, choice };
}

/** A cancellation whose decision sets a follow-up that falls before its offer expires. */
async function cancelledWithFollowUp(context: CheckContext) {
  const made = await cancelled(context);
  const afterHours = made.decision.notify?.followUp?.afterHours;
  if (afterHours === undefined) throw new CheckSkip("the host's rules set no follow-up for this cancellation");
  if (Date.parse(made.offer.expiresAt) <= context.now() + afterHours * 3_600_000)
    throw new CheckSkip(`the offer expires (${made.offer.expiresAt}) before its ${afterHours} h follow-up is due`);
  return { ...made, afterHours };
}

export const notificationChecks: readonly CheckDefinition[] = [
  {
    id: 'notifications.after-cancel',
    group: 'notifications',
    title:
      "A cancellation's notification history shows its session-cancelled message on every channel its decision names, sent or on its way.",
    async run(context) {
      const practice = await context.freshPractice('ordinary-cancellation');
      const sessionId = practice.sessionIds[0]!;
      const { decision } = await cancel(context, practice, sessionId);
      const channels = decision.notify?.channels ?? [];
      if (channels.length === 0) throw new CheckSkip("the host's rules notify nobody of this cancellation");
      const shown = await historyUntil(context, practice, sessionId, 'getSessionNotifications', (s) =>
        everyChannel(s, 'session-cancelled', channels, SETTLED),
      );
      expectOnEveryChannel(shown, 'session-cancelled', channels, 'after the cancellation');
    },
  },
  {
    id: 'notifications.follow-up',
    group: 'notifications',
    title:
      "An unanswered offer's follow-up (offer-reminder) is not sent early, and goes out on the decision's channels once its follow-up hours have passed (test clock).",
    async run(context) {
      const { practice, sessionId, afterHours, channels } = await cancelledWithFollowUp(context);
      const early = [
        ...deliveriesOf(
          await history(context, practice, sessionId, 'getOfferNotifications'),
          'offer-reminder',
        ).values(),
      ].find((d) => DELIVERED.includes(d.status));
      if (early)
        throw new CheckFailure(
          `the offer's follow-up by ${early.channel} is ${early.status} right after the cancellation, ${afterHours} h before it is due`,
        );
      await context.advanceClock(afterHours * 60 + 1);
      const shown = await historyUntil(context, practice, sessionId, 'getOfferNotifications', (s) =>
        everyChannel(s, 'offer-reminder', channels, SETTLED),
      );
      expectOnEveryChannel(
        shown,
        'offer-reminder',
        channels,
        `${afterHours} h after the cancellation (test clock), its offer unanswered,`,
      );
    },
  },
  {
    id: 'notifications.no-follow-up-once-answered',
    group: 'notifications',
    title:
      'An offer answered before its follow-up is due gets no follow-up: any offer-reminder is obsolete (test clock).',
    async run(context) {
      const { practice, sessionId, afterHours, token, choice } = await cancelledWithFollowUp(context);
      expectStatus(
        await context.probe.send({
          method: 'POST',
          path: `/offers/${encodeURIComponent(token)}/answer`,
          body: choice,
          idempotencyKey: newKey(),
        }),
        200,
        'the client answers the open offer',
      );
      await context.advanceClock(afterHours * 60 + 1);
      const chased = (shown: readonly Notification[]) =>
        [...deliveriesOf(shown, 'offer-reminder').values()].find((d) => d.status !== 'obsolete');
      // A few reads: a worker that wrongly sends it has the time to.
      let shown: readonly Notification[] = [];
      for (let read = 0; read < 4 && !chased(shown); read++) {
        if (read > 0) await new Promise((resolve) => setTimeout(resolve, READ_GAP_MS));
        shown = await history(context, practice, sessionId, 'getOfferNotifications');
      }
      const reminder = chased(shown);
      if (reminder)
        throw new CheckFailure(
          `the offer was answered, yet ${afterHours} h later its notification history shows a follow-up (offer-reminder by ${reminder.channel}: ${reminder.status}): the client is chased for an answer they gave`,
        );
    },
  },
  {
    id: 'notifications.offer-expired',
    group: 'notifications',
    title:
      'An offer left unanswered past its expiresAt closes (expired), its client is told (offer-expired), and the refund it offered is made once (test clock).',
    async run(context) {
      const { practice, sessionId, offer, token } = await cancelled(context);
      await context.advanceClock(Math.ceil((Date.parse(offer.expiresAt) - context.now()) / 60_000) + 1);
      const expired = (shown: readonly Notification[]) => shown.some((n) => n.kind === 'offer-expired');
      const shown = await historyUntil(context, practice, sessionId, 'getOfferNotifications', expired);
      if (!expired(shown))
        throw new CheckFailure(
          `the test clock is past the offer's expiresAt ${offer.expiresAt}, but its notification history has no offer-expired message (it shows ${describe(shown)}): the client is not told the offer closed`,
        );
      const reopened = await context.probe.send({ method: 'GET', path: `/offers/${encodeURIComponent(token)}` });
      expectStatus(reopened, 200, 'an expired offer still opens, saying it expired');
      const status = (reopened.json as { offer?: { status?: unknown } }).offer?.status;
      if (status !== 'expired')
        throw new CheckFailure(
          `GET /offers/… past its expiresAt answered status ${JSON.stringify(status)}, expected "expired"`,
        );
      const refund = (await readSession(context, practice, sessionId)).refund;
      if (!offer.refund) {
        if (refund)
          throw new CheckFailure(`the expired offer offered no refund, yet the session now has one (${refund.status})`);
        return;
      }
      if (!refund)
        throw new CheckFailure(
          `the expired offer offered a refund of ${offer.refund.amount.amount} ${offer.refund.amount.currency}, but the session has none: the policy says the refund is made when the client does not answer`,
        );
      // Later again: the expiry is not run twice (no second refund, no second message).
      await context.advanceClock(60);
      const later = await historyUntil(context, practice, sessionId, 'getOfferNotifications', () => true);
      const expiries = later.filter((n) => n.kind === 'offer-expired').length;
      if (expiries !== 1)
        throw new CheckFailure(
          `an hour after the offer expired its history shows ${expiries} offer-expired messages, expected 1: the expiry ran more than once`,
        );
      const again = (await readSession(context, practice, sessionId)).refund;
      if (again?.id !== refund.id)
        throw new CheckFailure(
          `an hour after the offer expired the session's refund changed from ${refund.id} to ${again?.id ?? 'none'}: the refund was made more than once`,
        );
    },
  },
];
