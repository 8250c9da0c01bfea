import { defineOnce } from '../internal/define.js';
import { RcCancelSession } from './cancel-session.js';

defineOnce('rc-cancel-session', RcCancelSession);

declare global {
  interface HTMLElementTagNameMap {
    'rc-cancel-session': RcCancelSession;
  }
  interface HTMLElementEventMap {
    'rc-cancel-submit': CustomEvent<import('./cancel-session.js').CancelSubmitDetail>;
    'rc-cancel-success': CustomEvent<import('./cancel-session.js').CancelSuccessDetail>;
    'rc-cancel-error': CustomEvent<import('./cancel-session.js').CancelErrorDetail>;
  }
}
