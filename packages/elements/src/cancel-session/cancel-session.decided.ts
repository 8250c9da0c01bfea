import { msg, str } from '@lit/localize';
import type { Slot } from '@raincheck/host-api/client';
import type { Decision, Reason } from '@raincheck/policy';
import { html, nothing, type TemplateResult } from 'lit';
import type { Notification } from '@raincheck/host-api/client';
import { formatDateTime, formatMoney } from '../format/formatters.js';
import { sentMessages } from '../internal/sent-messages.js';
import type { SessionFormProps } from '../internal/session-form.js';
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
export { warmFormatters } from '../internal/warm-formatters.decided.js';

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
