import { DeliveryConfigError } from './config-error.js';

/** Checks a webhook URL at start: http(s) only, a host, no credentials in it (the secret signs instead). */
export function checkWebhookUrl(value: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DeliveryConfigError(flag, `${flag} "${value}": not a URL; give https://…`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new DeliveryConfigError(
      flag,
      `${flag} "${value}": the scheme must be https:// (or http://), not ${url.protocol}//`,
    );
  if (url.username !== '' || url.password !== '')
    throw new DeliveryConfigError(
      flag,
      `${flag}: no user or password in the URL; the webhook secret signs every request`,
    );
  return url;
}

/** The shortest webhook secret accepted: 16 characters (give 32 random bytes, e.g. `openssl rand -base64 32`). */
export const MIN_SECRET_LENGTH = 16;

/** Checks a webhook secret at start; the secret itself is never echoed. */
export function checkWebhookSecret(secret: string | undefined, flag: string, forWhat: string): string {
  if (secret === undefined || secret === '')
    throw new DeliveryConfigError(flag, `${forWhat} needs a secret to sign with: give ${flag}`);
  if (secret.length < MIN_SECRET_LENGTH)
    throw new DeliveryConfigError(
      flag,
      `${flag} for ${forWhat}: the secret has ${secret.length} characters; give at least ${MIN_SECRET_LENGTH} (e.g. openssl rand -base64 32)`,
    );
  return secret;
}
