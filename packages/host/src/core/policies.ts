import { createPolicy, type Policy } from '@raincheck/policy';
import type { StoreTransaction, StoredPolicy } from './store.js';

/** The policy a tenant's decisions are made under now, read in a transaction. */
export type PolicyFor = (tx: StoreTransaction, tenant: string) => Promise<Policy>;

/**
 * Resolves a tenant's policy: its published version, else the host's default. Published versions
 * are built once each (createPolicy validates every rule, so not per request).
 */
export function policyResolver(defaultPolicy: () => Policy): PolicyFor {
  const published = new Map<string, Policy>();
  const policyOf = (stored: StoredPolicy): Policy => {
    // By identity and files: two practices (or two versions) with the same files are still different policies.
    const key = JSON.stringify([stored.tenant, stored.id, stored.version, stored.hash]);
    let policy = published.get(key);
    if (!policy) {
      policy = createPolicy(stored.files, { id: stored.id, version: stored.version });
      published.set(key, policy);
    }
    return policy;
  };
  return async (tx, tenant) => {
    const stored = await tx.currentPolicy(tenant);
    return stored ? policyOf(stored) : defaultPolicy();
  };
}
