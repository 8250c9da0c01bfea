import { msg } from '@lit/localize';
import { ContractError, HostApiError, HostResponseError } from '@raincheck/host-api/client';
import type { PolicyValidationError } from '@raincheck/policy/validation';
import { ConfigurationError } from '../config/config.js';
import { passing, RulesUrlError } from './rules-url.js';

/** What went wrong, as the `-error` events carry it; everything entered is kept. */
export interface WidgetErrorDetail {
  /**
   * Stable and kebab-case: the host's error code (`network`, `timeout`, `contract`, `http-404` …);
   * `invalid-rules` when the rule files are not valid; `rules-url-refused`, `rules-url-not-rules`,
   * `rules-url-failed`, `rules-url-timeout` or `rules-url-unreachable` when the `rules-url` gave none; `configuration`
   * when the page's settings cannot work; else `unexpected`.
   */
  readonly code: string;
  readonly message: string;
  /**
   * Whether trying again may work (no answer, a timeout, a 5xx, 408 or 429): the widget then offers
   * "Try again", with the same idempotency key. False when only a change can help (a refusal, a
   * wrong `rules-url`, invalid rules, a request the contract refuses).
   */
  readonly retryable: boolean;
}

/** Words a failure in the locale of the moment: `wordFailure` of the decided phase's failure-wording module. */
export type WordFailure = (error: unknown) => string;

/** A module that re-exports the failure wording (each widget's lazy module does). */
export interface FailureWordingModule {
  readonly wordFailure: WordFailure;
}

/**
 * What went wrong, by class (see failure-wording.decided.ts for what the person reads): the code, and
 * whether trying again may work. After a write, the write controller adds whether the client was told
 * (`addendum`, worded when read too). Without `wording` (its module could not load: offline, a
 * redeploy), a sentence saying so, and "Try again", which loads it again.
 */
export function describeFailure(
  error: unknown,
  wording: WordFailure | undefined,
  addendum?: () => string | undefined,
): WidgetErrorDetail {
  const code =
    error instanceof HostApiError
      ? error.code
      : error instanceof RulesUrlError
        ? `rules-url-${error.kind}`
        : isInvalidRules(error)
          ? 'invalid-rules'
          : error instanceof ConfigurationError
            ? 'configuration'
            : 'unexpected';
  return {
    code,
    retryable: !wording || retryable(error),
    // Worded when read, so the widget shows it in the language it renders in now: a failure can come before
    // the page's translations have loaded, or the locale can change after it.
    get message() {
      const wordingMessage = wording
        ? wording(error)
        : msg('Something went wrong and this page could not load its messages. Nothing was lost: try again.', {
            id: 'rc.error.messages-not-loaded',
          });
      const more = addendum?.();
      return more ? `${wordingMessage} ${more}` : wordingMessage;
    },
  };
}

/** The wording `module` brings, once it has loaded; undefined when it cannot load (the failure then says so). */
export function wordingFrom(module: Promise<FailureWordingModule> | undefined): Promise<WordFailure | undefined> {
  return Promise.resolve(module).then(
    (loaded) => loaded?.wordFailure,
    () => undefined,
  );
}

/**
 * Whether trying again may work: not after a refusal (a 4xx but 408 and 429), a request the contract
 * refuses, a `rules-url` that refused or sent no rules, invalid rules or settings that cannot work.
 */
function retryable(error: unknown): boolean {
  if (error instanceof HostResponseError) return passing(error.status);
  if (error instanceof ContractError) return error.side !== 'request';
  if (error instanceof RulesUrlError) return error.kind !== 'refused' && error.kind !== 'not-rules';
  return !isInvalidRules(error) && !(error instanceof ConfigurationError);
}

/**
 * A rule-file validation error, by its name: the validator loads after the first load (with the
 * decided phase), and importing its class here would put it in the first load.
 */
export function isInvalidRules(error: unknown): error is PolicyValidationError {
  return (
    error instanceof Error &&
    error.name === 'PolicyValidationError' &&
    Array.isArray((error as { issues?: unknown }).issues)
  );
}
