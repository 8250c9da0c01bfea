import { defineOnce } from '../internal/define.js';
import { RcRescheduleSession } from './reschedule-session.js';

defineOnce('rc-reschedule-session', RcRescheduleSession);
