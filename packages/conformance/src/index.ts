/**
 * @raincheck/conformance — checks any host of the Raincheck host API against what the widgets rely
 * on: the contract, idempotency, preconditions, re-decision, identities, offers and notifications.
 * `runConformance({ baseUrl })` in code, `raincheck conformance --base-url URL` on the command line.
 * @packageDocumentation
 */
export { runConformance } from './run.js';
export { allChecks } from './checks/index.js';
export type { CheckDefinition, CheckContext } from './check.js';
export { formatTable, summaryLine } from './report/table.js';
export { formatJunit } from './report/junit.js';
export { parseExpectedFailures } from './expected-failures.js';
export { SEED_IDENTITIES } from './setup.js';
export type { Practice, ScenarioName } from './setup.js';
export type { Answer, Call, ContractViolation, Probe } from './probe.js';
export { CheckFailure, CheckSkip } from './outcomes.js';
export { GROUPS, KIT_ROLES } from './types.js';
export type {
  CheckResult,
  ConformanceOptions,
  ConformanceReport,
  ExpectedFailure,
  Group,
  KitRole,
  SeedIds,
  Status,
} from './types.js';
