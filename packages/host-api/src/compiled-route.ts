import type { CompiledNode } from '@raincheck/policy/validation';
import type { EndpointDefinition } from './endpoints.js';

/** An endpoint as the client sees it: its route, and its schemas compiled (contract.generated.ts). */
export interface CompiledRoute extends Pick<EndpointDefinition, 'method' | 'path' | 'idempotent' | 'ifMatch'> {
  readonly query?: CompiledNode;
  readonly body?: CompiledNode;
  readonly response: CompiledNode;
}
