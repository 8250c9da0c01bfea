import type { EndpointResponse } from '@raincheck/host-api/client';
import type { WidgetErrorDetail } from '../internal/failure.js';

// What the events of <rc-client-response> carry.

/** `rc-response-submit`: cancelable, fired before the answer is sent. `preventDefault()` stops it. */
export interface ResponseSubmitDetail {
  readonly token: string;
  readonly choice: 'alternative' | 'refund';
  /** The chosen time, when the choice is `alternative`. */
  readonly slotId?: string;
}

/** `rc-response-success`: the answered offer, and the refund when the client chose it. */
export type ResponseSuccessDetail = EndpointResponse<'answerOffer'>;

/** `rc-response-error`: what went wrong; the client's choice is kept. */
export type ResponseErrorDetail = WidgetErrorDetail;
