import { DeliveryConfigError } from './config-error.js';
import { SMS_LIMIT } from './sms.js';

/** The only placeholder an offer URL template knows. */
export const OFFER_TOKEN_PLACEHOLDER = '{token}';

/** A filled link may take this much of an SMS; the rest is the message. */
const MAX_LINK_LENGTH = SMS_LIMIT - 80;
/** Longer than any offer token the host mints (43 characters of base64url), to check the length with room. */
const LONGEST_TOKEN = 'x'.repeat(64);

/**
 * Checks an offer link template at start (`https://practice.example/offer/{token}`): http(s), exactly
 * the `{token}` placeholder (a typo such as `{tokn}` is named), short enough for an SMS. Returns the
 * function that fills it, URL-encoding the token.
 */
export function offerUrlTemplate(template: string, flag = '--offer-url'): (token: string) => string {
  const shown = `${flag} "${template}"`;
  for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
    if (match[0] !== OFFER_TOKEN_PLACEHOLDER)
      throw new DeliveryConfigError(flag, `${shown}: unknown placeholder ${match[0]}; use ${OFFER_TOKEN_PLACEHOLDER}`);
  }
  if (/[{}]/.test(template.replaceAll(OFFER_TOKEN_PLACEHOLDER, '')))
    throw new DeliveryConfigError(
      flag,
      `${shown}: an unmatched { or }; the only placeholder is ${OFFER_TOKEN_PLACEHOLDER}`,
    );
  if (!template.includes(OFFER_TOKEN_PLACEHOLDER))
    throw new DeliveryConfigError(
      flag,
      `${shown}: no ${OFFER_TOKEN_PLACEHOLDER} placeholder; the client's link needs their token, e.g. https://practice.example/offer/{token}`,
    );
  const fill = (token: string) => template.replaceAll(OFFER_TOKEN_PLACEHOLDER, encodeURIComponent(token));
  let url: URL;
  try {
    url = new URL(fill('token'));
  } catch {
    throw new DeliveryConfigError(flag, `${shown}: not a URL once filled; give https://…/{token}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new DeliveryConfigError(flag, `${shown}: the scheme must be https:// (or http://), not ${url.protocol}//`);
  const longest = fill(LONGEST_TOKEN).length;
  if (longest > MAX_LINK_LENGTH)
    throw new DeliveryConfigError(
      flag,
      `${shown}: ${longest} characters with a token; keep it within ${MAX_LINK_LENGTH} so an SMS has room for the message`,
    );
  return fill;
}
