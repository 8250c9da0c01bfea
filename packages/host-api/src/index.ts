/**
 * @raincheck/host-api — the contract between the Raincheck widgets and the partner's backend:
 * zod schemas for every request and response, the endpoint table, and the typed fetch client.
 * Browsers load `@raincheck/host-api/client`, the same client without zod.
 * @packageDocumentation
 */
export * from './client-entry.js';
export { ENDPOINTS } from './endpoints.js';
export type { EndpointDefinition } from './endpoints.js';
export * from './schemas.js';
