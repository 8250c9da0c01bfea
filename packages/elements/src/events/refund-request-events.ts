import type { RefundSubmitDetail, RefundSuccessDetail, RefundErrorDetail } from './refund-request-details.js';
import { RaincheckEvent } from './raincheck-event.js';

// The events of <rc-refund-request>, one class each, with literal names.

/** `rc-refund-submit`: cancelable, fired before the refund is written. `preventDefault()` stops it. */
export class RefundSubmitEvent extends RaincheckEvent<RefundSubmitDetail> {
  static readonly eventName = 'rc-refund-submit';
  constructor(detail: RefundSubmitDetail) {
    super(RefundSubmitEvent.eventName, detail, { cancelable: true });
  }
}

/** `rc-refund-success`: the host took the refund; `detail` is its answer. */
export class RefundSuccessEvent extends RaincheckEvent<RefundSuccessDetail> {
  static readonly eventName = 'rc-refund-success';
  constructor(detail: RefundSuccessDetail) {
    super(RefundSuccessEvent.eventName, detail);
  }
}

/** `rc-refund-error`: writing failed; everything entered is kept. */
export class RefundErrorEvent extends RaincheckEvent<RefundErrorDetail> {
  static readonly eventName = 'rc-refund-error';
  constructor(detail: RefundErrorDetail) {
    super(RefundErrorEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'rc-refund-submit': RefundSubmitEvent;
    'rc-refund-success': RefundSuccessEvent;
    'rc-refund-error': RefundErrorEvent;
  }
}
