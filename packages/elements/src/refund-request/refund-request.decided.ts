import type { Notification } from '@raincheck/host-api/client';
import { sentMessages } from '../internal/sent-messages.js';
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
import type { SessionFormProps } from '../internal/session-form.js';
import type { RefundSuccessDetail } from './refund-request.js';

// What <rc-refund-request> shows once the policy has decided, loaded with the engine.
export { policyFromRules } from '../internal/policy-from-rules.decided.js';
export { warmFormatters } from '../internal/warm-formatters.decided.js';
// The write controller comes with the views: a write follows the decision (FlowElement.importWriter).
export { WriteController } from '../controllers/write-once.js';
export { wordFailure } from '../internal/failure-wording.decided.js';
export { formStyles } from '../styles/form.styles.js';
// The write routes come with the write controller: their schemas stay out of the first load.
export { refundSessionRoute } from '@raincheck/host-api/client/writes';

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
  const heading =
    refund.status === 'pending-review'
      ? msg('Sent for team review', { id: 'rc.refund.done-review' })
      : refund.status === 'pending'
        ? msg('Refund on its way', { id: 'rc.refund.on-its-way' })
        : refund.status === 'failed'
          ? msg('The refund could not be issued; the platform team is on it', { id: 'rc.refund.failed' })
          : msg('Refund issued', { id: 'rc.refund.done' });
  return html`
    <h2 part="heading" tabindex="-1">${heading}</h2>
    <div part="next" role="status">
      <p>${refundNext(refund, locale)}</p>
      ${refund.status === 'pending-review' ? nothing : sentMessages(sent, clientName, locale)}
    </div>
  `;
}
