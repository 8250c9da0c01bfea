import type { RequestContext } from './handler.js';
import type { LinkSeal } from './link-seal.js';
import type { PolicyFor } from './policies.js';
import type { StoreTransaction } from './store.js';

/**
 * A context for the host's own writes (the outbox worker's): no caller, the same policies, clock and
 * effects as a request's, so an expired offer's refund is decided and issued exactly as a client's.
 */
export function systemContext(
  tx: StoreTransaction,
  options: {
    readonly policyFor: PolicyFor;
    readonly nowMs: number;
    readonly instant: (ms: number) => string;
    readonly linkSeal: LinkSeal | null;
  },
): RequestContext {
  return {
    tx,
    caller: null,
    policyFor: (tenant) => options.policyFor(tx, tenant),
    nowMs: options.nowMs,
    now: options.instant(options.nowMs),
    instant: options.instant,
    decisions: [],
    reached: {},
    linkSeal: options.linkSeal,
  };
}
