import { DeliveryError } from './types.js';

/** The fields nodemailer sets on its errors that say what the server or the connection did. */
interface SmtpFailure {
  readonly message?: string;
  readonly code?: string;
  readonly responseCode?: number;
  readonly response?: string;
  readonly command?: string;
}

/**
 * An SMTP failure as a delivery error: a 5xx answer (a rejected recipient or message) will fail again
 * and ends the row; a refused or dropped connection, a timeout, a 4xx (try later) or a failed login (a
 * configuration an operator can fix before the deadline) is retried.
 */
export function smtpDeliveryError(error: unknown, where: string): DeliveryError {
  const failure: SmtpFailure = typeof error === 'object' && error !== null ? error : {};
  const code = failure.responseCode;
  const permanent = code !== undefined && code >= 500 && code < 600 && failure.code !== 'EAUTH';
  const answer = failure.response ?? failure.message ?? String(error);
  const step = failure.command ? ` after ${failure.command}` : '';
  const reason =
    code !== undefined
      ? `answered ${answer}${step}`
      : `failed (${failure.code ?? 'no code'}): ${failure.message ?? String(error)}`;
  return new DeliveryError(`SMTP ${where} ${reason}`, !permanent, { cause: error });
}
