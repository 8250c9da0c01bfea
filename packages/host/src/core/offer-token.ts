/**
 * An offer link's capability token: 128 random bits, base64url. The client has no account, so
 * whoever holds the link may answer: it must not be guessable from another offer's.
 */
export function newOfferToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

/** What the store keeps of an offer token: its SHA-256, base64url. */
export function offerTokenHash(token: string): Promise<string> {
  return sha256(token);
}

/** The SHA-256 of a text (UTF-8), base64url. */
export async function sha256(text: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

/** Bytes as base64url without padding: what tokens, hashes and sealed answers are written in. */
export function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Bytes from {@link base64url}. */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
