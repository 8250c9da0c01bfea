import type { Notification } from '@raincheck/host-api/client';
import { sentMessages } from '../internal/sent-messages.js';
import { msg, str } from '@lit/localize';
import type { Slot } from '@raincheck/host-api/client';
import type { Reason } from '@raincheck/policy';
import { html, type TemplateResult } from 'lit';
import { formatDateTime } from '../format/formatters.js';
import {
  blockedNotice,
  commonEffects,
  decisionSection,
  effect,
  reasonFields,
  submitFooter,
  teamRequestSent,
} from '../internal/form-templates.js';
import type { SessionFormProps } from '../internal/session-form.js';
import { compactSlotPicker } from '../internal/slot-picker.decided.js';
import type { RescheduleSuccessDetail } from './reschedule-session.js';

// What <rc-reschedule-session> shows once the policy has decided, loaded with the engine.
export { policyFromRules } from '../internal/policy-from-rules.decided.js';
export { warmFormatters } from '../internal/warm-formatters.decided.js';

/** What the form shows, and where what the therapist does goes. */
export interface RescheduleFormProps extends SessionFormProps {
  readonly slots: readonly Slot[];
  /** When the session starts: the times nearest it are suggested first. */
  readonly sessionStartsAt: string | undefined;
  /** The week of open times shown, and a move to another. */
  readonly slotWeek: number;
  readonly onSlotWeek: (week: number) => void;
  readonly slotId: string | undefined;
  readonly reason: Reason | undefined;
  readonly note: string;
  readonly noteMinLength: number;
  readonly onSlot: (slotId: string | undefined) => void;
  readonly onReason: (reason: Reason) => void;
  readonly onNote: (note: string) => void;
}

/** What will happen, then a new time (or, for a started session, the reason for the team), and confirm. */
export function rescheduleForm(p: RescheduleFormProps): TemplateResult {
  const { decision } = p;
  if (p.mode === 'blocked') return blockedNotice(decision);
  const showMissing = p.missing.length > 0 && (p.slotId !== undefined || p.reason !== undefined);
  const { notify, warnings } = commonEffects(decision, p.clientName, p.locale, p.mode === 'team-request');
  const team = p.mode === 'team-request' ? decision.team.map((t) => effect(t.message, t.ruleIds, decision)) : [];
  const requirements = decision.requirements.map((r) => effect(r.message, r.ruleIds, decision));
  return html`
    <form part="form" @submit=${p.onSubmit} aria-busy=${p.busy ? 'true' : 'false'}>
      ${decisionSection([...notify, ...team, ...requirements, ...warnings])}
      ${
        p.mode === 'self-serve'
          ? compactSlotPicker({
              slots: p.slots,
              around: p.sessionStartsAt,
              week: p.slotWeek,
              onWeek: p.onSlotWeek,
              withinDays: 28,
              locale: p.locale,
              multiple: false,
              selected: new Set(p.slotId ? [p.slotId] : []),
              legend: msg('New time', { id: 'rc.reschedule.legend' }),
              disabled: p.busy,
              onChange: (slotId, selected) => p.onSlot(selected ? slotId : undefined),
            })
          : reasonFields({
              reason: p.reason,
              note: p.note,
              noteMinLength: p.noteMinLength,
              disabled: p.busy,
              onReason: p.onReason,
              onNote: p.onNote,
            })
      }
      ${submitFooter({ missing: p.missing, showMissing, busy: p.busy, teamRequest: p.mode === 'team-request', label: msg('Move session', { id: 'rc.reschedule.submit' }) })}
    </form>
  `;
}

/** Moved, and the client is told the new time; or sent to the team. */
export function rescheduleSuccess(
  result: RescheduleSuccessDetail,
  clientName: string,
  locale: string,
  sent: readonly Notification[] | null | undefined,
): TemplateResult {
  if (result.kind === 'team-request') return teamRequestSent();
  return html`
    <h2 part="heading" tabindex="-1">${msg('Session moved', { id: 'rc.reschedule.done' })}</h2>
    <div part="next" role="status">
      <p>${msg(str`The session is now on ${formatDateTime(result.result.session.startsAt, locale)}.`, { id: 'rc.reschedule.next-time' })}</p>
      ${sentMessages(sent, clientName, locale)}
    </div>
  `;
}
