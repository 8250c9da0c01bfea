import type { ResponseSubmitDetail, ResponseSuccessDetail, ResponseErrorDetail } from './client-response-details.js';
import { RaincheckEvent } from './raincheck-event.js';

// The events of <rc-client-response>, one class each, with literal names.

/** `rc-response-submit`: cancelable, fired before the client's answer is written. `preventDefault()` stops it. */
export class ResponseSubmitEvent extends RaincheckEvent<ResponseSubmitDetail> {
  static readonly eventName = 'rc-response-submit';
  constructor(detail: ResponseSubmitDetail) {
    super(ResponseSubmitEvent.eventName, detail, { cancelable: true });
  }
}

/** `rc-response-success`: the host took the client's answer; `detail` is its answer. */
export class ResponseSuccessEvent extends RaincheckEvent<ResponseSuccessDetail> {
  static readonly eventName = 'rc-response-success';
  constructor(detail: ResponseSuccessDetail) {
    super(ResponseSuccessEvent.eventName, detail);
  }
}

/** `rc-response-error`: writing failed; everything entered is kept. */
export class ResponseErrorEvent extends RaincheckEvent<ResponseErrorDetail> {
  static readonly eventName = 'rc-response-error';
  constructor(detail: ResponseErrorDetail) {
    super(ResponseErrorEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'rc-response-submit': ResponseSubmitEvent;
    'rc-response-success': ResponseSuccessEvent;
    'rc-response-error': ResponseErrorEvent;
  }
}
