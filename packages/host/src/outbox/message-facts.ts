import type { MessageFacts, Recipient } from '../delivery/types.js';
import type { LinkSeal } from '../core/link-seal.js';
import type { OutboxRow } from '../core/outbox.js';
import type { StoreTransaction } from '../core/store.js';

/** What a message row says and to whom, read from the store when it is sent (contact data is never copied into the outbox). */
export interface ResolvedMessage {
  readonly to: Recipient;
  readonly facts: MessageFacts;
  /** The message is no longer needed (a reminder of an offer answered or expired meanwhile). */
  readonly obsolete: boolean;
}

/** The message cannot be written, now or on a later attempt: the row fails and the team is told. */
export class UnsendableMessageError extends Error {}

/** A record a message needs is gone: the message cannot be written. */
export class MissingRecordError extends UnsendableMessageError {}

/** The offer link's sealed token will not open with this process's link secret: a link would be silently missing. */
export class UnreadableLinkError extends UnsendableMessageError {}

/** How links are written: the `--offer-url` template filled with the token. */
export type OfferUrl = (token: string) => string;

/** Resolves a message row's facts from the store, or says why it cannot be (a record gone). */
export async function resolveMessage(
  tx: StoreTransaction,
  row: OutboxRow,
  options: { readonly linkSeal: LinkSeal | null; readonly offerUrl: OfferUrl | null; readonly nowMs: number },
): Promise<ResolvedMessage> {
  const session = await tx.session(row.sessionId);
  if (!session) throw new MissingRecordError(`outbox row ${row.id}: session "${row.sessionId}" is gone`);
  const client = await tx.client(row.clientId);
  if (!client) throw new MissingRecordError(`outbox row ${row.id}: client "${row.clientId}" is gone`);
  const therapist = await tx.therapist(session.therapistId);
  const offer = row.offerTokenHash === undefined ? undefined : await tx.offer(row.offerTokenHash);
  const refund = row.refundId !== undefined ? await tx.refund(row.refundId) : undefined;
  const obsolete =
    row.message === 'offer-reminder' &&
    (!offer || offer.answer !== undefined || Date.parse(offer.expiresAt) <= options.nowMs);
  const linked =
    offer !== undefined &&
    (row.message === 'session-cancelled' || row.message === 'offer-reminder') &&
    options.offerUrl !== null;
  const token =
    row.sealedOfferToken && options.linkSeal ? await options.linkSeal.open(row.sealedOfferToken) : undefined;
  if (linked && !obsolete && row.sealedOfferToken !== undefined && token === undefined) {
    // Sent without it, the client could not choose, and the row would still count as sent.
    throw new UnreadableLinkError(
      `outbox row ${row.id}: the offer link's token will not open with this process's link secret ${options.linkSeal ? '(not the one serve sealed it with' : '(none is configured'}: give every serve and worker process the same RAINCHECK_OFFER_LINK_SECRET or RAINCHECK_TOKEN_SECRET)`,
    );
  }
  const byStart = (a: { startsAt: string }, b: { startsAt: string }) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
  const facts: MessageFacts = {
    kind: row.message ?? 'session-cancelled',
    locale: client.locale ?? 'en',
    client: { name: client.displayName, timeZone: client.timeZone ?? session.timeZone },
    therapist: { name: therapist?.displayName ?? 'Your therapist', timeZone: therapist?.timeZone ?? session.timeZone },
    session: row.times ?? { startsAt: session.startsAt, endsAt: session.endsAt },
    ...(row.newTime ? { newTime: row.newTime } : {}),
    ...(offer && (row.message === 'session-cancelled' || row.message === 'offer-reminder')
      ? {
          alternatives: [...offer.alternatives].sort(byStart).map(({ startsAt, endsAt }) => ({ startsAt, endsAt })),
          chooseBy: offer.expiresAt,
          ...(token && options.offerUrl ? { offerUrl: options.offerUrl(token) } : {}),
        }
      : {}),
    ...(refund
      ? { refund: { amount: refund.amount.amount, currency: refund.amount.currency, status: refund.status } }
      : {}),
    ...(refund?.reviewNote ? { note: refund.reviewNote } : {}),
  };
  const to: Recipient = {
    name: client.displayName,
    ...(client.email ? { email: client.email } : {}),
    ...(client.phone ? { phone: client.phone } : {}),
  };
  return { to, facts, obsolete };
}
