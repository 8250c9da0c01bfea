import type { CancelSubmitDetail, CancelSuccessDetail, CancelErrorDetail } from './cancel-session-details.js';
import { RaincheckEvent } from './raincheck-event.js';

// The events of <rc-cancel-session>, one class each, with literal names.

/** `rc-cancel-submit`: cancelable, fired before the cancellation is written. `preventDefault()` stops it. */
export class CancelSubmitEvent extends RaincheckEvent<CancelSubmitDetail> {
  static readonly eventName = 'rc-cancel-submit';
  constructor(detail: CancelSubmitDetail) {
    super(CancelSubmitEvent.eventName, detail, { cancelable: true });
  }
}

/** `rc-cancel-success`: the host took the cancellation; `detail` is its answer. */
export class CancelSuccessEvent extends RaincheckEvent<CancelSuccessDetail> {
  static readonly eventName = 'rc-cancel-success';
  constructor(detail: CancelSuccessDetail) {
    super(CancelSuccessEvent.eventName, detail);
  }
}

/** `rc-cancel-error`: writing failed; everything entered is kept. */
export class CancelErrorEvent extends RaincheckEvent<CancelErrorDetail> {
  static readonly eventName = 'rc-cancel-error';
  constructor(detail: CancelErrorDetail) {
    super(CancelErrorEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'rc-cancel-submit': CancelSubmitEvent;
    'rc-cancel-success': CancelSuccessEvent;
    'rc-cancel-error': CancelErrorEvent;
  }
}
