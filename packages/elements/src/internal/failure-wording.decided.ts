// What the person reads when something fails: every failure sentence, out of the first load (a failure is
// rare). Each widget's lazy module re-exports it; failure.ts classifies (code, retryable) and words with it.
import { msg, str } from '@lit/localize';
import { ContractError, HostApiError, HostResponseError, NetworkError, TimeoutError } from '@raincheck/host-api/client';
import { ConfigurationError } from '../config/config.js';
import { isInvalidRules } from './failure.js';
import { passing, RulesUrlError } from './rules-url.js';

/**
 * What the person reads, by class: unreachable (try again), refused by the host (its own sentence;
 * try again only when that can help), failed on the host's side (try again later), and mistakes in
 * the page's setup or rules (what to change, never "try again"). Worded in the locale of the moment.
 */
export function wordFailure(error: unknown): string {
  if (error instanceof HostApiError) return hostWording(error);
  if (error instanceof RulesUrlError) return rulesUrlWording(error);
  if (isInvalidRules(error)) {
    // The rules' first problem, as the validator names it (file, JSON path, what was expected): for
    // whoever the person asks for help, since only the partner can mend the rules.
    const { file, path, message } = error.issues[0]!;
    return msg(
      str`The rules for this page have a mistake, so it cannot say what would happen (${file} ${path}: ${message}). Nothing was changed; please tell support.`,
      { id: 'rc.error.rules' },
    );
  }
  if (error instanceof ConfigurationError) {
    return msg(
      str`This page is not set up correctly (${error.message}), so nothing was sent. Check its Raincheck configuration, or tell support.`,
      { id: 'rc.error.configuration' },
    );
  }
  return unexpected();
}

function unexpected(): string {
  return msg('Something went wrong. Nothing was lost: try again.', { id: 'rc.error.unexpected' });
}

function hostWording(error: HostApiError): string {
  if (error instanceof NetworkError)
    return msg('The booking system could not be reached. Nothing was lost: try again.', { id: 'rc.error.network' });
  if (error instanceof TimeoutError)
    return msg('The booking system did not answer in time. Nothing was lost: try again.', { id: 'rc.error.timeout' });
  if (error instanceof ContractError && error.side === 'request') {
    // The page asked for something the contract refuses (a session id of "..", say): only its settings can change that.
    const { path, message } = error.issues[0] ?? { path: '$', message: error.message };
    return msg(
      str`This page asked the booking system for something it cannot send (${path}: ${message}), so nothing was sent. Check the page's settings, or tell support.`,
      { id: 'rc.error.request' },
    );
  }
  if (error instanceof ContractError) {
    return msg(
      'The booking system sent an answer this page does not understand. Nothing was changed by this page; please try again later or contact support.',
      { id: 'rc.error.contract' },
    );
  }
  if (!(error instanceof HostResponseError)) return unexpected();
  const { status } = error;
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
    return hostSentence ? `${refusal} (${hostSentence})` : refusal;
  }
  // The host's own sentence, when its error body gave one (an error without one has a code `http-<status>`).
  if (status < 500 && hostSentence) return hostSentence;
  if (status >= 500)
    return msg(
      str`The booking system ran into a problem of its own (${status}) and could not finish this. Nothing was lost: try again in a moment.`,
      { id: 'rc.error.server' },
    );
  if (passing(status))
    return msg(str`The booking system is busy (${status}). Nothing was lost: wait a moment, then try again.`, {
      id: 'rc.error.busy',
    });
  return msg(
    str`The booking system refused this request (${status}), so nothing was changed. If it keeps happening, tell support.`,
    { id: 'rc.error.refused' },
  );
}

function rulesUrlWording({ kind, url, status }: RulesUrlError): string {
  if (kind === 'refused') {
    return msg(
      str`The rules for this page could not be loaded: ${url} answered ${status ?? ''}. Nothing was changed. Check the rules URL (rules-url) in the page's configuration.`,
      { id: 'rc.error.rules-url-refused' },
    );
  }
  if (kind === 'not-rules') {
    return msg(
      str`The rules for this page could not be read: ${url} did not send rule files as JSON. Nothing was changed. Check the rules URL (rules-url) in the page's configuration.`,
      { id: 'rc.error.rules-url-not-rules' },
    );
  }
  if (kind === 'failed') {
    return msg(
      str`The server with the rules for this page (${url}) could not send them (${status ?? ''}). Nothing was lost: try again in a moment.`,
      { id: 'rc.error.rules-url-failed' },
    );
  }
  if (kind === 'timeout') {
    return msg(
      str`The server with the rules for this page (${url}) did not answer in time. Nothing was lost: try again.`,
      { id: 'rc.error.rules-url-timeout' },
    );
  }
  return msg(str`The rules for this page could not be reached at ${url}. Nothing was lost: try again.`, {
    id: 'rc.error.rules-url-unreachable',
  });
}
