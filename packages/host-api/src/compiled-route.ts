import type { CompiledNode } from '@raincheck/policy/validation';
import type { EndpointDefinition, EndpointId } from './endpoints.js';

/**
 * An endpoint as the client sees it: its id and route, and its schemas compiled
 * (contract.generated.ts). Pass one to {@link HostTransport.send}.
 */
export interface CompiledRoute<E extends EndpointId = EndpointId> extends Pick<
  EndpointDefinition,
  'method' | 'path' | 'idempotent' | 'ifMatch'
> {
  readonly id: E;
  readonly query?: CompiledNode;
  readonly body?: CompiledNode;
  readonly response: CompiledNode;
}
