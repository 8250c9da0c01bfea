import {
  DeliveryError,
  type MessageFacts,
  type Notifier,
  type OutboundMessage,
  type RefundOrder,
  type RefundProvider,
  type RenderedMessage,
} from '../../src/delivery/types.js';

// Stand-ins for the notifiers and refund provider that talk to the outside world: they record what
// they were asked and fail on cue, so the worker's side (claims, retries, deadlines, escalation) is
// tested alone. The real transports (SMTP, webhooks) are tested end to end elsewhere.

/** A rendering that shows every fact, so a test can see what a message would say. */
export function renderFacts(facts: MessageFacts): RenderedMessage {
  const text = JSON.stringify(facts);
  return { subject: `${facts.kind} (${facts.locale})`, text, html: `<pre>${text}</pre>`, sms: text.slice(0, 320) };
}

/** What a fake fails with on its next attempts: a retryable failure, a final one, or a stall. */
export type FakeFailure = 'retryable' | 'final' | 'stall';

/** A notifier that records each delivered message and fails as told. */
export interface RecordingNotifier extends Notifier {
  readonly delivered: OutboundMessage[];
  /** Every attempt, failed ones too, by row id. */
  readonly attempts: string[];
  /** The next attempts' failures, in order; an empty queue delivers. */
  readonly failures: FakeFailure[];
}

async function failAs(failure: FakeFailure | undefined, signal: AbortSignal): Promise<void> {
  if (failure === 'retryable') throw new DeliveryError('the provider answered 500', true);
  if (failure === 'final') throw new DeliveryError('the provider refused the address (550)', false);
  if (failure === 'stall')
    await new Promise((_, reject) =>
      signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }),
    );
}

export function recordingNotifier(channels: readonly string[]): RecordingNotifier {
  const delivered: OutboundMessage[] = [];
  const attempts: string[] = [];
  const failures: FakeFailure[] = [];
  return {
    channels,
    delivered,
    attempts,
    failures,
    deliver: async (message, { signal }) => {
      attempts.push(message.id);
      await failAs(failures.shift(), signal);
      delivered.push(message);
      return { providerId: `fake-${message.id}` };
    },
  };
}

/** A refund provider that records each order it carried out and fails as told. */
export interface RecordingRefunds extends RefundProvider {
  readonly issued: RefundOrder[];
  readonly attempts: string[];
  readonly failures: FakeFailure[];
}

export function recordingRefunds(): RecordingRefunds {
  const issued: RefundOrder[] = [];
  const attempts: string[] = [];
  const failures: FakeFailure[] = [];
  return {
    issued,
    attempts,
    failures,
    issue: async (order, { signal }) => {
      attempts.push(order.id);
      await failAs(failures.shift(), signal);
      issued.push(order);
      return { providerId: `refund-${order.id}` };
    },
  };
}
