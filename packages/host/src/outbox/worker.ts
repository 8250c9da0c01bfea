import type { Policy } from '@raincheck/policy';
import {
  DeliveryError,
  type MessageFacts,
  type Notifier,
  type RefundProvider,
  type RenderedMessage,
} from '../delivery/types.js';
import type { LinkSeal } from '../core/link-seal.js';
import { finished } from '../core/notify.js';
import type { OutboxRow } from '../core/outbox.js';
import { policyResolver } from '../core/policies.js';
import type { HostStore, StoreTransaction } from '../core/store.js';
import { systemContext } from '../core/system-context.js';
import type { RequestContext } from '../core/handler.js';
import { retryDelayMs } from './backoff.js';
import { channelName, escalate } from './escalate.js';
import { resolveMessage, UnsendableMessageError, type OfferUrl } from './message-facts.js';
import { expireOffer } from './offer-expiry.js';
import { carryOutRefund, settleRefund } from './refund-row.js';

/** A delivery after its deadline by more than this is `late`: "within 0 minutes" means "at once", not "in no time". */
export const DEADLINE_GRACE_MS = 60_000;

/** How much longer than a notifier's own timeout the worker waits for its attempt. */
const ATTEMPT_MARGIN_MS = 1_000;

/** How to make an outbox worker. */
export interface OutboxWorkerOptions {
  readonly store: HostStore;
  /** The host's default policy (as the core's): an expired offer's next step is decided under the tenant's policy. */
  readonly policy: () => Policy;
  /** The notifiers, by the channels they serve; a row on a channel none serves fails (and the team is told). */
  readonly notifiers: readonly Notifier[];
  /** Writes a message's subject, text, HTML and SMS from its facts. */
  readonly render: (facts: MessageFacts) => RenderedMessage;
  /** Carries out refunds; without one, refund rows wait (retried with backoff) and finally fail to the team. */
  readonly refunds?: RefundProvider;
  /** Writes the offer link from its token (the `--offer-url` template); without it messages carry no link. */
  readonly offerUrl?: OfferUrl;
  /** Opens the offer tokens the core sealed into rows: the same secret as the core's. */
  readonly linkSeal?: LinkSeal;
  /** The host's clock, epoch ms (a test clock moves it); default `Date.now`. */
  readonly now?: () => number;
  readonly instant?: (ms: number) => string;
  /** This worker's name in `locked_by`; default a random one. */
  readonly id?: string;
  /** How long a claim holds a row; longer than the longest attempt may take (refused otherwise). Default 30 s, or twice the longest attempt. */
  readonly leaseMs?: number;
  /** How long one delivery attempt may take when its notifier or refund provider sets no `timeoutMs` of its own. Default 10 s. */
  readonly sendTimeoutMs?: number;
  /** Rows per claim. Default 10. */
  readonly batchSize?: number;
  /** How long an idle worker waits before it looks again (a write's `wake` cuts it short). Default 1 s. */
  readonly pollMs?: number;
  /** Attempts before a retryable failure is final. Default 10. */
  readonly maxAttempts?: number;
  readonly random?: () => number;
  /** Failures of the worker's own (a database down): it keeps going. Default `console.error`. */
  readonly onError?: (error: unknown) => void;
  /** Every attempt's result, after it is recorded (logs, benchmarks). */
  readonly onAttempt?: (event: AttemptEvent) => void;
}

/** One attempt as the worker recorded it. */
export interface AttemptEvent {
  readonly row: OutboxRow;
  readonly outcome: OutboxRow['outcome'] | 'retry';
  /** When the attempt started (the host's clock, epoch ms). */
  readonly startedAt: number;
  readonly error?: string;
}

/** Claims due outbox rows and carries them out, outside any transaction, recording every attempt. */
export interface OutboxWorker {
  readonly id: string;
  /** Claims one batch of what is due now and carries it out; resolves with how many rows it handled. */
  runOnce(): Promise<number>;
  /** Runs batches until nothing is due now. */
  drain(): Promise<number>;
  /** Polls until {@link stop}. */
  start(): void;
  /** Looks now, instead of at the next poll (after a write commits, or the test clock moved). */
  wake(): void;
  /** Stops polling; resolves when the batch in hand is recorded. */
  stop(): Promise<void>;
}

