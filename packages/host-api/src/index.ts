/**
 * @raincheck/host-api — the contract between the Raincheck widgets and the partner's backend:
 * zod schemas for every request and response, a typed fetch client, and the OpenAPI document.
 * @packageDocumentation
 */
export { createHostClient } from './client.js';
export type { HostClient, HostClientOptions } from './client.js';
export { ENDPOINTS, fillPath } from './endpoints.js';
export type { EndpointDefinition, EndpointId, EndpointRequest, EndpointResponse } from './endpoints.js';
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
} from './errors.js';
export { newIdempotencyKey } from './idempotency-key.js';
export * from './schemas.js';
