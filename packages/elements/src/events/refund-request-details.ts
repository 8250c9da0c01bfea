import type { DecisionShown, EndpointResponse } from '@raincheck/host-api/client';
import type { WidgetErrorDetail } from '../internal/failure.js';

// What the events of <rc-refund-request> carry.

/** `rc-refund-submit`: cancelable, fired before the write. `preventDefault()` stops it. */
export interface RefundSubmitDetail {
  readonly sessionId: string;
  readonly note: string;
  /** In minor units of `currency`. */
  readonly amount: number;
  readonly currency: string;
  /** `self-serve`: issued at once; `team-review`: the platform team confirms it first. */
  readonly mode: 'self-serve' | 'team-review';
  readonly decision: DecisionShown;
}

/** `rc-refund-success`: the host's answer (the refund, and the team request when it is reviewed). */
export type RefundSuccessDetail = EndpointResponse<'refundSession'>;

/** `rc-refund-error`: what went wrong; everything entered is kept. */
export type RefundErrorDetail = WidgetErrorDetail;
