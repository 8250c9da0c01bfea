import type { Refund, TeamRequest } from '@raincheck/host-api';
import type { Handlers } from '../handler.js';
import { issueRefund } from '../effects.js';
import { notifyClient, scheduleOfferExpiry } from '../notify.js';
import { HttpError, notFound } from '../http-error.js';
import { newOfferToken, offerTokenHash } from '../offer-token.js';
import { decide, requireAllowed, requireNotBlocked, requireReason } from '../policy-gate.js';
import { accessibleSession, accessibleTherapist, bumpSession, sessionView } from '../records.js';

const DAY_MS = 86_400_000;

/** Reading and changing one session: the therapist's flows. */
export const sessionHandlers = {
  getSession: async ({ sessionId }, context) => ({
    session: await sessionView(context, await accessibleSession(context, sessionId)),
  }),

  listSlots: async ({ therapistId, query }, context) => {
    await accessibleTherapist(context, therapistId);
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    const slots = await context.tx.slots(therapistId);
    return { slots: slots.filter((s) => Date.parse(s.startsAt) >= from && Date.parse(s.startsAt) < to) };
  },

  getPolicyFacts: async ({ sessionId }, context) => {
    const session = await accessibleSession(context, sessionId);
    const stored = await context.tx.client(session.clientId);
    if (!stored) throw notFound(`client "${session.clientId}"`);
    const { displayName: _name, timeZone: _zone, email: _email, phone: _phone, locale: _locale, ...client } = stored;
    const {
      hiddenUntil: _hidden,
      displayName: _therapistName,
      tenant: _tenant,
      ...therapist
    } = await accessibleTherapist(context, session.therapistId);
    return { client, therapist, history: [...(await context.tx.history(session.therapistId))] };
  },

  cancelSession: async ({ sessionId, body }, context) => {
    const session = await accessibleSession(context, sessionId);
    const { reason, note, alternativeSlotIds, refundOffered } = body;
    const decision = await decide(context, 'cancel', session, { reason, ...(note === undefined ? {} : { note }) });
    requireAllowed(decision, note);
    const min = decision.alternatives?.minSlots ?? 0;
    if (alternativeSlotIds.length < min)
      throw new HttpError(
        422,
        'policy-refused',
        `${decision.alternatives?.message ?? ''} Offer at least ${min}.`.trim(),
        { minSlots: min },
      );
    if (refundOffered && !decision.refund)
      throw new HttpError(422, 'policy-refused', 'The policy offers no refund for this cancellation.');
    const open = await context.tx.slots(session.therapistId);
    const alternatives = alternativeSlotIds.map((id) => {
      const slot = open.find((s) => s.id === id);
      if (!slot)
        throw new HttpError(409, 'slot-taken', 'One of the chosen times is no longer free. Choose again.', {
          slotId: id,
        });
      return slot;
    });
    const cancelled = await bumpSession(context, session, { status: 'cancelled' });
    await context.tx.addHistory(session.therapistId, { sessionId: session.id, at: context.now, kind: 'cancel' });
    const token = newOfferToken();
    const tokenHash = await offerTokenHash(token);
    // The client chooses before the first offered time, or it would be gone by the time they answer.
    const firstOffered = Math.min(...alternatives.map((slot) => Date.parse(slot.startsAt)));
    const expiresAt = context.instant(
      Math.min(context.nowMs + (decision.alternatives?.withinDays ?? 7) * DAY_MS, firstOffered),
    );
    await notifyClient(context, decision, session, 'session-cancelled', { offer: { token, tokenHash } });
    await scheduleOfferExpiry(context, session, { token, tokenHash }, expiresAt);
    await context.tx.putOffer({
      tokenHash,
      sessionId: session.id,
      alternatives,
      refund:
        refundOffered && decision.refund
          ? {
              amount: { amount: decision.refund.amount, currency: decision.refund.currency },
              needsTeamReview: decision.refund.mode === 'team-review',
            }
          : null,
      expiresAt,
    });
    return { session: await sessionView(context, cancelled), offer: { token, expiresAt }, teamRequest: null };
  },

  rescheduleSession: async ({ sessionId, body }, context) => {
    const session = await accessibleSession(context, sessionId);
    const { slotId, reason, note } = body;
    const decision = await decide(context, 'reschedule', session, {
      ...(reason ? { reason } : {}),
      ...(note === undefined ? {} : { note }),
    });
    requireAllowed(decision, note);
    const slot = (await context.tx.slots(session.therapistId)).find((s) => s.id === slotId);
    if (!slot || !(await context.tx.takeSlot(session.therapistId, slotId))) {
      throw new HttpError(409, 'slot-taken', 'That time is no longer free. Choose another one.', { slotId });
    }
    await context.tx.addSlot(session.therapistId, {
      id: `${session.id}-freed-${session.version}`,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
    });
    const moved = await bumpSession(context, session, { startsAt: slot.startsAt, endsAt: slot.endsAt });
    await context.tx.addHistory(session.therapistId, { sessionId: session.id, at: context.now, kind: 'reschedule' });
    await notifyClient(context, decision, session, 'session-rearranged', {
      newTime: { startsAt: slot.startsAt, endsAt: slot.endsAt },
    });
    return { session: await sessionView(context, moved) };
  },

  refundSession: async ({ sessionId, body }, context) => {
    const session = await accessibleSession(context, sessionId);
    const { note } = body;
    const decision = await decide(context, 'refund', session, note === undefined ? {} : { note });
    requireNotBlocked(decision);
    requireReason(decision, note);
    const result = await issueRefund(context, decision, session, { note, shown: body.decision });
    await notifyClient(context, decision, session, 'refund-issued', { refundId: result.refund.id });
    return result;
  },

  updateAttendance: async ({ sessionId, body }, context) => {
    const session = await accessibleSession(context, sessionId);
    const { outcome, refund: wantsRefund, note } = body;
    if (Date.parse(session.startsAt) > context.nowMs)
      throw new HttpError(422, 'not-yet-held', 'Attendance can be updated once the session has started.');
    if (session.status === 'completed')
      throw new HttpError(409, 'attendance-recorded', 'The attendance of this session has already been recorded.');
    if (session.status === 'cancelled')
      throw new HttpError(422, 'session-cancelled', 'This session was cancelled, so there is no attendance to record.');
    const decision = await decide(context, 'attendance-update', session, {
      attendanceOutcome: outcome,
      ...(wantsRefund ? { clientPreference: 'refund' as const } : {}),
      ...(note === undefined ? {} : { note }),
    });
    requireNotBlocked(decision);
    let result: { refund: Refund | null; teamRequest: TeamRequest | null } = { refund: null, teamRequest: null };
    if (wantsRefund) {
      requireReason(decision, note);
      result = await issueRefund(context, decision, session, { note, shown: body.decision });
      await notifyClient(context, decision, session, 'refund-issued', { refundId: result.refund!.id });
    } else if (outcome === 'therapist-unable') {
      // The decision promises the client is told (notification-timing: email, at once) with or without a refund.
      await notifyClient(context, decision, session, 'session-not-held');
    }
    const updated = await bumpSession(context, session, { status: 'completed' });
    return { session: await sessionView(context, updated), ...result };
  },
} satisfies Partial<Handlers>;
