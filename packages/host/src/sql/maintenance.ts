import type { Db } from './db.js';

/** How long audit entries are kept unless told otherwise: seven years, a common record-keeping period for health services. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 7 * 365;

/**
 * Deletes what the host no longer needs: audit entries older than the retention period and
 * idempotency answers past their expiry.
 * @returns how many rows of each went.
 */
export async function prune(
  db: Db,
  options: { readonly auditRetentionDays: number; readonly now: number },
): Promise<{ audit: number; idempotencyKeys: number }> {
  const audit = await db.query(
    'DELETE FROM audit_log WHERE recorded_at < now() - make_interval(days => $1) RETURNING seq',
    [options.auditRetentionDays],
  );
  const keys = await db.query('DELETE FROM idempotency_keys WHERE expires_at <= $1 RETURNING scope', [options.now]);
  return { audit: audit.length, idempotencyKeys: keys.length };
}
