import type { ResolutionErrorDetail, ResolutionSubmitDetail, ResolutionSuccessDetail } from './team-queue-details.js';
import { RaincheckEvent } from './raincheck-event.js';

// The events of <rc-team-queue>, one class each, with literal names.

/** Fired before each resolution is sent; cancelable: `preventDefault()` stops it. */
export class ResolutionSubmitEvent extends RaincheckEvent<ResolutionSubmitDetail> {
  static readonly eventName = 'rc-resolution-submit';
  constructor(detail: ResolutionSubmitDetail) {
    super(ResolutionSubmitEvent.eventName, detail, { cancelable: true });
  }
}

/** Fired once the host has resolved the request. */
export class ResolutionSuccessEvent extends RaincheckEvent<ResolutionSuccessDetail> {
  static readonly eventName = 'rc-resolution-success';
  constructor(detail: ResolutionSuccessDetail) {
    super(ResolutionSuccessEvent.eventName, detail);
  }
}

/** Fired when sending a resolution failed; what was chosen is kept. */
export class ResolutionErrorEvent extends RaincheckEvent<ResolutionErrorDetail> {
  static readonly eventName = 'rc-resolution-error';
  constructor(detail: ResolutionErrorDetail) {
    super(ResolutionErrorEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'rc-resolution-submit': ResolutionSubmitEvent;
    'rc-resolution-success': ResolutionSuccessEvent;
    'rc-resolution-error': ResolutionErrorEvent;
  }
}
