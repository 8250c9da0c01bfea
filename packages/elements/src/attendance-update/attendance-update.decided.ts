import type { Notification } from '@raincheck/host-api/client';
import { sentMessages } from '../internal/sent-messages.js';
import { msg, str } from '@lit/localize';
import type { AttendanceOutcome } from '@raincheck/policy';
import { html, nothing, type TemplateResult } from 'lit';
import { formatMoney } from '../format/formatters.js';
import {
  commonEffects,
  decisionSection,
  effect,
  noteField,
  refundEffect,
  refundNext,
  submitFooter,
} from '../internal/form-templates.js';
import type { SessionFormProps } from '../internal/session-form.js';
import type { AttendanceSuccessDetail } from './attendance-update.js';

// What <rc-attendance-update> shows once the policy has decided, loaded with the engine.
export { policyFromRules } from '../internal/policy-from-rules.decided.js';
export { warmFormatters } from '../internal/warm-formatters.decided.js';
// The write controller comes with the views: a write follows the decision (FlowElement.importWriter).
export { WriteController } from '../controllers/write-once.js';
export { wordFailure } from '../internal/failure-wording.decided.js';
export { formStyles } from '../styles/form.styles.js';
// The write routes come with the write controller: their schemas stay out of the first load.
export { updateAttendanceRoute } from '@raincheck/host-api/client/writes';

const OUTCOMES: readonly AttendanceOutcome[] = ['attended', 'client-no-show', 'therapist-unable'];

function outcomeLabel(outcome: AttendanceOutcome): string {
  switch (outcome) {
    case 'attended':
      return msg('The session took place', { id: 'rc.attendance.attended' });
    case 'client-no-show':
      return msg('The client did not attend', { id: 'rc.attendance.client-no-show' });
    default:
      return msg('I could not hold the session', { id: 'rc.attendance.therapist-unable' });
  }
}

/** What the form shows, and where what the therapist does goes. */
export interface AttendanceFormProps extends SessionFormProps {
  /** Why there is nothing to record (not started, cancelled, already recorded), if so. */
  readonly closed: string | undefined;
  readonly outcome: AttendanceOutcome | undefined;
  readonly refund: boolean;
  /** The refund is chosen and still on offer for the outcome: the note becomes a written reason. */
  readonly refunding: boolean;
  readonly note: string;
  readonly noteMinLength: number;
  readonly onOutcome: (outcome: AttendanceOutcome) => void;
  readonly onRefund: (refund: boolean) => void;
  readonly onNote: (note: string) => void;
}

/** What happened, the refund when the therapist could not hold it, what will happen, a note, and save. */
export function attendanceForm(p: AttendanceFormProps): TemplateResult {
  const { decision } = p;
  if (p.closed) return html`<p part="status">${p.closed}</p>`;
  if (p.mode === 'blocked') return decisionSection(decision.blocks.map((b) => effect(b.message, b.ruleIds, decision)));
  const offered = p.outcome === 'therapist-unable' && decision.refund;
  return html`
    <form part="form" @submit=${p.onSubmit} aria-busy=${p.busy ? 'true' : 'false'}>
      <fieldset part="outcome" ?disabled=${p.busy}>
        <legend>${msg('What happened?', { id: 'rc.attendance.legend' })}</legend>
        ${OUTCOMES.map(
          (outcome) => html`<label class="choice">
            <input type="radio" name="outcome" .value=${outcome} .checked=${p.outcome === outcome} @change=${() => p.onOutcome(outcome)} />
            ${outcomeLabel(outcome)}
          </label>`,
        )}
      </fieldset>
      ${
        offered
          ? html`<label part="refund">
            <input type="checkbox" .checked=${p.refund} ?disabled=${p.busy} @change=${(e: Event) => p.onRefund((e.target as HTMLInputElement).checked)} />
            ${msg(str`Refund ${formatMoney(decision.refund.amount, decision.refund.currency, p.locale)} to the client`, { id: 'rc.attendance.refund' })}
          </label>`
          : nothing
      }
      ${p.outcome ? attendanceDecision(p) : nothing}
      ${noteField({ note: p.note, minLength: p.refunding ? p.noteMinLength : 0, disabled: p.busy, onNote: p.onNote })}
      ${submitFooter({
        missing: p.missing,
        showMissing: p.missing.length > 0 && p.outcome !== undefined && (p.note.length > 0 || !p.refunding),
        busy: p.busy,
        teamRequest: false,
        label: msg('Save attendance', { id: 'rc.attendance.submit' }),
      })}
    </form>
  `;
}

function attendanceDecision({
  decision,
  clientName: name,
  locale,
  refunding,
  outcome,
}: AttendanceFormProps): TemplateResult {
  const { notify, warnings } = commonEffects(decision, name, locale);
  const refund = refunding ? decision.refund : null;
  return decisionSection([
    effect(outcomeRecorded(outcome), [], decision),
    // The host tells the client only about a refund: no message is promised without one.
    ...(refund ? notify : []),
    ...(refund
      ? [
          refundEffect(refund, name, locale, decision),
          ...decision.requirements.map((r) => effect(r.message, r.ruleIds, decision)),
        ]
      : []),
    ...warnings,
  ]);
}

/** Saved, and what happens to the refund if there is one. */
export function attendanceSuccess(
  { refund }: AttendanceSuccessDetail,
  locale: string,
  outcome: AttendanceOutcome | undefined,
  clientName: string,
  sent: readonly Notification[] | null | undefined,
): TemplateResult {
  return html`
    <h2 part="heading" tabindex="-1">${msg('Attendance saved', { id: 'rc.attendance.done' })}</h2>
    <div part="next" role="status">
      <p>${outcomeRecorded(outcome)}</p>
      ${refund === null ? nothing : html`<p>${refundNext(refund, locale)}</p>`}
      ${refund === null ? nothing : sentMessages(sent, clientName, locale)}
    </div>
  `;
}

/** What the host records for the outcome, in the therapist's words: only an attended session is "completed". */
function outcomeRecorded(outcome: AttendanceOutcome | undefined): string {
  switch (outcome) {
    case 'therapist-unable':
      return msg('The session is recorded as not held: you could not hold it.', {
        id: 'rc.attendance.recorded-unable',
      });
    case 'client-no-show':
      return msg('The session is recorded as missed: the client did not come.', {
        id: 'rc.attendance.recorded-no-show',
      });
    default:
      return msg('The session is marked as completed.', { id: 'rc.attendance.completed' });
  }
}
