import { defineOnce } from '../internal/define.js';
import { RcCancelSession } from './cancel-session.js';

defineOnce('rc-cancel-session', RcCancelSession);
