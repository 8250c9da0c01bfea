import { msg, str } from '@lit/localize';
import { ContractError, HostApiError, HostResponseError, NetworkError, TimeoutError } from '@raincheck/host-api/client';
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

/** Whether trying again may work, and what the person reads. */
type Wording = [retryable: boolean, message: string];

/**
 * Turns any failure into what the person reads, by class: unreachable (try again), refused by the
 * host (its own sentence; try again only when that can help), failed on the host's side (try again
 * later), and mistakes in the page's setup or rules (what to change, never "try again"). After a
 * write, the write controller adds whether the client was told (`addendum`, worded when read too).
 */
export function describeFailure(error: unknown, addendum?: () => string | undefined): WidgetErrorDetail {
  const [retryable] = wording(error);
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
    retryable,
    // Worded when read, so the widget shows it in the language it renders in now: a failure can come before
    // the page's translations have loaded, or the locale can change after it.
    get message() {
      const [, wordingMessage] = wording(error);
      const more = addendum?.();
      return more ? `${wordingMessage} ${more}` : wordingMessage;
    },
  };
}

function wording(error: unknown): Wording {
  if (error instanceof HostApiError) return hostWording(error);
  if (error instanceof RulesUrlError) return rulesUrlWording(error);
  if (isInvalidRules(error)) {
    // The rules' first problem, as the validator names it (file, JSON path, what was expected): for
    // whoever the person asks for help, since only the partner can mend the rules.
    const { file, path, message } = error.issues[0]!;
    return [
      false,
      msg(
        str`The rules for this page have a mistake, so it cannot say what would happen (${file} ${path}: ${message}). Nothing was changed; please tell support.`,
        { id: 'rc.error.rules' },
      ),
    ];
  }
  if (error instanceof ConfigurationError) {
    return [
      false,
      msg(
        str`This page is not set up correctly (${error.message}), so nothing was sent. Check its Raincheck configuration, or tell support.`,
        { id: 'rc.error.configuration' },
      ),
    ];
  }
  return unexpected();
}

function unexpected(): Wording {
  return [true, msg('Something went wrong. Nothing was lost: try again.', { id: 'rc.error.unexpected' })];
}

function hostWording(error: HostApiError): Wording {
  if (error instanceof NetworkError)
    return [
      true,
      msg('The booking system could not be reached. Nothing was lost: try again.', { id: 'rc.error.network' }),
    ];
  if (error instanceof TimeoutError)
    return [
      true,
      msg('The booking system did not answer in time. Nothing was lost: try again.', { id: 'rc.error.timeout' }),
    ];
  if (error instanceof ContractError && error.side === 'request') {
    // The page asked for something the contract refuses (a session id of "..", say): only its settings can change that.
    const { path, message } = error.issues[0] ?? { path: '$', message: error.message };
    return [
      false,
      msg(
        str`This page asked the booking system for something it cannot send (${path}: ${message}), so nothing was sent. Check the page's settings, or tell support.`,
        { id: 'rc.error.request' },
      ),
    ];
  }
  if (error instanceof ContractError) {
    return [
      true,
      msg(
        'The booking system sent an answer this page does not understand. Nothing was changed by this page; please try again later or contact support.',
        { id: 'rc.error.contract' },
      ),
    ];
  }
  if (!(error instanceof HostResponseError)) return unexpected();
  const { status } = error;
  const retryable = passing(status);
  const hostSentence = error.code !== `http-${status}` ? error.message : undefined;
  // Who may act is said in the widget's language; the host's own sentence (in its language) follows, quoted.
  if (status === 401 || status === 403) {
    const refusal =
      status === 401
        ? msg('The booking system did not accept your sign-in. Sign in again, then retry.', {
            id: 'rc.error.unauthorized',
          })
        : msg('The account you are signed in with may not see or do this here.', {
            id: 'rc.error.forbidden',
          });
    return [retryable, hostSentence ? `${refusal} (${hostSentence})` : refusal];
  }
  // The host's own sentence, when its error body gave one (an error without one has a code `http-<status>`).
  if (status < 500 && hostSentence) return [retryable, hostSentence];
  if (status >= 500)
    return [
      retryable,
      msg(
        str`The booking system ran into a problem of its own (${status}) and could not finish this. Nothing was lost: try again in a moment.`,
        { id: 'rc.error.server' },
      ),
    ];
  if (retryable)
    return [
      retryable,
      msg(str`The booking system is busy (${status}). Nothing was lost: wait a moment, then try again.`, {
        id: 'rc.error.busy',
      }),
    ];
  return [
    retryable,
    msg(
      str`The booking system refused this request (${status}), so nothing was changed. If it keeps happening, tell support.`,
      { id: 'rc.error.refused' },
    ),
  ];
}

function rulesUrlWording({ kind, url, status }: RulesUrlError): Wording {
  if (kind === 'refused') {
    return [
      false,
      msg(
        str`The rules for this page could not be loaded: ${url} answered ${status ?? ''}. Nothing was changed. Check the rules URL (rules-url) in the page's configuration.`,
        { id: 'rc.error.rules-url-refused' },
      ),
    ];
  }
  if (kind === 'not-rules') {
    return [
      false,
      msg(
        str`The rules for this page could not be read: ${url} did not send rule files as JSON. Nothing was changed. Check the rules URL (rules-url) in the page's configuration.`,
        { id: 'rc.error.rules-url-not-rules' },
      ),
    ];
  }
  if (kind === 'failed') {
    return [
      true,
      msg(
        str`The server with the rules for this page (${url}) could not send them (${status ?? ''}). Nothing was lost: try again in a moment.`,
        { id: 'rc.error.rules-url-failed' },
      ),
    ];
  }
  if (kind === 'timeout') {
    return [
      true,
      msg(str`The server with the rules for this page (${url}) did not answer in time. Nothing was lost: try again.`, {
        id: 'rc.error.rules-url-timeout',
      }),
    ];
  }
  return [
    true,
    msg(str`The rules for this page could not be reached at ${url}. Nothing was lost: try again.`, {
      id: 'rc.error.rules-url-unreachable',
    }),
  ];
}

/**
 * A rule-file validation error, by its name: the validator loads after the first load (with the
 * decided phase), and importing its class here would put it in the first load.
 */
function isInvalidRules(error: unknown): error is PolicyValidationError {
  return (
    error instanceof Error &&
    error.name === 'PolicyValidationError' &&
    Array.isArray((error as { issues?: unknown }).issues)
  );
}
