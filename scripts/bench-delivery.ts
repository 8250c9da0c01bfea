// Delivery throughput, independent of the outbox: the email notifier against this machine's own SMTP
// sink (smtp-server in a process of its own), pooled beside one connection per message, at 1 and 20
// messages in flight; the signed webhook notifier beside a plain unsigned fetch of the same body; and
// what rendering a message costs. Part of `npm run bench`; alone: node --import tsx scripts/bench-delivery.ts
// Prints figures, asserts nothing; refuses a row whose messages did not all arrive.
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { SMTPServer } from 'smtp-server';
import {
  createEmailNotifier,
  createWebhookNotifier,
  renderMessage,
  type MessageFacts,
  type Notifier,
  type OutboundMessage,
} from '../packages/host/src/delivery/index.js';

const MESSAGES = Number(process.env.BENCH_DELIVERY_MESSAGES ?? 1_000);
const WARM_UP = 200;
const SECRET = 'the-benchmark-webhook-secret-0123456789';

type SinkMessage =
  { type: 'ready'; smtpPort: number; httpPort: number } | { type: 'count'; smtp: number; http: number };

/** The sink's side: an SMTP server that accepts and discards every mail, and an HTTP server answering 204. */
async function runSink(): Promise<void> {
  let smtp = 0;
  let http = 0;
  const smtpServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // No reverse DNS lookup of each connecting client: it costs a lookup per connection on loopback.
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        smtp++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtpServer.listen(0, '127.0.0.1', resolve));
  const httpServer = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      http++;
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  process.on('message', (message: string) => {
    if (message === 'count') process.send?.({ type: 'count', smtp, http } satisfies SinkMessage);
    if (message === 'close') process.exit(0);
  });
  process.send?.({
    type: 'ready',
    smtpPort: (smtpServer.server.address() as AddressInfo).port,
    httpPort: (httpServer.address() as AddressInfo).port,
  } satisfies SinkMessage);
}

function next(child: ChildProcess): Promise<SinkMessage> {
  return new Promise((resolve) => child.once('message', (message: SinkMessage) => resolve(message)));
}

const facts: MessageFacts = {
  kind: 'session-cancelled',
  locale: 'de-DE',
  client: { name: 'Jonas Weber', timeZone: 'America/New_York' },
  therapist: { name: 'Ana Lind', timeZone: 'Europe/Berlin' },
  session: { startsAt: '2027-06-08T19:00:00Z', endsAt: '2027-06-08T19:50:00Z' },
  alternatives: [
    { startsAt: '2027-06-09T19:00:00Z', endsAt: '2027-06-09T19:50:00Z' },
    { startsAt: '2027-06-10T15:00:00Z', endsAt: '2027-06-10T15:50:00Z' },
  ],
  offerUrl: 'https://practice.example/offer/tok_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  chooseBy: '2027-06-09T12:00:00Z',
  refund: { amount: 8000, currency: 'EUR', status: 'pending' },
};
const rendered = renderMessage(facts);
const message = (i: number, channel: string): OutboundMessage => ({
  id: `bench-${channel}-${i}`,
  channel,
  tenant: 'practice-a',
  to: { name: 'Jonas Weber', email: `client${i}@client.example`, phone: '+4915100000000' },
  facts,
  rendered,
});

interface Row {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

/** Runs `count` sends with `inFlight` at a time; each send's time from start to answer. */
async function measure(count: number, inFlight: number, send: (i: number) => Promise<unknown>): Promise<Row> {
  const samples = new Float64Array(count);
  let started = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (started < count) {
        const i = started++;
        const at = performance.now();
        await send(i);
        samples[i] = performance.now() - at;
      }
    }),
  );
  const total = performance.now() - t0;
  samples.sort();
  const at = (q: number) => samples[Math.min(count - 1, Math.floor(q * count))]!;
  return { perSecond: (count / total) * 1000, p50: at(0.5), p99: at(0.99) };
}

