import type { Decision } from '@raincheck/policy';
import type { MessageKind } from '../delivery/types.js';
import type { RequestContext } from './handler.js';
import { notFound } from './http-error.js';
import type { OutboxRow } from './outbox.js';
import type { StoredSession } from './store.js';

// Writing outbox rows from a write's transaction: what the decision promises the client, the
// follow-up, the offer's expiry and the refund to carry out.

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** The offer a message links to: its token (sealed into the row, never stored readable) and its hash. */
export interface OfferLink {
  readonly token: string;
  readonly tokenHash: string;
}

async function tenantOf(context: RequestContext, session: StoredSession): Promise<string> {
  const therapist = await context.tx.therapist(session.therapistId);
  if (!therapist) throw notFound(`therapist "${session.therapistId}"`);
  return therapist.tenant;
}

type NewRow = Pick<OutboxRow, 'kind' | 'channel' | 'runAt' | 'deadlineAt' | 'dedupeKey' | 'effectId'> &
  Partial<Pick<OutboxRow, 'message' | 'refundId' | 'offerTokenHash' | 'sealedOfferToken' | 'times' | 'newTime'>>;

async function addRow(
  context: RequestContext,
  session: StoredSession,
  tenant: string,
  row: NewRow,
): Promise<OutboxRow> {
  const stored: OutboxRow = {
    // 128 random bits, not a sequence number: the id is the provider's idempotency key and the email's
    // Message-ID, so it must stay unique across hosts and after a restore (rows are ordered by `seq`).
    id: `ob_${crypto.randomUUID().replaceAll('-', '')}`,
    tenant,
    sessionId: session.id,
    clientId: session.clientId,
    createdAt: context.now,
    attempts: 0,
    lockedBy: null,
    lockedUntil: null,
    lastError: null,
    escalatedAt: null,
    outcome: null,
    doneAt: null,
    ...row,
  };
  await context.tx.addOutbox(stored);
  return stored;
}

/** What {@link notifyClient} may add to the message: the offer it links to, the refund it reports. */
export interface NotifyOptions {
  readonly offer?: OfferLink;
  /** The offer a message is about without linking to it (the answer's confirmation, the expiry). */
  readonly aboutOffer?: string;
  readonly refundId?: string;
  /** The session's new time (rearranged, or the alternative the client chose). */
  readonly newTime?: { readonly startsAt: string; readonly endsAt: string };
  /** Channels to use when the decision names none (the client's answer is confirmed the way the offer came). */
  readonly fallbackChannels?: readonly string[];
}

/**
 * Puts the message the decision promises in the outbox: one row per channel, due now, with the
 * deadline `withinMinutes` after the commit; and, for an offer with a follow-up, one row per channel
 * due `followUp.afterHours` later, which the client's answer makes obsolete.
 * `session` is the session as the write found it (its time before a change).
 * @returns the effect's id (the notification as its history shows it), or null when nothing is sent.
 */
export async function notifyClient(
  context: RequestContext,
  decision: Decision,
  session: StoredSession,
  message: MessageKind,
  options: NotifyOptions = {},
): Promise<string | null> {
  const channels = decision.notify?.channels ?? options.fallbackChannels ?? [];
  if (channels.length === 0) return null;
  const withinMs = (decision.notify?.withinMinutes ?? 0) * MINUTE_MS;
  const tenant = await tenantOf(context, session);
  const effectId = await context.tx.newId('notification');
  const sealed = options.offer && context.linkSeal ? await context.linkSeal.seal(options.offer.token) : undefined;
  const about = {
    ...(options.offer || options.aboutOffer ? { offerTokenHash: options.offer?.tokenHash ?? options.aboutOffer } : {}),
    ...(sealed ? { sealedOfferToken: sealed } : {}),
    ...(options.refundId ? { refundId: options.refundId } : {}),
    times: { startsAt: session.startsAt, endsAt: session.endsAt },
    ...(options.newTime ? { newTime: options.newTime } : {}),
  };
  for (const channel of channels) {
    await addRow(context, session, tenant, {
      kind: 'message',
      message,
      channel,
      runAt: context.now,
      deadlineAt: context.instant(context.nowMs + withinMs),
      dedupeKey: `${effectId}:${channel}`,
      effectId,
      ...about,
    });
  }
  const followUp = decision.notify?.followUp;
  if (followUp && options.offer) {
    const dueMs = context.nowMs + followUp.afterHours * HOUR_MS;
    const followUpId = await context.tx.newId('notification');
    for (const channel of channels) {
      await addRow(context, session, tenant, {
        kind: 'message',
        message: 'offer-reminder',
        channel,
        runAt: context.instant(dueMs),
        deadlineAt: context.instant(dueMs + withinMs),
        dedupeKey: `follow-up:${options.offer.tokenHash}:${channel}`,
        effectId: followUpId,
        ...about,
      });
    }
  }
  return effectId;
}

/** The offer's expiry as a row: at `expiresAt` the worker closes it and does what the policy says happens next. */
export async function scheduleOfferExpiry(
  context: RequestContext,
  session: StoredSession,
  offer: OfferLink,
  expiresAt: string,
): Promise<void> {
  const tenant = await tenantOf(context, session);
  await addRow(context, session, tenant, {
    kind: 'offer-expiry',
    channel: null,
    runAt: expiresAt,
    deadlineAt: null,
    dedupeKey: `offer-expiry:${offer.tokenHash}`,
    effectId: await context.tx.newId('expiry'),
    offerTokenHash: offer.tokenHash,
  });
}

/** The refund as a row: the refund provider carries it out after the commit, the row id its idempotency key. */
export async function enqueueRefund(context: RequestContext, session: StoredSession, refundId: string): Promise<void> {
  const tenant = await tenantOf(context, session);
  await addRow(context, session, tenant, {
    kind: 'refund',
    channel: null,
    runAt: context.now,
    deadlineAt: null,
    dedupeKey: `refund:${refundId}`,
    effectId: refundId,
    refundId,
  });
}

/**
 * The offer's follow-ups still waiting become obsolete: the client answered first. Each is re-read
 * locked (a worker recording its attempt waits, or is waited for), and one a live worker holds is
 * left to finish: it may be on its way, and the history must show what really went out.
 */
export async function obsoleteFollowUps(
  context: RequestContext,
  sessionId: string,
  offerTokenHash: string,
): Promise<void> {
  for (const seen of await context.tx.outboxOf(sessionId)) {
    if (seen.outcome !== null || seen.message !== 'offer-reminder' || seen.offerTokenHash !== offerTokenHash) continue;
    const row = await context.tx.outboxRow(seen.id);
    if (!row || row.outcome !== null) continue;
    const leased = row.lockedBy !== null && row.lockedUntil !== null && Date.parse(row.lockedUntil) > context.nowMs;
    if (!leased) await context.tx.putOutbox(finished(row, 'obsolete', context.now));
  }
}

/** A row ended with `outcome` at `at`: its lease dropped, its sealed token forgotten. */
export function finished(
  row: OutboxRow,
  outcome: OutboxRow['outcome'],
  at: string,
  lastError: string | null = row.lastError,
): OutboxRow {
  const { sealedOfferToken: _forgotten, ...rest } = row;
  return { ...rest, outcome, doneAt: at, lockedBy: null, lockedUntil: null, lastError };
}
