import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { verifyWebhook } from '../../src/delivery/webhook-signature.js';

// Real transports on loopback for end-to-end delivery tests: an SMTP server whose mails are parsed
// as a mail client would, and a webhook receiver that verifies every signature.

export interface SmtpSink {
  readonly url: string;
  readonly port: number;
  readonly received: ParsedMail[];
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1 (`port` 0: a free one) that parses what it receives. */
export async function smtpSink(port = 0): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    port: bound,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One verified webhook request. */
export interface ReceivedWebhook {
  readonly path: string;
  readonly idempotencyKey: string;
  readonly body: Record<string, unknown>;
  /** What the receiver answered. */
  readonly status: number;
}

export interface WebhookReceiver {
  readonly url: string;
  readonly received: ReceivedWebhook[];
  /** Statuses to answer next, in order (then 200). */
  readonly answers: number[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1:0 that verifies each webhook's signature with `secret` (401 if it fails). */
export async function webhookReceiver(secret: string): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const answers: number[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      try {
        const { idempotencyKey } = verifyWebhook(secret, request.headers, raw);
        const status = answers.shift() ?? 200;
        received.push({
          path: request.url ?? '',
          idempotencyKey: idempotencyKey ?? '',
          body: JSON.parse(raw.toString('utf8')) as Record<string, unknown>,
          status,
        });
        response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      } catch (error) {
        response.writeHead(401).end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
