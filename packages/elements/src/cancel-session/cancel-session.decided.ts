import { msg, str } from '@lit/localize';
import type { Slot } from '@raincheck/host-api/client';
import type { Decision, Reason } from '@raincheck/policy';
import { html, nothing, type TemplateResult } from 'lit';
import type { Notification } from '@raincheck/host-api/client';
import { formatDateTime } from '../format/formatters.js';
import { formatMoney } from '../format/money.js';
import { sentMessages, readSentMessages } from '../internal/sent-messages.js';
import {
  sessionStartedRequest,
  type SessionFlow,
  type SessionFormProps,
  sessionFormBasics,
} from '../internal/session-form.js';
import { noteMinLength, noteShortfall, shownDecision } from '../internal/policy-decision.decided.js';
import { cancelSessionRoute, createTeamRequestRoute } from '@raincheck/host-api/client/writes';
import { CancelErrorEvent, CancelSubmitEvent, CancelSuccessEvent } from '../events/cancel-session-events.js';
import type { CancelSubmitDetail } from '../events/cancel-session-details.js';
import {
  blockedNotice,
  commonEffects,
  decisionSection,
  effect,
  reasonFields,
  submitFooter,
  teamRequestSent,
} from '../internal/form-templates.js';
import { compactSlotPicker } from '../internal/slot-picker.decided.js';
import type { CancelSuccessDetail } from './cancel-session.js';

// What <rc-cancel-session> shows once the policy has decided, loaded with the engine.
export { policyFromRules } from '../internal/policy-from-rules.decided.js';
export { decideOnce, rulesPolicy, settleViews } from '../internal/policy-decision.decided.js';
// The slot picker's formatters and styles, made as the module arrives (see ViewsModule.warmViews).
export { warmSlotPicker as warmViews } from '../internal/slot-picker.decided.js';

/** The widget's fields its decided form and its write read and change. */
export interface CancelFields {
  readonly reason: Reason | undefined;
  readonly note: string;
  readonly selectedSlots: ReadonlySet<string>;
  readonly refundOffered: boolean;
  /** The week of open times the slot picker shows; what is chosen stays chosen across weeks. */
  readonly slotWeek: number;
  readonly result: CancelSuccessDetail | undefined;
}

/** What <rc-cancel-session> gives its decided form and its write. */
export type CancelFlow = SessionFlow<CancelFields>;

function minSlots({ policy }: CancelFlow): number {
  return policy.mode === 'self-serve' ? (policy.decision?.alternatives?.minSlots ?? 0) : 0;
}

/** What still stops the therapist from confirming, in order. */
function missing(flow: CancelFlow, f: CancelFields): string[] {
  const missing: string[] = [];
  if (!f.reason) missing.push(msg('Choose a reason.', { id: 'rc.cancel.missing-reason' }));
  missing.push(...noteShortfall(flow.policy.decision, f.note));
  const min = minSlots(flow);
  if (f.selectedSlots.size < min) {
    missing.push(msg(str`Choose at least ${min} alternative times.`, { id: 'rc.cancel.missing-slots' }));
  }
  return missing;
}

/** Cancels the session, or asks the team to: the submit event first (cancelable), then success or error. */
export async function cancelSubmit(flow: CancelFlow, event: Event): Promise<void> {
  event.preventDefault();
  const f = flow.now();
  const session = flow.subject.session;
  const { decision, mode } = flow.policy;
  if (!session || !decision || missing(flow, f).length > 0 || mode === 'blocked') return;
  const kind = mode === 'team-request' ? 'team-request' : 'cancel';
  const shown = shownDecision(decision);
  const alternativeSlotIds = kind === 'cancel' ? [...f.selectedSlots] : [];
  const refundOffered = kind === 'cancel' && decision.refund !== null && f.refundOffered;
  const reason = f.reason!;
  const detail: CancelSubmitDetail = {
    sessionId: session.id,
    reason,
    note: f.note,
    alternativeSlotIds,
    refundOffered,
    kind,
    decision: shown,
  };
  const note = f.note ? { note: f.note } : {};
  // The result is kept before the state turns to success, which renders it.
  const keep = async (result: CancelSuccessDetail) => {
    flow.set({ result });
    if (kind === 'cancel') await readSentMessages(flow.sent, session.id, ['session-cancelled']);
    return result;
  };
  const cancel = { reason, ...note, alternativeSlotIds, refundOffered, decision: shown };
  const teamRequest = sessionStartedRequest(session, reason, f.note);
  await flow.write({
    submit: new CancelSubmitEvent(detail),
    scope: session.id,
    send: async (keyFor) =>
      kind === 'cancel'
        ? keep({
            kind,
            result: await f.host.send(cancelSessionRoute, {
              sessionId: session.id,
              version: session.version,
              idempotencyKey: keyFor('', cancel),
              body: cancel,
            }),
          })
        : keep({
            kind,
            result: await f.host.send(createTeamRequestRoute, {
              idempotencyKey: keyFor('', teamRequest),
              body: teamRequest,
            }),
          }),
    succeeded: (result) => new CancelSuccessEvent(result),
    failed: (failure) => new CancelErrorEvent(failure),
  });
}

