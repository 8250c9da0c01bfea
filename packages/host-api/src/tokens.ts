import { ROLES, type Role } from './roles.js';
import { errors, jwtVerify, SignJWT, type JWTHeaderParameters, type JWTPayload, type JWTVerifyGetKey } from 'jose';

// Who is calling the host API. The partner's backend knows who is logged in and mints a short-lived
// token for them; the host verifies it on every call. Raincheck never runs accounts of its own.

export { ROLES, type Role } from './roles.js';

/** The longest a token may live, in seconds: ten minutes, so a leaked token is soon worthless. */
export const MAX_TOKEN_TTL_SECONDS = 600;
/** How long a token minted without `ttlSeconds` lives: five minutes. */
export const DEFAULT_TOKEN_TTL_SECONDS = 300;
/** The shortest HS256 secret accepted, in bytes (RFC 7518 §3.2: at least the hash's 256 bits). */
export const MIN_SECRET_BYTES = 32;

/** Who a verified token says is calling. */
export interface Identity {
  readonly tenant: string;
  /** The caller's id in the partner's system: a therapist's id for the therapist role. */
  readonly subject: string;
  readonly role: Role;
  /** When the token stops being accepted (ISO instant, UTC). */
  readonly expiresAt: string;
}

/** A tenant's HS256 signing secret: text (UTF-8) or bytes, at least {@link MIN_SECRET_BYTES} long. */
export type TenantSecret = string | Uint8Array;

/** What {@link mintToken} needs. */
export interface MintTokenOptions {
  readonly tenant: string;
  readonly subject: string;
  readonly role: Role;
  /** The tenant's secret, shared with the host that verifies. */
  readonly secret: TenantSecret;
  /** Seconds the token lives, 1 to {@link MAX_TOKEN_TTL_SECONDS}; default {@link DEFAULT_TOKEN_TTL_SECONDS}. */
  readonly ttlSeconds?: number;
  /** The clock, in epoch milliseconds (tests); default `Date.now`. */
  readonly now?: () => number;
}

/**
 * Mints a bearer token for the host API (a JWT, HS256, signed with the tenant's secret): the
 * tenant (also the header's `kid`, so a host finds the tenant's secret before it trusts anything),
 * the subject, the role, issued now and expiring within ten minutes.
 * @throws RangeError for an empty tenant or subject, an unknown role, a too short secret or a
 * lifetime outside 1 … {@link MAX_TOKEN_TTL_SECONDS} seconds.
 */
export async function mintToken(options: MintTokenOptions): Promise<string> {
  const { tenant, subject, role } = options;
  if (typeof tenant !== 'string' || tenant === '') throw new RangeError('mintToken: tenant must be a non-empty string');
  if (typeof subject !== 'string' || subject === '')
    throw new RangeError('mintToken: subject must be a non-empty string');
  if (!isRole(role))
    throw new RangeError(`mintToken: role must be one of ${ROLES.join(', ')}, got ${JSON.stringify(role)}`);
  const ttl = options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TOKEN_TTL_SECONDS) {
    throw new RangeError(
      `mintToken: ttlSeconds must be a whole number from 1 to ${MAX_TOKEN_TTL_SECONDS}, got ${String(ttl)}`,
    );
  }
  const issuedAt = Math.floor((options.now ?? Date.now)() / 1000);
  return new SignJWT({ tenant, role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: tenant })
    .setSubject(subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttl)
    .sign(secretKey(options.secret, 'mintToken'));
}

/** Why a token was refused; every one is a 401 for the caller. */
export type TokenErrorCode =
  | 'missing'
  | 'malformed'
  | 'bad-signature'
  | 'bad-algorithm'
  | 'unknown-tenant'
  | 'expired'
  | 'too-long-lived'
  | 'bad-claims';