const ms = (value: number) => (value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`);
const rate = (value: number) => Math.round(value).toLocaleString('en-GB');

/** Prints the delivery figures; false when a row could not be measured. */
export async function deliveryBenchmarks(): Promise<boolean> {
  console.log(
    `\nDelivery (outbox-independent; Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}): up to ${MESSAGES} messages per row (the count in brackets) after a warm-up, against this machine's own sinks in another process (smtp-server without TLS, which waits 100 ms before greeting each connection; node:http answering 204)`,
  );
  const renderRow = await measure(MESSAGES * 5, 1, () => Promise.resolve(renderMessage(facts)));
  console.log(
    `renderMessage (German cancel, two alternatives, every part): ${rate(renderRow.perSecond)} messages/s, p50 ${ms(renderRow.p50)}`,
  );

  const child = fork(new URL(import.meta.url).pathname, ['--sink'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let complete = true;
  try {
    const ready = await next(child);
    if (ready.type !== 'ready') throw new Error('the delivery sink did not start');
    const counts = async () => {
      const answer = next(child);
      child.send('count');
      const message = await answer;
      if (message.type !== 'count') throw new Error('the delivery sink did not count');
      return message;
    };
    const smtpUrl = `smtp://127.0.0.1:${ready.smtpPort}`;
    const rows: [string, Row | string][] = [];
    /** `share` of the messages for rows that take a connection's setup per message (≥ 100 ms each alone). */
    const row = async (
      label: string,
      notifier: Notifier & { close?(): Promise<void> },
      inFlight: number,
      channel: 'email' | 'sms',
      counted: 'smtp' | 'http',
      share = 1,
    ) => {
      const total = Math.max(20, Math.round(MESSAGES * share));
      try {
        await measure(Math.max(5, Math.round(WARM_UP * share)), inFlight, (i) =>
          notifier.deliver(message(-1 - i, channel), { signal: AbortSignal.timeout(30_000) }),
        );
        const before = (await counts())[counted];
        const result = await measure(total, inFlight, (i) =>
          notifier.deliver(message(i, channel), { signal: AbortSignal.timeout(30_000) }),
        );
        const arrived = (await counts())[counted] - before;
        if (arrived !== total) {
          rows.push([label, `REFUSED: ${arrived} of ${total} arrived`]);
          complete = false;
        } else rows.push([`${label} (${total})`, result]);
      } finally {
        await notifier.close?.();
      }
    };
    for (const inFlight of [1, 20]) {
      await row(
        `email, pooled (5 connections), ${inFlight} in flight`,
        createEmailNotifier({ smtpUrl, from: 'noreply@practice.example' }),
        inFlight,
        'email',
        'smtp',
      );
      await row(
        `email, a connection per message, ${inFlight} in flight`,
        createEmailNotifier({ smtpUrl, from: 'noreply@practice.example', pool: false }),
        inFlight,
        'email',
        'smtp',
        inFlight === 1 ? 0.05 : 0.5,
      );
    }
    const hookUrl = `http://127.0.0.1:${ready.httpPort}/sms`;
    const plain: Notifier = {
      channels: ['sms'],
      async deliver(outbound) {
        const response = await fetch(hookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: outbound.id, to: outbound.to, sms: outbound.rendered.sms, facts: outbound.facts }),
        });
        await response.arrayBuffer();
        return {};
      },
    };
    // Interleaved twice and the better round kept: the cores are shared, so one round can be unlucky.
    for (let round = 1; round <= 2; round++) {
      await row(
        `signed webhook (HMAC, Idempotency-Key, timeout), 20 in flight, round ${round}`,
        createWebhookNotifier({ channels: ['sms'], url: hookUrl, secret: SECRET }),
        20,
        'sms',
        'http',
      );
      await row(`plain fetch POST of a similar body (peer), 20 in flight, round ${round}`, plain, 20, 'sms', 'http');
    }

    console.log(`${''.padEnd(80)} messages/s   p50        p99`);
    for (const [label, result] of rows) {
      if (typeof result === 'string') console.log(`${label.padEnd(80)} ${result}`);
      else
        console.log(
          `${label.padEnd(80)} ${rate(result.perSecond).padStart(10)}   ${ms(result.p50).padEnd(9)}  ${ms(result.p99)}`,
        );
    }
  } finally {
    child.send('close');
  }
  return complete;
}

if (process.argv.includes('--sink')) await runSink();
else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!(await deliveryBenchmarks())) process.exitCode = 1;
}
