/**
 * @raincheck/host-api/openapi — generates the OpenAPI 3.1 document (kept out of the main entry,
 * which browsers load). The committed copy is `openapi.json` in this package.
 * @packageDocumentation
 */
export { openApiDocument } from './openapi.js';
