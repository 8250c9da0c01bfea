import type { Decision, Facts } from '@raincheck/policy';
import { RaincheckEvent } from './raincheck-event.js';

/** `rc-decision`: the policy decided again (the page loaded, the person typed, the rules changed). */
export interface DecisionDetail {
  /** The decision, with every rule's explanation. */
  readonly decision: Decision;
  /** The facts it was made from. */
  readonly facts: Facts;
}

/** `rc-decision`: fired by every widget that decides, each time the policy decides again. */
export class DecisionEvent extends RaincheckEvent<DecisionDetail> {
  static readonly eventName = 'rc-decision';
  constructor(detail: DecisionDetail) {
    super(DecisionEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'rc-decision': DecisionEvent;
  }
}
