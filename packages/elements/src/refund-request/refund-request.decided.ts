import type { Notification, Refund, Session } from '@raincheck/host-api/client';
import { sentMessages, readSentMessages } from '../internal/sent-messages.js';
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import {
  decisionSection,
  effect,
  noteField,
  refundEffect,
  refundNext,
  submitFooter,
} from '../internal/form-templates.js';
import { getSessionRoute } from '@raincheck/host-api/client';
import { refundSessionRoute } from '@raincheck/host-api/client/writes';
import { type SessionFlow, type SessionFormProps, rereadSession, sessionFormBasics } from '../internal/session-form.js';
import { noteMinLength, noteShortfall, shownDecision } from '../internal/policy-decision.decided.js';
import { RefundErrorEvent, RefundSubmitEvent, RefundSuccessEvent } from '../events/refund-request-events.js';
import type { RefundSubmitDetail } from '../events/refund-request-details.js';
import type { WidgetErrorDetail } from '../internal/flow-element.js';
import type { RefundSuccessDetail } from './refund-request.js';
import { refundFate, refundHeading } from '../internal/refund-next.js';
import { frame } from '../internal/frame.js';
import { sessionSummary } from '../internal/templates.js';

// What <rc-refund-request> shows once the policy has decided, loaded with the engine.
export { policyFromRules } from '../internal/policy-from-rules.decided.js';
export { decideOnce, rulesPolicy, settleViews } from '../internal/policy-decision.decided.js';
// The write controller comes with the views: a write follows the decision (FlowElement.importWriter).
export { startWriter } from '../controllers/write-once.js';
export { wordFailure } from '../internal/failure-wording.decided.js';
export { decidedStyles } from '../styles/decided.styles.js';
// The write routes come with the write controller: their schemas stay out of the first load.
export { refundSessionRoute } from '@raincheck/host-api/client/writes';

/** The widget's fields its decided form and its write read and change. */
export interface RefundFields {
  readonly note: string;
  readonly result: RefundSuccessDetail | undefined;
  readonly failure: WidgetErrorDetail | undefined;
}

/** What <rc-refund-request> gives its decided form and its write. */
export type RefundFlow = SessionFlow<RefundFields>;

/** Refunds the session: the submit event first (cancelable), then success or error. */
export async function refundSubmit(flow: RefundFlow, event: Event): Promise<void> {
  event.preventDefault();
  const f = flow.now();
  const session = flow.subject.session;
  const { decision, mode } = flow.policy;
  if (!session || !decision?.refund || mode === 'blocked' || noteShortfall(decision, f.note).length > 0) return;
  const shown = shownDecision(decision);
  const detail: RefundSubmitDetail = {
    sessionId: session.id,
    note: f.note,
    amount: decision.refund.amount,
    currency: decision.refund.currency,
    mode: decision.refund.mode === 'team-review' ? 'team-review' : 'self-serve',
    decision: shown,
  };
  const body = { ...(f.note ? { note: f.note } : {}), decision: shown };
  await flow.write({
    submit: new RefundSubmitEvent(detail),
    scope: session.id,
    send: async (keyFor) => {
      const result = await asNow(
        flow,
        await f.host.send(refundSessionRoute, {
          sessionId: session.id,
          version: session.version,
          idempotencyKey: keyFor('', body),
          body,
        }),
        session.id,
      );
      flow.set({ result });
      return result;
    },
    succeeded: (result) => new RefundSuccessEvent(result),
    failed: (failure) => new RefundErrorEvent(failure),
  });
  // Refused for good (a refund already exists, from another tab, say): show that refund's fate, not the form again.
  const { state, failure } = flow.now();
  if (state === 'error' && failure && !failure.retryable)
    await rereadSession(flow.subject, session.id).catch(() => undefined);
}

/**
 * The write's answer with the refund as the host has it now: the provider may have carried it out
 * since the answer said `pending`. A failed read keeps the answer: the refund itself was taken.
 */
async function asNow(flow: RefundFlow, answer: RefundSuccessDetail, sessionId: string): Promise<RefundSuccessDetail> {
  try {
    const { refund } = (await flow.now().host.send(getSessionRoute, { sessionId })).session;
    await readSentMessages(flow.sent, sessionId, ['refund-issued', 'refund-declined']);
    return refund?.id === answer.refund.id ? { ...answer, refund } : answer;
  } catch {
    return answer;
  }
}

