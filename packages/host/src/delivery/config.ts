// Every delivery flag of `raincheck-host serve` / `worker`, parsed once into the notifiers by channel,
// the refund provider and the offer link, or refused at start with a message naming the flag.
import { readFileSync } from 'node:fs';
import type { ParseArgsConfig } from 'node:util';
import { DeliveryConfigError } from './config-error.js';
import { parseDuration } from './duration.js';
import { createEmailNotifier } from './email-notifier.js';
import { createLogNotifier, type LogNotifier } from './log-notifier.js';
import { compileMessageTemplates, type MessageTemplates } from './messages/templates.js';
import { offerUrlTemplate } from './offer-url.js';
import { renderMessage } from './render-message.js';
import { createRefundWebhook } from './refund-webhook.js';
import { DEFAULT_WEBHOOK_TIMEOUT_MS, createWebhookNotifier } from './webhook-notifier.js';
import { checkWebhookUrl } from './webhook-url.js';
import type { Channel, MessageFacts, Notifier, RefundProvider, RenderedMessage } from './types.js';

/** The flags as `node:util` `parseArgs` gives them with {@link DELIVERY_CLI_OPTIONS}. */
export interface DeliveryFlags {
  readonly 'smtp-url'?: string;
  readonly 'smtp-from'?: string;
  /** `CHANNEL=URL` or `CHANNEL,CHANNEL=URL`, repeatable. */
  readonly 'webhook-url'?: readonly string[];
  /** `SECRET` (every webhook without its own) or `CHANNEL=SECRET`, repeatable. */
  readonly 'webhook-secret'?: readonly string[];
  readonly 'webhook-timeout'?: string;
  readonly 'refund-webhook-url'?: string;
  readonly 'refund-webhook-secret'?: string;
  readonly 'offer-url'?: string;
  /** Deliver to the log (in memory, one line each) on every channel nothing else serves. */
  readonly 'log-notifications'?: boolean;
  /** A JSON file of the partner's own wording (see `compileMessageTemplates`). */
  readonly 'message-templates'?: string;
}

