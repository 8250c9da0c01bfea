import frequencyThresholds from '../../../rules/frequency-thresholds.json';
import notificationTiming from '../../../rules/notification-timing.json';
import refundEligibility from '../../../rules/refund-eligibility.json';
import sessionChanges from '../../../rules/session-changes.json';
import visibility from '../../../rules/visibility.json';
import { createPolicy } from './create-policy.js';
import type { Policy } from './policy.js';
import { withShippedSchema } from './shipped-rule-schema.js';

/**
 * The default rule files (the repository's `rules/`), keyed by file name: the same as the
 * package's `rules/*.json`, their `$schema` the package's own schema from there
 * (`../schema/rule-file.schema.json`), not the repository path the source files carry.
 */
export const defaultRuleFiles: Readonly<Record<string, unknown>> = {
  'frequency-thresholds.json': withShippedSchema(frequencyThresholds),
  'notification-timing.json': withShippedSchema(notificationTiming),
  'refund-eligibility.json': withShippedSchema(refundEligibility),
  'session-changes.json': withShippedSchema(sessionChanges),
  'visibility.json': withShippedSchema(visibility),
};

/** The id and version every decision of the default policy carries. */
export const DEFAULT_POLICY = { id: 'raincheck-default', version: '1.1.0' } as const;

/** A policy built from the default rules, which encode the platform's cancellation article. */
export function createDefaultPolicy(): Policy {
  return createPolicy(defaultRuleFiles, DEFAULT_POLICY);
}