type Attempt =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly retryable: boolean;
      readonly error: string;
      readonly retryAfterMs?: number;
      readonly providerDetail?: string;
    };

/** What a worker's attempts may take, from its options. */
interface AttemptTimes {
  /** An attempt's limit, from its notifier's own timeout (none: the worker's `sendTimeoutMs`). */
  readonly limitOf: (timeoutMs: number | undefined) => number;
  /** How long a claimed row stays this worker's. */
  readonly leaseMs: number;
}

/**
 * The worker's attempt limits and its lease; a RangeError when the lease is not longer than its
 * longest attempt (another worker would take a row over mid-send). Exported so a command line can
 * refuse the flags before it opens a database.
 */
export function attemptTimes(
  options: Pick<OutboxWorkerOptions, 'notifiers' | 'refunds' | 'sendTimeoutMs' | 'leaseMs'>,
): AttemptTimes {
  const sendTimeoutMs = options.sendTimeoutMs ?? 10_000;
  // Each attempt waits as long as its notifier's own limit (--webhook-timeout), and a little more, so
  // the notifier's own timeout error (naming its limit) is the one recorded.
  const limitOf = (timeoutMs: number | undefined) =>
    timeoutMs === undefined ? sendTimeoutMs : timeoutMs + ATTEMPT_MARGIN_MS;
  const attemptLimits = [
    ...options.notifiers.map((n) => limitOf(n.timeoutMs)),
    ...(options.refunds ? [limitOf(options.refunds.timeoutMs)] : []),
  ];
  const longestAttemptMs = attemptLimits.length === 0 ? sendTimeoutMs : Math.max(...attemptLimits);
  const leaseMs = options.leaseMs ?? Math.max(30_000, 2 * longestAttemptMs);
  if (!(leaseMs > longestAttemptMs)) {
    throw new RangeError(
      `The outbox worker's lease (${leaseMs} ms) must be longer than its longest delivery attempt (${longestAttemptMs} ms, from the notifiers' timeouts): another worker would take the row over mid-send.`,
    );
  }
  return { limitOf, leaseMs };
}

