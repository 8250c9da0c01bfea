/**
 * @raincheck/host-api/client — the typed fetch client and its errors, without zod: what a browser
 * page loads. It checks requests and responses with the contract's schemas compiled at build time,
 * which judge exactly as the zod schemas in the main entry do.
 * @packageDocumentation
 */
export { createHostClient, createHostTransport } from './client.js';
export type { HostClient, HostClientOptions, HostTransport } from './client.js';
export type { CompiledRoute } from './compiled-route.js';
export {
  getSessionRoute,
  listSlotsRoute,
  getPolicyFactsRoute,
  getRulesRoute,
  getOfferRoute,
  getTherapistRoute,
  listSessionsRoute,
  listTeamRequestsRoute,
} from './contract.generated.js';
// The writes' routes and the later reads, also on their own (`@raincheck/host-api/client/writes`)
// for a page's decided phase.
export * from './client-writes.js';
export type { EndpointId, EndpointRequest, EndpointResponse } from './endpoints.js';
export { fillPath } from './fill-path.js';
export { readBodyText } from './read-body.js';
export { checkedTimeoutMs, DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS } from './timeout.js';
export {
  HostApiError,
  NetworkError,
  TimeoutError,
  ContractError,
  HostResponseError,
  ConflictError,
  PreconditionFailedError,
  PreconditionRequiredError,
  ServerError,
  UnauthorizedError,
  ForbiddenError,
} from './errors.js';
export { newIdempotencyKey } from './idempotency-key.js';
export type {
  Slot,
  Session,
  DecisionShown,
  DecisionRecord,
  Refund,
  TeamRequest,
  TeamRequestKind,
  TeamRequestDetail,
  TeamResolution,
  TeamResolutionAction,
  Offer,
  Notification,
  DeliveryStatus,
  Therapist,
  Absence,
  ErrorBody,
} from './schemas.js';
export { ROLES, type Role } from './roles.js';
export {
  RESOLUTIONS_BY_KIND,
  TEAM_REQUEST_KINDS,
  TEAM_REQUEST_KINDS_RAISED_BY_HOST,
  TEAM_REQUEST_KINDS_RAISED_BY_PEOPLE,
  TEAM_RESOLUTIONS,
} from './team-resolutions.js';
