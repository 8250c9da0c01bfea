/** Whom a bearer token names: its `tenant` and `sub` claims, read without verifying (the host verifies). */
export function tokenClaims(token: string): { readonly tenant?: string; readonly subject?: string } {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      tenant?: unknown;
      sub?: unknown;
    };
    return {
      ...(typeof claims.tenant === 'string' ? { tenant: claims.tenant } : {}),
      ...(typeof claims.sub === 'string' ? { subject: claims.sub } : {}),
    };
  } catch {
    return {};
  }
}
