import { msg, str } from '@lit/localize';
import { ContractError, HostApiError, HostResponseError, NetworkError, TimeoutError } from '@raincheck/host-api/client';
import { PolicyValidationError } from '@raincheck/policy/validation';
import { ConfigurationError } from '../config/config.js';
import { RulesUrlError } from './rules-url.js';

/** What went wrong, as the `-error` events carry it; everything entered is kept. */
export interface WidgetErrorDetail {
  /**
   * Stable and kebab-case: the host's error code (`network`, `timeout`, `contract`, `http-404` …);
   * `invalid-rules` when the rule files are not valid; `rules-url-refused`, `rules-url-not-rules`,
   * `rules-url-failed` or `rules-url-unreachable` when the `rules-url` gave none; `configuration`
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

/** Statuses another attempt may get past: the host failed, timed out or asked to wait. */
function passing(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** Whether the host's error body gave its own sentence (an error without one has a code `http-<status>`). */
function hostSentence(error: HostResponseError): string | undefined {
  return error.code === `http-${error.status}` ? undefined : error.message;
}

/**
 * Turns any failure into what the person reads, by class: unreachable (try again), refused by the
 * host (its own sentence; try again only when that can help), failed on the host's side (try again
 * later), and mistakes in the page's setup or rules (what to change, never "try again").
 */
export function describeFailure(error: unknown): WidgetErrorDetail {
  if (error instanceof HostApiError) return { code: error.code, ...hostFailure(error) };
  if (error instanceof RulesUrlError) return { code: `rules-url-${error.kind}`, ...rulesUrlFailure(error) };
  if (error instanceof PolicyValidationError) {
    // The rules' first problem, as the validator names it (file, JSON path, what was expected): for
    // whoever the person asks for help, since only the partner can mend the rules.
    const { file, path, message } = error.issues[0]!;
    return {
      code: 'invalid-rules',
      retryable: false,
      message: msg(str`The rules for this page have a mistake, so it cannot say what would happen (${file} ${path}: ${message}). Nothing was changed; please tell support.`, { id: 'rc.error.rules' }),
    };
  }
  if (error instanceof ConfigurationError) {
    return {
      code: 'configuration',
      retryable: false,
      message: msg(str`This page is not set up correctly (${error.message}), so nothing was sent. Check its Raincheck configuration, or tell support.`, { id: 'rc.error.configuration' }),
    };
  }
  return { code: 'unexpected', ...unexpected() };
}

function unexpected(): Omit<WidgetErrorDetail, 'code'> {
  return { retryable: true, message: msg('Something went wrong. Nothing was lost: try again.', { id: 'rc.error.unexpected' }) };
}

function hostFailure(error: HostApiError): Omit<WidgetErrorDetail, 'code'> {
  if (error instanceof NetworkError) {
    return { retryable: true, message: msg('The booking system could not be reached. Nothing was lost: try again.', { id: 'rc.error.network' }) };
  }
  if (error instanceof TimeoutError) {
    return { retryable: true, message: msg('The booking system did not answer in time. Nothing was lost: try again.', { id: 'rc.error.timeout' }) };
  }
  if (error instanceof ContractError && error.side === 'request') {
    // The page asked for something the contract refuses (a session id of "..", say): only its settings can change that.
    const { path, message } = error.issues[0] ?? { path: '$', message: error.message };
    return {
      retryable: false,
      message: msg(str`This page asked the booking system for something it cannot send (${path}: ${message}), so nothing was sent. Check the page's settings, or tell support.`, { id: 'rc.error.request' }),
    };
  }
  if (error instanceof ContractError) {
    return {
      retryable: true,
      message: msg('The booking system sent an answer this page does not understand. Nothing was changed by this page; please try again later or contact support.', { id: 'rc.error.contract' }),
    };
  }
  if (error instanceof HostResponseError) {
    const retryable = passing(error.status);
    const sentence = hostSentence(error);
    if (sentence && error.status < 500) return { retryable, message: sentence };
    if (error.status >= 500) {
      return { retryable, message: msg(str`The booking system ran into a problem of its own (${error.status}) and could not finish this. Nothing was lost: try again in a moment.`, { id: 'rc.error.server' }) };
    }
    if (retryable) return { retryable, message: msg(str`The booking system is busy (${error.status}). Nothing was lost: wait a moment, then try again.`, { id: 'rc.error.busy' }) };
    return { retryable, message: msg(str`The booking system refused this request (${error.status}), so nothing was changed. If it keeps happening, tell support.`, { id: 'rc.error.refused' }) };
  }
  return unexpected();
}

function rulesUrlFailure(error: RulesUrlError): Omit<WidgetErrorDetail, 'code'> {
  const { url, status } = error;
  switch (error.kind) {
    case 'refused':
      return {
        retryable: false,
        message: msg(str`The rules for this page could not be loaded: ${url} answered ${status ?? ''}. Nothing was changed. Check the rules URL (rules-url) in the page's configuration.`, { id: 'rc.error.rules-url-refused' }),
      };
    case 'not-rules':
      return {
        retryable: false,
        message: msg(str`The rules for this page could not be read: ${url} did not send rule files as JSON. Nothing was changed. Check the rules URL (rules-url) in the page's configuration.`, { id: 'rc.error.rules-url-not-rules' }),
      };
    case 'failed':
      return {
        retryable: true,
        message: msg(str`The server with the rules for this page (${url}) could not send them (${status ?? ''}). Nothing was lost: try again in a moment.`, { id: 'rc.error.rules-url-failed' }),
      };
    default:
      return {
        retryable: true,
        message: msg(str`The rules for this page could not be reached at ${url}. Nothing was lost: try again.`, { id: 'rc.error.rules-url-unreachable' }),
      };
  }
}