/** The form, once the policy has decided, with what the therapist has entered. */
export function cancelFormOf(flow: CancelFlow): TemplateResult {
  const f = flow.now();
  const { policy, subject } = flow;
  return cancelForm({
    ...sessionFormBasics(flow, f),
    missing: missing(flow, f),
    onSubmit: (event) => void cancelSubmit(flow, event),
    reason: f.reason,
    note: f.note,
    noteMinLength: noteMinLength(policy.decision),
    slots: subject.slots ?? [],
    sessionStartsAt: subject.session?.startsAt,
    slotWeek: f.slotWeek,
    onSlotWeek: (week) => flow.set({ slotWeek: week }),
    minSlots: minSlots(flow),
    selectedSlots: f.selectedSlots,
    refundOffered: f.refundOffered,
    onReason: (reason) => policy.input(() => flow.set({ reason })),
    onNote: (note) => policy.input(() => flow.set({ note })),
    onSlot: (slotId, selected) => {
      const next = new Set(flow.now().selectedSlots);
      if (selected) next.add(slotId);
      else next.delete(slotId);
      flow.set({ selectedSlots: next });
    },
    onRefundOffered: (offered) => flow.set({ refundOffered: offered }),
  });
}

/** The success view for the write's result. */
export function cancelDoneOf(flow: CancelFlow, result: CancelSuccessDetail): TemplateResult {
  const f = flow.now();
  const selected = f.selectedSlots;
  return cancelSuccess({
    result,
    decision: flow.policy.decision,
    clientName: flow.subject.session?.client.displayName ?? '',
    locale: f.locale,
    offeredSlots: selected.size,
    offered: (flow.subject.slots ?? []).filter((slot) => selected.has(slot.id)),
    refundOffered: f.refundOffered,
    sent: flow.sent.record,
  });
}

/** What the form shows, and where what the therapist does goes. */
export interface CancelFormProps extends SessionFormProps {
  readonly reason: Reason | undefined;
  readonly note: string;
  readonly noteMinLength: number;
  readonly slots: readonly Slot[];
  /** When the session starts: the times nearest it are suggested first. */
  readonly sessionStartsAt: string | undefined;
  /** The week of open times shown, and a move to another. */
  readonly slotWeek: number;
  readonly onSlotWeek: (week: number) => void;
  readonly minSlots: number;
  readonly selectedSlots: ReadonlySet<string>;
  readonly refundOffered: boolean;
  readonly onReason: (reason: Reason) => void;
  readonly onNote: (note: string) => void;
  readonly onSlot: (slotId: string, selected: boolean) => void;
  readonly onRefundOffered: (offered: boolean) => void;
}

/** The reason, what will happen and why, the alternatives and the refund to offer, and confirm. */
export function cancelForm(p: CancelFormProps): TemplateResult {
  const { decision } = p;
  if (p.mode === 'blocked') return blockedNotice(decision);
  const selfServe = p.mode === 'self-serve';
  return html`
    <form part="form" @submit=${p.onSubmit} aria-busy=${p.busy ? 'true' : 'false'}>
      ${reasonFields({ reason: p.reason, note: p.note, noteMinLength: p.noteMinLength, disabled: p.busy, onReason: p.onReason, onNote: p.onNote, why: noteWhy(decision, p.noteMinLength) })}
      ${cancelDecision(p)}
      ${
        selfServe
          ? compactSlotPicker({
              slots: p.slots,
              around: p.sessionStartsAt,
              week: p.slotWeek,
              onWeek: p.onSlotWeek,
              withinDays: decision.alternatives?.withinDays ?? 14,
              locale: p.locale,
              multiple: true,
              selected: p.selectedSlots,
              legend: msg(str`Times to offer instead (choose at least ${p.minSlots})`, {
                id: 'rc.cancel.alternatives-legend',
              }),
              disabled: p.busy,
              onChange: p.onSlot,
            })
          : nothing
      }
      ${
        selfServe && decision.refund
          ? html`<label part="refund" class="choice">
            <input type="checkbox" .checked=${p.refundOffered} ?disabled=${p.busy} @change=${(e: Event) => p.onRefundOffered((e.target as HTMLInputElement).checked)} />
            ${msg(str`Offer a refund of ${formatMoney(decision.refund.amount, decision.refund.currency, p.locale)} if the client prefers it`, { id: 'rc.cancel.offer-refund' })}
          </label>`
          : nothing
      }
      ${submitFooter({
        missing: p.missing,
        showMissing: p.missing.length > 0 && p.reason !== undefined,
        busy: p.busy,
        teamRequest: p.mode === 'team-request',
        label: msg('Confirm the cancellation', { id: 'rc.cancel.submit-confirm' }),
      })}
    </form>
  `;
}

