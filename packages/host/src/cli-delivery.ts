import {
  DELIVERY_CLI_OPTIONS,
  DELIVERY_USAGE,
  parseDeliveryOptions,
  type DeliveryConfig,
  type DeliveryFlags,
} from './delivery/config.js';
import { DeliveryConfigError } from './delivery/config-error.js';

// The delivery flags serve and worker share, parsed once at start: a bad one stops the start with
// a message naming it (exit 2), before the database is opened.

export { DELIVERY_CLI_OPTIONS, DELIVERY_USAGE };

/** A refused flag, as the CLI reports it: its message, and the usage exit code. */
export class DeliveryFlagError extends Error {}

/** Parses the delivery flags for a process on `clock`; `development` (--seed demo) logs what nothing else serves. */
export function deliveryFromFlags(
  flags: DeliveryFlags,
  options: { readonly development: boolean; readonly clock: () => number },
): DeliveryConfig {
  try {
    return parseDeliveryOptions(flags, {
      development: options.development,
      env: process.env,
      now: () => new Date(options.clock()),
    });
  } catch (error) {
    if (error instanceof DeliveryConfigError) throw new DeliveryFlagError(error.message);
    throw error;
  }
}

/**
 * The secret offer links are sealed into the outbox with: RAINCHECK_OFFER_LINK_SECRET, else the
 * token secret (only a key derived from it is used), so serve and its workers agree without another setting.
 */
export function linkSecretFrom(tokenSecret: string): string {
  return process.env.RAINCHECK_OFFER_LINK_SECRET ?? tokenSecret;
}
