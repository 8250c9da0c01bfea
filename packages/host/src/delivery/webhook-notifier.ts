import { postSigned } from './signed-post.js';
import type { NotificationWebhookBody } from './webhook-bodies.js';
import { checkWebhookSecret, checkWebhookUrl } from './webhook-url.js';
import type { Channel, Notifier } from './types.js';

/** A signed webhook serving one or more channels. */
export interface WebhookNotifierOptions {
  /** The channels it serves, e.g. `['sms']`. */
  readonly channels: readonly Channel[];
  /** The partner's relay (http(s)). */
  readonly url: string;
  /** The secret its webhooks are signed with (at least 16 characters). */
  readonly secret: string;
  /** One attempt's limit in milliseconds (default 10 000). */
  readonly timeoutMs?: number;
  /** The clock the signature's timestamp is taken from. */
  readonly now?: () => Date;
}

/** The default time one webhook attempt may take. */
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * Notifications as signed webhooks (see {@link NotificationWebhookBody}): the partner points it at
 * their SMS, phone or push provider. The URL and secret are checked at once.
 */
export function createWebhookNotifier(options: WebhookNotifierOptions): Notifier {
  const forWhat = `the ${options.channels.join('/')} webhook`;
  const target = {
    url: checkWebhookUrl(options.url, '--webhook-url'),
    secret: checkWebhookSecret(options.secret, '--webhook-secret', forWhat),
    timeoutMs: options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS,
    ...(options.now ? { now: options.now } : {}),
  };
  return {
    channels: options.channels,
    timeoutMs: target.timeoutMs,
    deliver(message, { signal }) {
      const body: NotificationWebhookBody = {
        type: 'notification',
        id: message.id,
        channel: message.channel,
        tenant: message.tenant,
        kind: message.facts.kind,
        locale: message.facts.locale,
        to: message.to,
        sms: message.rendered.sms,
        subject: message.rendered.subject,
        text: message.rendered.text,
        facts: message.facts,
      };
      return postSigned(target, body, message.id, signal);
    },
  };
}
