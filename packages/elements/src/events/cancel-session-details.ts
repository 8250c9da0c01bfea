import type { DecisionShown, EndpointResponse } from '@raincheck/host-api/client';
import type { Reason } from '@raincheck/policy';
import type { WidgetErrorDetail } from '../internal/failure.js';

// What the events of <rc-cancel-session> carry.

/** `rc-cancel-submit`: cancelable, fired before the write. `preventDefault()` stops it. */
export interface CancelSubmitDetail {
  readonly sessionId: string;
  readonly reason: Reason;
  readonly note: string;
  readonly alternativeSlotIds: readonly string[];
  readonly refundOffered: boolean;
  /** `cancel` for a self-serve cancellation; `team-request` when the session has started. */
  readonly kind: 'cancel' | 'team-request';
  readonly decision: DecisionShown;
}

/** `rc-cancel-success`: the host's answer. */
export type CancelSuccessDetail =
  | { readonly kind: 'cancel'; readonly result: EndpointResponse<'cancelSession'> }
  | { readonly kind: 'team-request'; readonly result: EndpointResponse<'createTeamRequest'> };

/** `rc-cancel-error`: what went wrong; everything entered is kept. */
export type CancelErrorDetail = WidgetErrorDetail;
