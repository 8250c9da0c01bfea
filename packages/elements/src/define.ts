// Registers every Raincheck element (safe to import twice, or from two copies of the SDK). Each
// registration file makes its own define calls, so bundlers never find them in a shared chunk.
import { RcCancelSession } from './cancel-session/cancel-session.js';
import { defineOnce } from './internal/define.js';
import { RcProvider } from './provider/provider.js';
import { RcRefundRequest } from './refund-request/refund-request.js';
import { RcRescheduleSession } from './reschedule-session/reschedule-session.js';

defineOnce('rc-provider', RcProvider);
defineOnce('rc-cancel-session', RcCancelSession);
defineOnce('rc-reschedule-session', RcRescheduleSession);
defineOnce('rc-refund-request', RcRefundRequest);
