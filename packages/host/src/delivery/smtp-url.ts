import { DeliveryConfigError } from './config-error.js';

/** Checks an SMTP URL (`smtp://user:pass@host:587`, `smtps://host:465`) and says what is wrong; the password is never echoed. */
export function checkSmtpUrl(value: string, flag = '--smtp-url'): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DeliveryConfigError(flag, `${flag}: not a URL; give smtp://[user:password@]host[:port] or smtps://…`);
  }
  const shown = url.password ? value.replace(`:${url.password}@`, ':***@') : value;
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new DeliveryConfigError(
      flag,
      `${flag} "${shown}": the scheme must be smtp:// or smtps://, not ${url.protocol}//`,
    );
  if (url.hostname === '') throw new DeliveryConfigError(flag, `${flag} "${shown}": no host`);
  return url;
}

/** `Practice <noreply@practice.example>` or `noreply@practice.example` → the address's domain, for Message-IDs. */
export function checkFromAddress(
  value: string,
  flag = '--smtp-from',
): { readonly from: string; readonly domain: string } {
  const match = /^(?:[^<>]*<([^<>\s]+)>|([^<>\s]+))\s*$/.exec(value.trim());
  const address = match?.[1] ?? match?.[2];
  const at = address?.lastIndexOf('@') ?? -1;
  if (address === undefined || at < 1 || at === address.length - 1) {
    throw new DeliveryConfigError(
      flag,
      `${flag} "${value}": not an email address; give e.g. "Practice <noreply@practice.example>"`,
    );
  }
  return { from: value.trim(), domain: address.slice(at + 1) };
}
