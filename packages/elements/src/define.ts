// Generated from src/registry.ts by the build (build/widget-entries.ts): do not edit.
// Registers every Raincheck element (safe to import twice, or from two copies of the SDK). Each
// registration file makes its own define calls, so bundlers never find them in a shared chunk.
import { defineOnce } from './internal/define.js';
import { RcProvider } from './provider/provider.js';
import { RcCancelSession } from './cancel-session/cancel-session.js';
import { RcRescheduleSession } from './reschedule-session/reschedule-session.js';
import { RcRefundRequest } from './refund-request/refund-request.js';
import { RcAttendanceUpdate } from './attendance-update/attendance-update.js';
import { RcClientResponse } from './client-response/client-response.js';
import { RcAvailability } from './availability/availability.js';
import { RcCancellationStanding } from './cancellation-standing/cancellation-standing.js';
import { RcTeamQueue } from './team-queue/team-queue.js';

defineOnce('rc-provider', RcProvider);
defineOnce('rc-cancel-session', RcCancelSession);
defineOnce('rc-reschedule-session', RcRescheduleSession);
defineOnce('rc-refund-request', RcRefundRequest);
defineOnce('rc-attendance-update', RcAttendanceUpdate);
defineOnce('rc-client-response', RcClientResponse);
defineOnce('rc-availability', RcAvailability);
defineOnce('rc-cancellation-standing', RcCancellationStanding);
defineOnce('rc-team-queue', RcTeamQueue);
