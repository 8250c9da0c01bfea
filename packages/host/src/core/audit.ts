import type { DecisionShown, EndpointId } from '@raincheck/host-api';
import type { Decision } from '@raincheck/policy';
import type { Caller } from './access.js';
import { recordDecision } from './decision-record.js';
import { offerTokenHash } from './offer-token.js';
import type { StoredAuditEntry } from './store.js';

/** What a write's audit entry is made of. */
export interface AuditFacts {
  readonly id: string;
  readonly endpoint: EndpointId;
  readonly caller: Caller | null;
  /** The practice it is filed under: the caller's, or (offer links) the offer's. */
  readonly tenant: string | null;
  readonly params: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly at: string;
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly decisions: readonly Decision[];
}

/** What a write's body names besides its path: the therapist, session or slot, the policy id and version. */
function namedInBody(body: unknown): Record<string, string> {
  if (body === null || typeof body !== 'object') return {};
  const named: Record<string, string> = {};
  for (const field of ['therapistId', 'sessionId', 'slotId', 'id', 'version'] as const) {
    const value = (body as Record<string, unknown>)[field];
    if (typeof value === 'string') named[field] = value;
  }
  return named;
}

/** The decision a write's body says the widget showed, if it carries one. */
function shownIn(body: unknown): DecisionShown | null {
  const shown = (body as { decision?: DecisionShown } | null)?.decision;
  return shown && typeof shown === 'object' && typeof shown.policyHash === 'string' ? shown : null;
}

/**
 * The audit entry of one write: who acted, on what, what the widget showed beside what the host
 * decided (a different policy hash or outcome is a mismatch, recorded; the host's decision stands),
 * and how it was answered. An offer link's token is kept only as its hash.
 */
export async function auditEntry(facts: AuditFacts): Promise<StoredAuditEntry> {
  const shown = shownIn(facts.body);
  const first = facts.decisions[0];
  const target = {
    ...namedInBody(facts.body),
    ...facts.params,
    ...(facts.params.token === undefined ? {} : { token: `sha256:${await offerTokenHash(facts.params.token)}` }),
  };
  return {
    id: facts.id,
    tenant: facts.tenant,
    actor: facts.caller ? { role: facts.caller.role, subject: facts.caller.subject } : { role: 'offer-link' },
    endpoint: facts.endpoint,
    target,
    at: facts.at,
    status: facts.status,
    ...(facts.errorCode === undefined ? {} : { errorCode: facts.errorCode }),
    shown,
    decisions: facts.decisions.map((decision, i) => recordDecision(decision, i === 0 ? shown : null)),
    mismatch:
      shown !== null &&
      first !== undefined &&
      (shown.policyHash !== first.policy.hash || shown.outcome !== first.outcome),
  };
}
