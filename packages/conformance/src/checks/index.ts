import type { CheckDefinition } from '../check.js';
import { contractChecks } from './contract.js';
import { idempotencyChecks } from './idempotency.js';
import { identityChecks } from './identities.js';
import { notificationChecks } from './notifications.js';
import { offerChecks } from './offers.js';
import { preconditionChecks } from './preconditions.js';
import { reDecisionChecks } from './re-decision.js';

/** Every check, by group, in the order they run (contract.responses, which sums up the run, last). */
export function allChecks(options: { readonly tokenSecret?: string } = {}): readonly CheckDefinition[] {
  const checks = [
    ...contractChecks,
    ...idempotencyChecks,
    ...preconditionChecks,
    ...reDecisionChecks,
    ...identityChecks(options),
    ...offerChecks,
    ...notificationChecks,
  ];
  return [
    ...checks.filter((c) => c.id !== 'contract.responses'),
    ...checks.filter((c) => c.id === 'contract.responses'),
  ];
}
