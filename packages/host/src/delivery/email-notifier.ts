import { createTransport } from 'nodemailer';
import { messageLocale } from './language.js';
import { smtpDeliveryError } from './smtp-error.js';
import { checkFromAddress, checkSmtpUrl } from './smtp-url.js';
import { DeliveryError, type Channel, type DeliveryReceipt, type Notifier, type OutboundMessage } from './types.js';

/** How the email notifier reaches its SMTP server. */
export interface EmailNotifierOptions {
  /** `smtp://[user:password@]host[:port]` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
  readonly smtpUrl: string;
  /** The From header, e.g. `Practice <noreply@practice.example>`. */
  readonly from: string;
  /** The channels it serves (default `email`). */
  readonly channels?: readonly Channel[];
  /** The domain in Message-IDs (`<row-id@domain>`); default the From address's domain. */
  readonly messageIdDomain?: string;
  /** Keep connections open and reuse them (default true): one connection per message costs a handshake each. */
  readonly pool?: boolean;
  /** Connections the pool keeps open (default 5). */
  readonly maxConnections?: number;
  /** TLS options passed to Node (e.g. a private CA for the partner's relay). */
  readonly tls?: { readonly rejectUnauthorized?: boolean; readonly ca?: string | readonly string[] };
}

/** RFC 5322 dot-atom text: a row id like this is its Message-ID's left part as it is, anything else is encoded. */
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/** The email's Message-ID for an outbox row: the same on every attempt, so a resent mail is recognisably the same. */
export function messageIdFor(rowId: string, domain: string): string {
  const local = DOT_ATOM.test(rowId) ? rowId : Buffer.from(rowId, 'utf8').toString('base64url');
  return `<${local}@${domain}>`;
}

/** A notifier that also holds connections, closed when the worker stops. */
export interface EmailNotifier extends Notifier {
  close(): Promise<void>;
}

/**
 * Email through SMTP with nodemailer: plain text and HTML, the outbox row id as the Message-ID. Checks
 * the URL and From address at once (a {@link DeliveryConfigError} names the flag); failures to send
 * are {@link DeliveryError}s, retryable unless the server answered 5xx.
 */
export function createEmailNotifier(options: EmailNotifierOptions): EmailNotifier {
  const url = checkSmtpUrl(options.smtpUrl);
  const { from, domain } = checkFromAddress(options.from);
  const where = `${url.protocol}//${url.host}`;
  const connection = {
    url: url.href,
    // Nodemailer waits up to 2 and 10 minutes by default; an attempt that stalls should fail and be retried.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
    ...(options.tls
      ? {
          tls: {
            ...options.tls,
            ca:
              typeof options.tls.ca === 'string' || options.tls.ca === undefined ? options.tls.ca : [...options.tls.ca],
          },
        }
      : {}),
  };
  const transport =
    options.pool === false
      ? createTransport(connection)
      : createTransport({ ...connection, pool: true, maxConnections: options.maxConnections ?? 5 });
  return {
    channels: options.channels ?? ['email'],
    async deliver(message: OutboundMessage, { signal }): Promise<DeliveryReceipt> {
      const to = message.to.email;
      if (to === undefined || to === '')
        throw new DeliveryError(`No email address for ${message.to.name} (outbox row ${message.id})`, false);
      try {
        const info = await transport.sendMail({
          from,
          to: { name: message.to.name, address: to },
          subject: message.rendered.subject,
          text: message.rendered.text,
          html: message.rendered.html,
          messageId: messageIdFor(message.id, options.messageIdDomain ?? domain),
          // The language the message is written in (not the raw locale, which came from a person).
          headers: { 'Content-Language': messageLocale(message.facts.locale).language },
          signal,
        });
        return typeof info.response === 'string' ? { providerId: info.response } : {};
      } catch (error) {
        throw smtpDeliveryError(error, where);
      }
    },
    close() {
      transport.close();
      return Promise.resolve();
    },
  };
}
