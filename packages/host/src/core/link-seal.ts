import { base64url, fromBase64url } from './offer-token.js';

// An offer's token has to reach the client's link, which the worker writes after the commit (and
// again for the follow-up a day later). The store never holds it readable: the outbox row carries
// it sealed with AES-GCM under a key derived from the host's link secret, and forgets it when done.

/** Seals and opens offer tokens for outbox rows. */
export interface LinkSeal {
  seal(token: string): Promise<string>;
  /** The token, or undefined when the text was not sealed with this key. */
  open(sealed: string): Promise<string | undefined>;
}

/** A {@link LinkSeal} under a secret (at least 16 characters; every process of one host must share it). */
export function linkSeal(secret: string): LinkSeal {
  if (secret.length < 16) throw new RangeError('The offer link secret must be at least 16 characters.');
  const key = (async () => {
    const material = await crypto.subtle.digest(
      'SHA-256',
      new TextEncoder().encode(`raincheck-offer-link\u0000${secret}`),
    );
    return crypto.subtle.importKey('raw', material, 'AES-GCM', false, ['encrypt', 'decrypt']);
  })();
  return {
    seal: async (token) => {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await key, new TextEncoder().encode(token));
      return `v1.${base64url(iv)}.${base64url(new Uint8Array(sealed))}`;
    },
    open: async (sealed) => {
      const [version, iv, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !data) return undefined;
      try {
        return new TextDecoder().decode(
          await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64url(iv) }, await key, fromBase64url(data)),
        );
      } catch {
        return undefined;
      }
    },
  };
}
