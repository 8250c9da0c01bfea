import { defineOnce } from '../internal/define.js';
import { RcRescheduleSession } from './reschedule-session.js';

defineOnce('rc-reschedule-session', RcRescheduleSession);

declare global {
  interface HTMLElementTagNameMap {
    'rc-reschedule-session': RcRescheduleSession;
  }
  interface HTMLElementEventMap {
    'rc-reschedule-submit': CustomEvent<import('./reschedule-session.js').RescheduleSubmitDetail>;
    'rc-reschedule-success': CustomEvent<import('./reschedule-session.js').RescheduleSuccessDetail>;
    'rc-reschedule-error': CustomEvent<import('./reschedule-session.js').RescheduleErrorDetail>;
  }
}