/** A token the host does not accept, with why. */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(
    readonly code: TokenErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** What {@link verifyToken} checks tokens with: tenants' secrets (HS256), or a JWKS (asymmetric keys). */
export type VerifyTokenOptions = (
  | {
      /** One secret for every tenant, or the tenant's secret by its id (`undefined`: no such tenant). */
      readonly secret:
        TenantSecret | ((tenant: string) => TenantSecret | undefined | Promise<TenantSecret | undefined>);
      readonly jwks?: undefined;
    }
  | {
      /** Public keys, from jose's `createLocalJWKSet` or `createRemoteJWKSet`; RS256, ES256 or EdDSA. */
      readonly jwks: JWTVerifyGetKey;
      readonly secret?: undefined;
    }
) & {
  /** The clock, in epoch milliseconds (tests); default `Date.now`. */
  readonly now?: () => number;
  /** Seconds of clock difference between the minting backend and the host that are forgiven; default 5. */
  readonly clockToleranceSeconds?: number;
};

const ASYMMETRIC = ['RS256', 'ES256', 'EdDSA'];

/**
 * Verifies a bearer token and says who is calling: the signature (HS256 with the tenant's secret,
 * found by the header's `kid`, or a key of the JWKS), the expiry, a lifetime of at most ten
 * minutes, and the claims (tenant, subject, role). Anything else is refused.
 * @param token the token, or an `Authorization` header's value (`Bearer …`).
 * @throws TokenError saying why (its `code`), for every token that is not accepted.
 */
export async function verifyToken(token: string | null | undefined, options: VerifyTokenOptions): Promise<Identity> {
  const jwt = typeof token === 'string' ? token.replace(/^Bearer\s+/i, '').trim() : '';
  if (jwt === '') throw new TokenError('missing', 'No bearer token: send Authorization: Bearer <token>.');
  const tolerance = options.clockToleranceSeconds ?? 5;
  const now = (options.now ?? Date.now)();
  let payload: JWTPayload;
  let header: JWTHeaderParameters;
  try {
    const checks = { currentDate: new Date(now), clockTolerance: tolerance, requiredClaims: ['exp', 'iat', 'sub'] };
    ({ payload, protectedHeader: header } = options.jwks
      ? await jwtVerify(jwt, options.jwks, { ...checks, algorithms: ASYMMETRIC })
      : await jwtVerify(jwt, (h) => tenantKey(h, options.secret), { ...checks, algorithms: ['HS256'] }));
  } catch (error) {
    throw tokenError(error);
  }
  const { tenant, role, sub, exp, iat } = payload as JWTPayload & { tenant?: unknown; role?: unknown };
  if (typeof tenant !== 'string' || tenant === '') throw new TokenError('bad-claims', 'The token names no tenant.');
  if (!options.jwks && header.kid !== tenant)
    throw new TokenError('bad-claims', 'The token was signed for another tenant than it names.');
  if (!isRole(role)) throw new TokenError('bad-claims', `The token's role must be one of ${ROLES.join(', ')}.`);
  if (typeof sub !== 'string' || sub === '') throw new TokenError('bad-claims', 'The token names no subject.');
  // Both: a token minted to live long, and one dated in the future to stretch its life, are refused.
  if (exp! - iat! > MAX_TOKEN_TTL_SECONDS || exp! * 1000 - now > (MAX_TOKEN_TTL_SECONDS + tolerance) * 1000) {
    throw new TokenError(
      'too-long-lived',
      `The token lives longer than ${MAX_TOKEN_TTL_SECONDS / 60} minutes: mint short-lived tokens.`,
    );
  }
  return { tenant, subject: sub, role, expiresAt: new Date(exp! * 1000).toISOString() };
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function secretKey(secret: TenantSecret, where: string): Uint8Array {
  const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  if (!(bytes instanceof Uint8Array) || bytes.byteLength < MIN_SECRET_BYTES) {
    throw new RangeError(`${where}: the secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  return bytes;
}

/** The HS256 key of the tenant a token's header names, before anything in it is trusted. */
async function tenantKey(
  header: JWTHeaderParameters,
  secret: Extract<VerifyTokenOptions, { secret: unknown }>['secret'],
): Promise<Uint8Array> {
  if (typeof secret !== 'function') return secretKey(secret, 'verifyToken');
  const tenant = header.kid;
  const found = typeof tenant === 'string' && tenant !== '' ? await secret(tenant) : undefined;
  if (found === undefined) throw new TokenError('unknown-tenant', 'The token names a tenant this host does not know.');
  return secretKey(found, 'verifyToken');
}

/** jose's failures in the host API's words. */
function tokenError(error: unknown): Error {
  if (error instanceof TokenError || error instanceof RangeError) return error;
  const because = { cause: error };
  if (error instanceof errors.JWTExpired)
    return new TokenError('expired', 'The token has expired: get a new one.', because);
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new TokenError('bad-algorithm', 'The token is signed with an algorithm this host does not accept.', because);
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new TokenError('bad-signature', 'The token was not signed by a key this host trusts.', because);
  }
  if (error instanceof errors.JWTClaimValidationFailed)
    return new TokenError(
      'bad-claims',
      `The token's "${error.claim}" claim is not acceptable: ${error.reason}.`,
      because,
    );
  return new TokenError('malformed', 'The bearer token is not a well-formed JWT.', because);
}