/** The `parseArgs` options for {@link DeliveryFlags}: spread them into a command's own. */
export const DELIVERY_CLI_OPTIONS = {
  'smtp-url': { type: 'string' },
  'smtp-from': { type: 'string' },
  'webhook-url': { type: 'string', multiple: true },
  'webhook-secret': { type: 'string', multiple: true },
  'webhook-timeout': { type: 'string' },
  'refund-webhook-url': { type: 'string' },
  'refund-webhook-secret': { type: 'string' },
  'offer-url': { type: 'string' },
  'log-notifications': { type: 'boolean' },
  'message-templates': { type: 'string' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** The usage lines for the delivery flags. */
export const DELIVERY_USAGE = `Delivery (serve and worker):
  --smtp-url smtp://user:pass@host:587 | smtps://host:465   email through SMTP (pooled)
  --smtp-from "Practice <noreply@practice.example>"          the From address (needed with --smtp-url)
  --webhook-url CHANNEL[,CHANNEL]=URL                        a signed webhook for sms, phone, push, … (repeatable)
  --webhook-secret SECRET | CHANNEL=SECRET                   its signing secret (or RAINCHECK_WEBHOOK_SECRET)
  --webhook-timeout 10s                                      one webhook attempt's limit
  --refund-webhook-url URL                                   refunds as signed webhooks to the partner's billing
  --refund-webhook-secret SECRET                             (or RAINCHECK_REFUND_WEBHOOK_SECRET; else the webhook secret)
  --offer-url "https://practice.example/offer/{token}"       the client's offer link
  --log-notifications                                        log (and list) messages on channels nothing else serves (on with --seed demo or --fixtures)
  --message-templates FILE.json                              your own subject, text, SMS or sign-off per language and kind`;

/** What the worker delivers with. */
export interface DeliveryConfig {
  /**
   * Every notifier, the configured ones before the log notifier, so the first that serves a channel
   * is its own: the outbox worker's `notifiers` (this config spreads into its options).
   */
  readonly notifiers: readonly Notifier[];
  /** The notifier for a channel: its own, else the log notifier when logging, else none (the worker tells the team it could not send). */
  notifierFor(channel: Channel): Notifier | undefined;
  /** The channels given a notifier of their own (not the log). */
  readonly configuredChannels: readonly Channel[];
  /** Who carries refunds out; none when neither a refund webhook nor the log is configured. */
  readonly refunds?: RefundProvider;
  /** Fills the client's offer link with their token. */
  readonly offerUrl?: (token: string) => string;
  /** The partner's checked templates, if given. */
  readonly templates?: MessageTemplates;
  /** Renders a message with them: what the worker calls. */
  render(facts: MessageFacts): RenderedMessage;
  /** The in-memory log, when logging: every message and refund it took, in-process (`log.list()`). */
  readonly log?: LogNotifier;
  /** One line per channel and the refunds, for the start message (no secrets). */
  readonly summary: readonly string[];
  /** Closes every notifier's connections. */
  close(): Promise<void>;
}

/** Where secrets may also come from, so they need not be on a command line. */
export interface DeliveryEnvironment {
  readonly RAINCHECK_WEBHOOK_SECRET?: string;
  readonly RAINCHECK_REFUND_WEBHOOK_SECRET?: string;
}

const CHANNEL = /^[a-z][a-z0-9-]*$/;
/** Channel names that, before an `=`, surely name a channel rather than start a secret. */
const WELL_KNOWN_CHANNELS: ReadonlySet<string> = new Set(['email', 'sms', 'phone', 'push', 'whatsapp']);

/** `sms,phone=https://…` → the channels and the URL. */
function parseWebhookUrl(value: string): { channels: Channel[]; url: string } {
  const at = value.indexOf('=');
  const channels =
    at < 0
      ? []
      : value
          .slice(0, at)
          .split(',')
          .map((channel) => channel.trim());
  if (at < 0 || channels.some((channel) => !CHANNEL.test(channel)) || /^https?:/.test(value)) {
    throw new DeliveryConfigError(
      '--webhook-url',
      `--webhook-url "${value}": give CHANNEL=URL, e.g. sms=https://relay.example/sms (channels are lower-case words)`,
    );
  }
  const url = value.slice(at + 1);
  checkWebhookUrl(url, '--webhook-url');
  return { channels, url };
}

/** Splits `--webhook-secret` values into the shared one and those of named channels. */
function parseWebhookSecrets(
  values: readonly string[],
  webhookChannels: ReadonlySet<Channel>,
): { shared?: string; byChannel: Map<Channel, string> } {
  const byChannel = new Map<Channel, string>();
  let shared: string | undefined;
  for (const value of values) {
    const at = value.indexOf('=');
    const channel = at > 0 ? value.slice(0, at) : '';
    // A secret may itself contain "=" (base64 padding): only a known channel before it names one.
    if (CHANNEL.test(channel) && webhookChannels.has(channel)) {
      if (byChannel.has(channel))
        throw new DeliveryConfigError('--webhook-secret', `--webhook-secret: ${channel} is given twice`);
      byChannel.set(channel, value.slice(at + 1));
    } else if (WELL_KNOWN_CHANNELS.has(channel)) {
      throw new DeliveryConfigError(
        '--webhook-secret',
        `--webhook-secret ${channel}=…: no --webhook-url for ${channel}`,
      );
    } else {
      if (shared !== undefined)
        throw new DeliveryConfigError(
          '--webhook-secret',
          '--webhook-secret: two shared secrets; give one, or CHANNEL=SECRET for each webhook',
        );
      shared = value;
    }
  }
  return shared === undefined ? { byChannel } : { shared, byChannel };
}

/** Reads and checks `--message-templates` at start. */
function readTemplates(file: string): MessageTemplates {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DeliveryConfigError(
      '--message-templates',
      `--message-templates ${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DeliveryConfigError(
      '--message-templates',
      `--message-templates ${file}: not JSON (${(error as Error).message})`,
    );
  }
  return compileMessageTemplates(json, file);
}

/**
 * Parses the delivery flags into the notifiers by channel, the refund provider and the offer link,
 * checking everything at start: a {@link DeliveryConfigError} names the flag and what is wrong.
 * `development` (`--seed demo` or `--fixtures`) turns the log notifier on for channels nothing else serves and logs
 * refunds when no refund webhook is given.
 */
export function parseDeliveryOptions(
  flags: DeliveryFlags,
  options: {
    readonly development?: boolean;
    readonly env?: DeliveryEnvironment;
    /** The host's clock for the log's entries (not for webhook signatures, which keep real time). */
    readonly now?: () => Date;
  } = {},
): DeliveryConfig {
  const env = options.env ?? {};
  const byChannel = new Map<Channel, Notifier>();
  const summary: string[] = [];
  const offerUrl = flags['offer-url'] === undefined ? undefined : offerUrlTemplate(flags['offer-url']);
  const templates = flags['message-templates'] === undefined ? undefined : readTemplates(flags['message-templates']);
  const timeoutMs =
    flags['webhook-timeout'] === undefined
      ? DEFAULT_WEBHOOK_TIMEOUT_MS
      : parseDuration(flags['webhook-timeout'], '--webhook-timeout', { minMs: 100, maxMs: 120_000 });
  // The host's clock (a test clock in fixtures mode) dates the log's entries. Webhook signatures keep
  // the real time: the receiver checks them against its own clock.
  const now = options.now ? { now: options.now } : {};

  if ((flags['smtp-url'] === undefined) !== (flags['smtp-from'] === undefined)) {
    throw flags['smtp-url'] === undefined
      ? new DeliveryConfigError('--smtp-from', '--smtp-from needs --smtp-url: the SMTP server that sends the email')
      : new DeliveryConfigError(
          '--smtp-from',
          '--smtp-url needs --smtp-from: the From address of the emails, e.g. "Practice <noreply@practice.example>"',
        );
  }
  const opened: Notifier[] = [];
  try {
    if (flags['smtp-url'] !== undefined && flags['smtp-from'] !== undefined) {
      const email = createEmailNotifier({ smtpUrl: flags['smtp-url'], from: flags['smtp-from'] });
      opened.push(email);
      byChannel.set('email', email);
      summary.push(`email: SMTP ${new URL(flags['smtp-url']).host} (pooled), from ${flags['smtp-from']}`);
    }

    const hooks = (flags['webhook-url'] ?? []).map(parseWebhookUrl);
    const hookChannels = new Set<Channel>();
    for (const hook of hooks) {
      for (const channel of hook.channels) {
        if (channel === 'email' && byChannel.has('email'))
          throw new DeliveryConfigError(
            '--webhook-url',
            '--webhook-url email=…: email is already sent through --smtp-url; give one of them',
          );
        if (hookChannels.has(channel))
          throw new DeliveryConfigError(
            '--webhook-url',
            `--webhook-url: ${channel} has two webhooks; give one URL per channel`,
          );
        hookChannels.add(channel);
      }
    }
    const secrets = parseWebhookSecrets(flags['webhook-secret'] ?? [], hookChannels);
    const sharedSecret = secrets.shared ?? env.RAINCHECK_WEBHOOK_SECRET;
    for (const hook of hooks) {
      const own = [
        ...new Set(
          hook.channels.map((channel) => secrets.byChannel.get(channel)).filter((secret) => secret !== undefined),
        ),
      ];
      if (own.length > 1)
        throw new DeliveryConfigError(
          '--webhook-secret',
          `--webhook-secret: the ${hook.channels.join(',')} webhook has ${own.length} different secrets; give one`,
        );
      const notifier = createWebhookNotifier({
        channels: hook.channels,
        url: hook.url,
        secret: own[0] ?? sharedSecret ?? '',
        timeoutMs,
      });
      for (const channel of hook.channels) byChannel.set(channel, notifier);
      summary.push(`${hook.channels.join(', ')}: signed webhook ${new URL(hook.url).origin}`);
    }

    let refunds: RefundProvider | undefined;
    if (flags['refund-webhook-url'] !== undefined) {
      const secret = flags['refund-webhook-secret'] ?? env.RAINCHECK_REFUND_WEBHOOK_SECRET ?? sharedSecret ?? '';
      refunds = createRefundWebhook({ url: flags['refund-webhook-url'], secret, timeoutMs });
      summary.push(`refunds: signed webhook ${new URL(flags['refund-webhook-url']).origin}`);
    } else if (flags['refund-webhook-secret'] !== undefined) {
      throw new DeliveryConfigError(
        '--refund-webhook-secret',
        "--refund-webhook-secret needs --refund-webhook-url: where the partner's billing takes refunds",
      );
    }

    const logging = flags['log-notifications'] ?? options.development ?? false;
    const log =
      logging || (options.development === true && refunds === undefined)
        ? createLogNotifier({ ...now, maskContacts: options.development !== true })
        : undefined;
    if (logging && log) summary.push(`every other channel: the log (listed in memory)`);
    if (refunds === undefined && options.development === true && log) {
      refunds = log.refunds;
      summary.push('refunds: the log (development: no money moves)');
    }
    if (!logging && byChannel.size === 0)
      summary.push('no notifiers: nothing is sent, and the outbox worker tells the team about each message');
    if (refunds === undefined)
      summary.push('no refund provider: refunds wait in the outbox, then fail to the team (give --refund-webhook-url)');

    const distinct = [...new Set(byChannel.values())];
    return {
      notifiers: logging && log ? [...distinct, log] : distinct,
      notifierFor: (channel) => byChannel.get(channel) ?? (logging ? log : undefined),
      configuredChannels: [...byChannel.keys()],
      ...(refunds === undefined ? {} : { refunds }),
      ...(offerUrl === undefined ? {} : { offerUrl }),
      ...(templates === undefined ? {} : { templates }),
      render: (facts) => renderMessage(facts, templates),
      ...(log === undefined ? {} : { log }),
      summary,
      async close() {
        const held: { close?(): Promise<void> }[] = [...distinct, ...(refunds === undefined ? [] : [refunds])];
        await Promise.all(
          held.map(async (holder) => {
            await holder.close?.();
          }),
        );
      },
    };
  } catch (error) {
    // Nothing half-opened stays behind a refused start.
    for (const notifier of opened) void notifier.close?.();
    throw error;
  }
}
