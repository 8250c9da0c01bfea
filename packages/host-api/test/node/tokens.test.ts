import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { MAX_TOKEN_TTL_SECONDS, mintToken, TokenError, verifyToken, type TokenErrorCode } from '../../src/tokens.js';

const NOW = Date.parse('2027-06-01T09:00:00Z');
const clock = () => NOW;
const SECRETS: Record<string, string> = {
  acme: 'acme-secret-that-is-at-least-32-bytes!',
  zenith: 'zenith-secret-that-is-at-least-32-bytes',
};
const bySecret = { secret: (tenant: string) => SECRETS[tenant], now: clock };
const key = (secret: string) => new TextEncoder().encode(secret);

async function refusal(
  token: string | undefined,
  options: Parameters<typeof verifyToken>[1] = bySecret,
): Promise<TokenErrorCode> {
  try {
    await verifyToken(token, options);
  } catch (error) {
    assert.ok(error instanceof TokenError, `expected a TokenError, got ${String(error)}`);
    return error.code;
  }
  return assert.fail('the token was accepted');
}

/** A token signed with `secret` as it is, to forge what mintToken refuses to make. */
function forged(
  claims: Record<string, unknown>,
  { kid = 'acme', iat = NOW / 1000, exp = NOW / 1000 + 300, secret = SECRETS.acme! } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', kid })
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key(secret));
}

describe('tokens: minted by the partner, verified by the host', () => {
  it('a minted token says who is calling, until it expires', async () => {
    const token = await mintToken({
      tenant: 'acme',
      subject: 'th-ana',
      role: 'therapist',
      secret: SECRETS.acme!,
      now: clock,
    });
    assert.deepEqual(await verifyToken(`Bearer ${token}`, bySecret), {
      tenant: 'acme',
      subject: 'th-ana',
      role: 'therapist',
      expiresAt: '2027-06-01T09:05:00.000Z',
    });
    assert.equal(await refusal(token, { ...bySecret, now: () => NOW + 5 * 60_000 + 6_000 }), 'expired');
  });

  it('no token, or not a JWT: missing and malformed', async () => {
    assert.equal(await refusal(undefined), 'missing');
    assert.equal(await refusal('Bearer '), 'missing');
    assert.equal(await refusal('Bearer not-a-jwt'), 'malformed');
  });

  it("a forged signature, another tenant's secret, or a tenant the host does not know: refused", async () => {
    const token = await mintToken({
      tenant: 'acme',
      subject: 'th-ana',
      role: 'therapist',
      secret: SECRETS.acme!,
      now: clock,
    });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const asTeam = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'team' }),
    ).toString('base64url');
    assert.equal(await refusal(`${header}.${asTeam}.${signature}`), 'bad-signature');
    assert.equal(
      await refusal(await forged({ tenant: 'acme', role: 'team', sub: 'x' }, { secret: SECRETS.zenith! })),
      'bad-signature',
    );
    assert.equal(
      await refusal(await forged({ tenant: 'nowhere', role: 'team', sub: 'x' }, { kid: 'nowhere' })),
      'unknown-tenant',
    );
    // Signed with acme's key but claiming zenith: the tenant claim must be the key's tenant.
    assert.equal(await refusal(await forged({ tenant: 'zenith', role: 'team', sub: 'x' })), 'bad-claims');
  });

  it('an unsigned token (alg none) is refused', async () => {
    const unsigned = new UnsecuredJWT({ tenant: 'acme', role: 'admin', sub: 'x' })
      .setIssuedAt(NOW / 1000)
      .setExpirationTime(NOW / 1000 + 60)
      .encode();
    assert.equal(await refusal(unsigned), 'bad-algorithm');
  });

  it('a role that is not one of the three, or no subject: bad claims', async () => {
    assert.equal(await refusal(await forged({ tenant: 'acme', role: 'root', sub: 'x' })), 'bad-claims');
    assert.equal(await refusal(await forged({ tenant: 'acme', role: 'team' })), 'bad-claims');
  });

  it('longer than ten minutes, minted so or dated ahead to stretch it: too long-lived', async () => {
    const hour = await forged({ tenant: 'acme', role: 'team', sub: 'x' }, { exp: NOW / 1000 + 3_600 });
    assert.equal(await refusal(hour), 'too-long-lived');
    const ahead = await forged(
      { tenant: 'acme', role: 'team', sub: 'x' },
      { iat: NOW / 1000 + 3_000, exp: NOW / 1000 + 3_300 },
    );
    assert.equal(await refusal(ahead), 'too-long-lived');
  });

  it('mintToken refuses what it must not make', async () => {
    const base = { tenant: 'acme', subject: 'th-ana', role: 'therapist' as const, secret: SECRETS.acme! };
    await assert.rejects(
      mintToken({ ...base, ttlSeconds: MAX_TOKEN_TTL_SECONDS + 1 }),
      /ttlSeconds must be a whole number from 1 to 600/,
    );
    await assert.rejects(mintToken({ ...base, secret: 'short' }), /at least 32 bytes/);
    await assert.rejects(mintToken({ ...base, tenant: '' }), /tenant must be a non-empty string/);
    await assert.rejects(mintToken({ ...base, role: 'root' as 'team' }), /role must be one of therapist, team, admin/);
  });

  it('asymmetric keys through a JWKS; an HS256 token is then refused', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] });
    const signed = await new SignJWT({ tenant: 'acme', role: 'team' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('team-1')
      .setIssuedAt(NOW / 1000)
      .setExpirationTime(NOW / 1000 + 120)
      .sign(privateKey);
    assert.deepEqual(await verifyToken(signed, { jwks, now: clock }), {
      tenant: 'acme',
      subject: 'team-1',
      role: 'team',
      expiresAt: '2027-06-01T09:02:00.000Z',
    });
    const hs = await mintToken({
      tenant: 'acme',
      subject: 'th-ana',
      role: 'therapist',
      secret: SECRETS.acme!,
      now: clock,
    });
    assert.equal(await refusal(hs, { jwks, now: clock }), 'bad-algorithm');
  });
});
