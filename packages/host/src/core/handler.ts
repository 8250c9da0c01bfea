import type { EndpointId, EndpointRequest, EndpointResponse } from '@raincheck/host-api';
import type { Decision, Policy } from '@raincheck/policy';
import type { Caller } from './access.js';
import type { LinkSeal } from './link-seal.js';
import type { StoreTransaction } from './store.js';

/** What a handler works with: the transaction, who is calling, the policy and the time. */
export interface RequestContext {
  readonly tx: StoreTransaction;
  /** The verified caller; `null` on offer-link endpoints, where the link is the permission. */
  readonly caller: Caller | null;
  /** The policy a tenant's decisions are made under now: its published version, else the host's default. */
  readonly policyFor: (tenant: string) => Promise<Policy>;
  /** The host's clock at the request, epoch ms. */
  readonly nowMs: number;
  /** The same instant as the ISO string the host writes. */
  readonly now: string;
  /** Writes an instant (epoch ms) as the host does (ISO with an offset). */
  readonly instant: (ms: number) => string;
  /** The policy decisions made for this request so far, in order: what its audit record keeps. */
  readonly decisions: Decision[];
  /** Seals offer tokens into outbox rows so messages can carry the link; null: messages go without one. */
  readonly linkSeal: LinkSeal | null;
  /** The practice whose records the request reached (an offer link's too): its audit entry is filed under it. */
  readonly reached: { tenant?: string };
}

/** An endpoint's input once it fits the contract: its path params, query and body. */
export type EndpointInput<E extends EndpointId> = Omit<EndpointRequest<E>, 'signal' | 'version' | 'idempotencyKey'>;

/** An endpoint's behaviour: the success body, or an `HttpError` thrown. */
export type Handler<E extends EndpointId> = (
  input: EndpointInput<E>,
  context: RequestContext,
) => Promise<EndpointResponse<E>>;

/** One handler per endpoint. */
export type Handlers = { readonly [E in EndpointId]: Handler<E> };

/** The caller of an endpoint that takes a bearer token (always set there). */
export function staffCaller(context: RequestContext): Caller {
  if (!context.caller) throw new Error('A staff endpoint ran without a verified caller.');
  return context.caller;
}