function cancelDecision(p: CancelFormProps): TemplateResult {
  const { decision, mode, clientName: name, locale } = p;
  const { notify, warnings } = commonEffects(decision, name, locale, mode === 'team-request');
  const effects = [...notify];
  if (mode === 'team-request')
    effects.push(...decision.team.map((team) => effect(team.message, team.ruleIds, decision)));
  if (decision.alternatives && mode === 'self-serve') {
    effects.push(
      effect(
        msg(
          str`Offer at least ${decision.alternatives.minSlots} other times within ${decision.alternatives.withinDays} days.`,
          { id: 'rc.decision.alternatives' },
        ),
        decision.alternatives.ruleIds,
        decision,
      ),
    );
  }
  if (decision.refund && mode === 'self-serve') {
    const amount = formatMoney(decision.refund.amount, decision.refund.currency, locale);
    effects.push(
      effect(
        decision.refund.mode === 'team-review'
          ? msg(str`${name} may choose a refund of ${amount}; the platform team reviews it first.`, {
              id: 'rc.decision.refund-review',
            })
          : msg(str`${name} may choose a refund of ${amount} instead.`, { id: 'rc.decision.refund' }),
        decision.refund.ruleIds,
        decision,
      ),
    );
  }
  // A written reason's explanation sits before its field instead (see `noteWhy`).
  const shownAbove = noteWhy(decision, p.noteMinLength);
  effects.push(
    ...decision.requirements
      .filter((r) => !shownAbove.includes(r.message))
      .map((r) => effect(r.message, r.ruleIds, decision)),
    ...warnings,
  );
  return decisionSection(effects);
}

/** Why the policy asks for a written reason, when it does: read before the field, not after it. */
function noteWhy(decision: Decision, minLength: number): string[] {
  return minLength > 0 ? decision.requirements.filter((r) => r.kind === 'written-reason').map((r) => r.message) : [];
}

/** What the success view says happens next. */
export interface CancelSuccessProps {
  readonly result: CancelSuccessDetail;
  readonly decision: Decision | undefined;
  readonly clientName: string;
  readonly locale: string;
  readonly offeredSlots: number;
  /** The times offered, as the slot list had them. */
  readonly offered: readonly Slot[];
  /** What the host recorded sending the client (see `SentMessages`). */
  readonly sent: readonly Notification[] | null | undefined;
  readonly refundOffered: boolean;
}

/** Cancelled: who is told how, and what they can choose; or sent to the team. */
export function cancelSuccess(p: CancelSuccessProps): TemplateResult {
  if (p.result.kind === 'team-request') return teamRequestSent();
  const { decision } = p;
  const { offer } = p.result.result;
  return html`
    <h2 part="heading" tabindex="-1">${msg('Session cancelled', { id: 'rc.cancel.done' })}</h2>
    <div part="next" role="status">
      ${sentMessages(p.sent, p.clientName, p.locale)}
      <p>${msg(str`They can choose one of the ${p.offeredSlots} times you offered${p.refundOffered && decision?.refund ? msg(' or a refund', { id: 'rc.cancel.next-or-refund' }) : ''}.`, { id: 'rc.cancel.next-choice' })}</p>
      ${
        p.offered.length
          ? html`<ul part="offered">
            ${p.offered.map((slot) => html`<li><time datetime=${slot.startsAt}>${formatDateTime(slot.startsAt, p.locale)}</time></li>`)}
          </ul>`
          : nothing
      }
      ${offer ? html`<p part="choose-by">${msg(str`They can choose until ${formatDateTime(offer.expiresAt, p.locale)}.`, { id: 'rc.cancel.choose-by' })}</p>` : nothing}
    </div>
  `;
}
