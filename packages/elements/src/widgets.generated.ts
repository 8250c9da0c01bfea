// Generated from src/registry.ts by the build (build/widget-entries.ts): do not edit.
export * from './cancel-session/cancel-session.js';
export * from './reschedule-session/reschedule-session.js';
export * from './refund-request/refund-request.js';
export * from './attendance-update/attendance-update.js';
export * from './client-response/client-response.js';
export * from './availability/availability.js';
export * from './cancellation-standing/cancellation-standing.js';
export * from './team-queue/team-queue.js';