/** Creates a worker; call `start()` to poll, or `drain()` / `runOnce()` to step it. */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { store } = options;
  const clock = options.now ?? Date.now;
  const instant = options.instant ?? ((ms: number) => new Date(ms).toISOString());
  const id = options.id ?? `worker-${crypto.randomUUID()}`;
  const { limitOf, leaseMs } = attemptTimes(options);
  const batchSize = options.batchSize ?? 10;
  const pollMs = options.pollMs ?? 1_000;
  const maxAttempts = options.maxAttempts ?? 10;
  const random = options.random ?? Math.random;
  const onError = options.onError ?? ((error: unknown) => console.error('raincheck outbox worker:', error));
  const policyFor = policyResolver(options.policy);
  const linkSeal = options.linkSeal ?? null;
  const notifierFor = (channel: string | null) =>
    options.notifiers.find((n) => channel !== null && n.channels.includes(channel));

  /** Runs `work` on the row in a write transaction, if this worker still holds it (a lost lease: another worker has it). */
  async function record(
    row: OutboxRow,
    work: (context: RequestContext, current: OutboxRow) => Promise<OutboxRow>,
  ): Promise<OutboxRow | null> {
    return store.write(async (tx: StoreTransaction) => {
      const current = await tx.outboxRow(row.id);
      // A lease run out is lost even if no one took the row yet: it is claimed again (at least once), never recorded late.
      const leaseHeld =
        current?.lockedBy === id && current.lockedUntil !== null && Date.parse(current.lockedUntil) > clock();
      if (!current || !leaseHeld || current.outcome !== null) return null;
      const context = systemContext(tx, { policyFor, nowMs: clock(), instant, linkSeal });
      const next = await work(context, current);
      await tx.putOutbox(next);
      return next;
    });
  }

  /** A delivery attempt with a timeout; a plain error is retryable, a `DeliveryError` says. */
  async function attempt(
    deliver: (signal: AbortSignal) => Promise<unknown>,
    ownTimeoutMs: number | undefined,
  ): Promise<Attempt> {
    const controller = new AbortController();
    const limitMs = limitOf(ownTimeoutMs);
    const timer = setTimeout(
      () => controller.abort(new DeliveryError(`no answer within ${limitMs} ms`, true)),
      limitMs,
    );
    try {
      await Promise.race([
        deliver(controller.signal),
        new Promise((_, reject) =>
          controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true }),
        ),
      ]);
      return { ok: true };
    } catch (error) {
      const retryAfterMs = error instanceof DeliveryError ? error.retryAfterMs : undefined;
      const providerDetail = error instanceof DeliveryError ? error.providerDetail : undefined;
      return {
        ok: false,
        retryable: !(error instanceof DeliveryError) || error.retryable,
        error: error instanceof Error ? error.message : String(error),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        ...(providerDetail === undefined ? {} : { providerDetail }),
      };
    } finally {
      clearTimeout(timer);
    }
  }

  /** What an attempt leaves: done (sent, late, failed) or due again after a backoff; the team told once when the deadline passed. */
  async function afterAttempt(
    context: RequestContext,
    row: OutboxRow,
    result: Attempt,
    kind: 'notification-failed' | 'refund-failed',
  ): Promise<OutboxRow> {
    const overdue = row.deadlineAt !== null && context.nowMs > Date.parse(row.deadlineAt) + DEADLINE_GRACE_MS;
    const what =
      row.kind === 'refund'
        ? 'The refund'
        : `${channelName(row.channel)[0]!.toUpperCase()}${channelName(row.channel).slice(1)} to the client`;
    if (result.ok) {
      if (overdue && row.escalatedAt === null)
        await escalate(
          context,
          row,
          kind,
          `${what} went out late: due by ${row.deadlineAt}, delivered ${context.now} (after ${row.attempts} attempts).`,
        );
      return finished(row, overdue ? 'late' : 'sent', context.now, row.lastError);
    }
    if (!result.retryable || row.attempts >= maxAttempts) {
      await escalate(
        context,
        row,
        kind,
        `${what} could not be delivered (${row.attempts} attempts): ${result.error}${result.providerDetail ? ` (${result.providerDetail})` : ''}`,
      );
      return finished(row, 'failed', context.now, result.error);
    }
    let escalatedAt = row.escalatedAt;
    if (overdue && escalatedAt === null) {
      await escalate(
        context,
        row,
        kind,
        `${what} is past its deadline (${row.deadlineAt}) and not delivered yet; still retrying. Last error: ${result.error}${result.providerDetail ? ` (${result.providerDetail})` : ''}`,
      );
      escalatedAt = context.now;
    }
    // The provider's own Retry-After, when longer than the backoff.
    const delay = Math.max(retryDelayMs(row.attempts, random), result.retryAfterMs ?? 0);
    return {
      ...row,
      runAt: instant(context.nowMs + delay),
      lockedBy: null,
      lockedUntil: null,
      lastError: result.error,
      escalatedAt,
    };
  }

  async function sendMessage(row: OutboxRow, startedAt: number): Promise<OutboxRow | null> {
    let resolved: Awaited<ReturnType<typeof resolveMessage>>;
    try {
      resolved = await store.read((tx) =>
        resolveMessage(tx, row, { linkSeal, offerUrl: options.offerUrl ?? null, nowMs: startedAt }),
      );
    } catch (error) {
      if (!(error instanceof UnsendableMessageError)) throw error;
      // Nothing to say it with (a record gone, a link that will not open): failed, and the team told, rather than retried forever.
      const result: Attempt = { ok: false, retryable: false, error: error.message };
      return record(row, (context, current) => afterAttempt(context, current, result, 'notification-failed'));
    }
    if (resolved.obsolete)
      return record(row, (context, current) => Promise.resolve(finished(current, 'obsolete', context.now)));
    const notifier = notifierFor(row.channel);
    let rendered: RenderedMessage | undefined;
    let renderError: string | undefined;
    try {
      rendered = options.render(resolved.facts);
    } catch (error) {
      // Facts the templates refuse (an unknown zone …) will not render on a later attempt either.
      renderError = `the message cannot be written: ${error instanceof Error ? error.message : String(error)}`;
    }
    const result: Attempt =
      rendered === undefined
        ? { ok: false, retryable: false, error: renderError ?? 'the message cannot be written' }
        : notifier
          ? await attempt(
              (signal) =>
                notifier.deliver(
                  {
                    id: row.id,
                    channel: row.channel!,
                    tenant: row.tenant,
                    to: resolved.to,
                    facts: resolved.facts,
                    rendered: rendered,
                  },
                  { signal },
                ),
              notifier.timeoutMs,
            )
          : { ok: false, retryable: false, error: `no notifier serves the channel "${String(row.channel)}"` };
    return record(row, (context, current) => afterAttempt(context, current, result, 'notification-failed'));
  }

  async function handle(row: OutboxRow): Promise<void> {
    const startedAt = clock();
    let done: OutboxRow | null;
    if (row.kind === 'offer-expiry') {
      done = await record(row, (context, current) => expireOffer(context, current));
    } else if (row.kind === 'refund') {
      const order = await store.read((tx) => carryOutRefund(tx, row));
      if (order === null) {
        done = await record(row, (context, current) => Promise.resolve(finished(current, 'obsolete', context.now)));
      } else {
        const provider = options.refunds;
        const result: Attempt = provider
          ? await attempt((signal) => provider.issue(order, { signal }), provider.timeoutMs)
          : { ok: false, retryable: true, error: 'no refund provider is configured' };
        done = await record(row, async (context, current) => {
          const next = await afterAttempt(context, current, result, 'refund-failed');
          await settleRefund(context, next);
          return next;
        });
      }
    } else {
      done = await sendMessage(row, startedAt);
    }
    if (done)
      options.onAttempt?.({
        row: done,
        outcome: done.outcome ?? 'retry',
        startedAt,
        ...(done.outcome === null || done.outcome === 'failed' ? { error: done.lastError ?? '' } : {}),
      });
  }

  /**
   * Tells the team once about every row whose deadline passed undelivered and that no worker holds:
   * one waiting for a later retry (a long Retry-After) would otherwise be escalated only when tried again.
   */
  async function sweepOverdue(nowMs: number): Promise<void> {
    await store.write(async (tx) => {
      const context = systemContext(tx, { policyFor, nowMs, instant, linkSeal });
      for (const row of await tx.overdueOutbox({
        deadlineBefore: instant(nowMs - DEADLINE_GRACE_MS),
        now: instant(nowMs),
        limit: batchSize,
      })) {
        const kind = row.kind === 'refund' ? 'refund-failed' : 'notification-failed';
        const what =
          row.kind === 'refund'
            ? 'The refund'
            : `${channelName(row.channel)[0]!.toUpperCase()}${channelName(row.channel).slice(1)} to the client`;
        await escalate(
          context,
          row,
          kind,
          `${what} is past its deadline (${row.deadlineAt}) and not delivered yet; next attempt ${row.runAt}.${row.lastError ? ` Last error: ${row.lastError}` : ''}`,
        );
        await tx.putOutbox({ ...row, escalatedAt: context.now });
      }
    });
  }

  async function runOnce(): Promise<number> {
    const nowMs = clock();
    await sweepOverdue(nowMs);
    const claimed = await store.write((tx) =>
      tx.claimOutbox({ worker: id, now: instant(nowMs), leaseUntil: instant(nowMs + leaseMs), limit: batchSize }),
    );
    await Promise.all(
      claimed.map((row) =>
        handle(row).catch((error: unknown) => {
          // Left leased: it comes back when the lease runs out (at least once, never lost).
          onError(error);
        }),
      ),
    );
    return claimed.length;
  }

  let running = false;
  let loop: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), pollMs);
      const done = () => {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      };
      wakeUp = done;
    });

  return {
    id,
    runOnce,
    drain: async () => {
      let total = 0;
      for (let n = await runOnce(); n > 0; n = await runOnce()) total += n;
      return total;
    },
    start: () => {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          let handled = 0;
          try {
            handled = await runOnce();
          } catch (error) {
            onError(error);
          }
          if (handled === 0 && running) await pause();
        }
      })();
    },
    wake: () => wakeUp?.(),
    stop: async () => {
      running = false;
      wakeUp?.();
      await loop;
      loop = null;
    },
  };
}