/** The form, once the policy has decided, with what the therapist has entered. */
export function refundFormOf(flow: RefundFlow): TemplateResult {
  const f = flow.now();
  const { policy } = flow;
  return refundForm({
    ...sessionFormBasics(flow, f),
    missing: noteShortfall(policy.decision, f.note),
    onSubmit: (event) => void refundSubmit(flow, event),
    note: f.note,
    noteMinLength: noteMinLength(policy.decision),
    onNote: (note) => policy.input(() => flow.set({ note })),
  });
}

/** The success view for the write's result. */
export function refundDoneOf(flow: RefundFlow, result: RefundSuccessDetail): TemplateResult {
  return refundSuccess(result, flow.now().locale, flow.subject.session?.client.displayName ?? '', flow.sent.record);
}

/** What the form shows, and where what the therapist does goes. */
export interface RefundFormProps extends SessionFormProps {
  readonly note: string;
  readonly noteMinLength: number;
  readonly onNote: (note: string) => void;
}

/** The refund the policy allows and why, a note, and confirm; or why there is none. */
export function refundForm(p: RefundFormProps): TemplateResult {
  const { decision } = p;
  if (p.mode === 'blocked' || !decision.refund) {
    const reasons = decision.blocks.length
      ? decision.blocks.map((b) => effect(b.message, b.ruleIds, decision))
      : [effect(msg('The policy offers no refund for this session.', { id: 'rc.refund.none' }), [], decision)];
    return decisionSection(reasons);
  }
  const review = decision.refund.mode === 'team-review';
  return html`
    <form part="form" @submit=${p.onSubmit} aria-busy=${p.busy ? 'true' : 'false'}>
      ${decisionSection([
        refundEffect(decision.refund, p.clientName, p.locale, decision),
        ...decision.requirements.map((r) => effect(r.message, r.ruleIds, decision)),
      ])}
      ${noteField({ note: p.note, minLength: p.noteMinLength, disabled: p.busy, onNote: p.onNote })}
      ${submitFooter({
        missing: p.missing,
        showMissing: p.missing.length > 0 && p.note.length > 0,
        busy: p.busy,
        teamRequest: false,
        label: review
          ? msg('Send for team review', { id: 'rc.refund.submit-review' })
          : msg('Issue refund', { id: 'rc.refund.submit' }),
      })}
    </form>
  `;
}

/** Issued, or with the team for review, and what happens next. */
export function refundSuccess(
  { refund }: RefundSuccessDetail,
  locale: string,
  clientName: string,
  sent: readonly Notification[] | null | undefined,
): TemplateResult {
  // On its way, issued or failed read as an existing refund's heading does.
  const heading =
    refund.status === 'pending-review'
      ? msg('Sent for team review', { id: 'rc.refund.done-review' })
      : refundHeading(refund.status);
  return html`
    <h2 part="heading" tabindex="-1">${heading}</h2>
    <div part="next" role="status">
      <p>${refundNext(refund, locale)}</p>
      ${refund.status === 'pending-review' ? nothing : sentMessages(sent, clientName, locale)}
    </div>
  `;
}

/** The session's refund as the host has it: on its way, issued, failed, waiting for the team, or declined by it. */
export function existingRefund(
  session: Session,
  refund: Refund,
  locale: string,
  failure: WidgetErrorDetail | undefined,
): TemplateResult {
  // The frame, as the form has it: the heading, the session, a failure (no "Try again": there is nothing to retry), the refund.
  return frame({
    heading: refundHeading(refund.status),
    status: undefined,
    summary: sessionSummary(session, locale),
    failure,
    body: html`<div part="refund-status" role="status">
      <p>${refundFate(refund, locale)}</p>
      ${
        refund.reviewNote
          ? html`<p part="review-note"><span part="review-note-label">${msg('The team’s note:', { id: 'rc.refund.review-note' })}</span> ${refund.reviewNote}</p>`
          : nothing
      }
    </div>`,
  });
}
