import type { Notification } from '@raincheck/host-api/client';
import { sentMessages, readSentMessages } from '../internal/sent-messages.js';
import { msg, str } from '@lit/localize';
import type { AttendanceOutcome } from '@raincheck/policy';
import { html, nothing, type TemplateResult } from 'lit';
import { formatMoney } from '../format/money.js';
import {
  commonEffects,
  decisionSection,
  effect,
  noteField,
  refundEffect,
  refundNext,
  submitFooter,
} from '../internal/form-templates.js';
import { getSessionRoute, type Refund } from '@raincheck/host-api/client';
import { updateAttendanceRoute } from '@raincheck/host-api/client/writes';
import { type SessionFlow, type SessionFormProps, sessionFormBasics } from '../internal/session-form.js';
import { noteMinLength, noteShortfall, shownDecision } from '../internal/policy-decision.decided.js';
import {
  AttendanceErrorEvent,
  AttendanceSubmitEvent,
  AttendanceSuccessEvent,
} from '../events/attendance-update-events.js';
import type { AttendanceSubmitDetail } from '../events/attendance-update-details.js';
import type { AttendanceSuccessDetail } from './attendance-update.js';

// What <rc-attendance-update> shows once the policy has decided, loaded with the engine.
export { policyFromRules } from '../internal/policy-from-rules.decided.js';
export { decideOnce, rulesPolicy, settleViews } from '../internal/policy-decision.decided.js';
// The write controller comes with the views: a write follows the decision (FlowElement.importWriter).
export { startWriter } from '../controllers/write-once.js';
export { wordFailure } from '../internal/failure-wording.decided.js';
export { decidedStyles } from '../styles/decided.styles.js';
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

/** The widget's fields its decided form and its write read and change. */
export interface AttendanceFields {
  readonly outcome: AttendanceOutcome | undefined;
  readonly refund: boolean;
  readonly note: string;
  readonly result: AttendanceSuccessDetail | undefined;
}

/** What <rc-attendance-update> gives its decided form and its write. */
export type AttendanceFlow = SessionFlow<AttendanceFields>;

/** The refund is chosen, and still on offer for the chosen outcome. */
const refunding = (f: AttendanceFields): boolean => f.refund && f.outcome === 'therapist-unable';

/** Why the attendance cannot be recorded here at all (not started, cancelled, already recorded). */
function closed({ subject }: AttendanceFlow): string | undefined {
  const session = subject.session;
  if (!session) return undefined;
  if (session.status === 'cancelled')
    return msg('This session was cancelled, so there is no attendance to record.', { id: 'rc.attendance.cancelled' });
  if (session.status === 'completed')
    return msg('The attendance of this session has already been recorded.', { id: 'rc.attendance.recorded' });
  if (Date.parse(session.startsAt) > Date.now())
    return msg('You can update the attendance once the session has started.', { id: 'rc.attendance.not-started' });
  return undefined;
}

function missing(flow: AttendanceFlow, f: AttendanceFields): string[] {
  return [
    ...(f.outcome ? [] : [msg('Choose what happened.', { id: 'rc.attendance.missing-outcome' })]),
    ...(refunding(f) ? noteShortfall(flow.policy.decision, f.note) : []),
  ];
}

/** Records the attendance: the submit event first (cancelable), then success or error. */
export async function attendanceSubmit(flow: AttendanceFlow, event: Event): Promise<void> {
  event.preventDefault();
  const f = flow.now();
  const session = flow.subject.session;
  const { decision, mode } = flow.policy;
  const outcome = f.outcome;
  if (!session || !decision || !outcome || mode === 'blocked' || closed(flow) || missing(flow, f).length > 0) return;
  const refund = refunding(f) && decision.refund !== null;
  const shown = shownDecision(decision);
  const detail: AttendanceSubmitDetail = {
    sessionId: session.id,
    outcome,
    refund,
    ...(refund
      ? { refundMode: decision.refund.mode === 'team-review' ? ('team-review' as const) : ('self-serve' as const) }
      : {}),
    note: f.note,
    decision: shown,
  };
  const body = { outcome, refund, ...(f.note ? { note: f.note } : {}), decision: shown };
  await flow.write({
    submit: new AttendanceSubmitEvent(detail),
    scope: session.id,
    send: async (keyFor) => {
      const answer = await f.host.send(updateAttendanceRoute, {
        sessionId: session.id,
        version: session.version,
        idempotencyKey: keyFor('', body),
        body,
      });
      const result = answer.refund ? { ...answer, refund: await refundNow(flow, answer.refund, session.id) } : answer;
      flow.set({ result });
      if (answer.refund) await readSentMessages(flow.sent, session.id, ['refund-issued', 'refund-declined']);
      return result;
    },
    succeeded: (result) => new AttendanceSuccessEvent(result),
    failed: (failure) => new AttendanceErrorEvent(failure),
  });
}

/** The refund as the host has it now: its provider may have carried it out since the answer said `pending`. */
async function refundNow(flow: AttendanceFlow, refund: Refund, sessionId: string): Promise<Refund> {
  try {
    const latest = (await flow.now().host.send(getSessionRoute, { sessionId })).session.refund;
    return latest?.id === refund.id ? latest : refund;
  } catch {
    return refund;
  }
}

/** The form, once the policy has decided, with what the therapist has entered. */
export function attendanceFormOf(flow: AttendanceFlow): TemplateResult {
  const f = flow.now();
  const { policy } = flow;
  return attendanceForm({
    ...sessionFormBasics(flow, f),
    missing: missing(flow, f),
    onSubmit: (event) => void attendanceSubmit(flow, event),
    closed: closed(flow),
    outcome: f.outcome,
    refund: f.refund,
    refunding: refunding(f),
    note: f.note,
    noteMinLength: noteMinLength(policy.decision),
    onOutcome: (outcome) => policy.input(() => flow.set({ outcome })),
    onRefund: (refund) => policy.input(() => flow.set({ refund })),
    onNote: (note) => policy.input(() => flow.set({ note })),
  });
}

/** The success view for the write's result. */
export function attendanceDoneOf(flow: AttendanceFlow, result: AttendanceSuccessDetail): TemplateResult {
  return attendanceSuccess(
    result,
    flow.now().locale,
    flow.now().outcome,
    flow.subject.session?.client.displayName ?? '',
    flow.sent.record,
  );
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
