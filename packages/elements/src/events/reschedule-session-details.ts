import type { DecisionShown, EndpointResponse } from '@raincheck/host-api/client';
import type { Reason } from '@raincheck/policy';
import type { WidgetErrorDetail } from '../internal/failure.js';

// What the events of <rc-reschedule-session> carry.

/** `rc-reschedule-submit`: cancelable, fired before the write. `preventDefault()` stops it. */
export interface RescheduleSubmitDetail {
  readonly sessionId: string;
  /** `reschedule` to move the session; `team-request` when it has started. */
  readonly kind: 'reschedule' | 'team-request';
  readonly slotId: string | null;
  readonly reason: Reason | null;
  readonly note: string;
  readonly decision: DecisionShown;
}

/** `rc-reschedule-success`: the host's answer. */
export type RescheduleSuccessDetail =
  | { readonly kind: 'reschedule'; readonly result: EndpointResponse<'rescheduleSession'> }
  | { readonly kind: 'team-request'; readonly result: EndpointResponse<'createTeamRequest'> };

/** `rc-reschedule-error`: what went wrong; everything entered is kept. */
export type RescheduleErrorDetail = WidgetErrorDetail;
