import type { CheckDefinition } from '../check.js';
import { CheckFailure } from '../outcomes.js';
import { cancel, expectStatus, newKey } from '../steps.js';
import { guessability, neighbours } from '../token-randomness.js';

// offers: the link a client gets after a cancellation. Its token is the permission, so it must be
// unguessable; it is answered once; it expires.

const MIN_TOKEN_BITS = 128;

/** How many cancellations' tokens the randomness check compares. */
const SAMPLES = 3;

const answerPath = (token: string) => `/offers/${encodeURIComponent(token)}/answer`;

export const offerChecks: readonly CheckDefinition[] = [
  {
    id: 'offers.unguessable-token',
    group: 'offers',
    title: `Offer tokens carry at least ${MIN_TOKEN_BITS} random bits: ${SAMPLES} cancellations' tokens share no counter or long prefix, each opens its offer, and a near miss, a neighbour or a guess opens nothing (404).`,
    async run(context) {
      const tokens: string[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const practice = await context.freshPractice('ordinary-cancellation');
        const { answer } = await cancel(context, practice, practice.sessionIds[0]!);
        const token = (answer.json as { offer?: { token?: string } | null }).offer?.token;
        if (typeof token !== 'string')
          throw new CheckFailure(`POST /sessions/…/cancel answered 200 without offer.token: the client gets no link`);
        tokens.push(token);
      }
      const weakness = guessability(tokens, MIN_TOKEN_BITS);
      if (weakness)
        throw new CheckFailure(
          `offer tokens can be guessed: ${weakness}; each needs at least ${MIN_TOKEN_BITS} random bits (crypto.randomBytes(16) or more) so links cannot be guessed`,
        );
      for (const token of tokens)
        expectStatus(
          await context.probe.send({ method: 'GET', path: `/offers/${encodeURIComponent(token)}` }),
          200,
          'the link opens its offer',
        );
      const token = tokens[0]!;
      const nearMiss = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
      for (const guess of [nearMiss, ...tokens.flatMap(neighbours)]) {
        if (tokens.includes(guess))
          throw new CheckFailure(
            `the offer token ${JSON.stringify(guess)} is one step from another cancellation's token: links can be guessed from one another`,
          );
        expectStatus(
          await context.probe.send({ method: 'GET', path: `/offers/${encodeURIComponent(guess)}` }),
          404,
          'a token one character or one step off opens nothing',
        );
      }
      expectStatus(
        await context.probe.send({ method: 'GET', path: '/offers/conformance-guessed-token' }),
        404,
        'a guessed token opens nothing',
      );
    },
  },
  {
    id: 'offers.answer-once',
    group: 'offers',
    title: 'An offer is answered once: the second answer (another key) gets 409.',
    async run(context) {
      const practice = await context.freshPractice('client-offer');
      const token = practice.offerTokens.open;
      if (!token) throw new CheckFailure('the client-offer scenario gave no "open" offer token (offerTokens.open)');
      expectStatus(
        await context.probe.send({
          method: 'POST',
          path: answerPath(token),
          body: { choice: 'refund' },
          idempotencyKey: newKey(),
        }),
        200,
        'the first answer to an open offer',
      );
      expectStatus(
        await context.probe.send({
          method: 'POST',
          path: answerPath(token),
          body: { choice: 'refund' },
          idempotencyKey: newKey(),
        }),
        409,
        'the offer was already answered',
      );
    },
  },
  {
    id: 'offers.concurrent-answers',
    group: 'offers',
    title: 'Two answers to one offer at once (different keys): one 200, one 409.',
    async run(context) {
      const practice = await context.freshPractice('client-offer');
      const token = practice.offerTokens.open;
      if (!token) throw new CheckFailure('the client-offer scenario gave no "open" offer token (offerTokens.open)');
      const answers = await Promise.all(
        [0, 1].map(() =>
          context.probe.send({
            method: 'POST',
            path: answerPath(token),
            body: { choice: 'refund' },
            idempotencyKey: newKey(),
          }),
        ),
      );
      const statuses = answers.map((a) => a.status).sort();
      if (statuses[0] !== 200 || statuses[1] !== 409)
        throw new CheckFailure(
          `POST ${answerPath('…')} twice at once: expected one 200 and one 409, got ${statuses.join(' and ')}: an offer must be answered once`,
        );
    },
  },
  {
    id: 'offers.slot-not-offered',
    group: 'offers',
    title: 'Taking a slot the offer does not list answers 422.',
    async run(context) {
      const practice = await context.freshPractice('client-offer');
      const token = practice.offerTokens.open;
      if (!token) throw new CheckFailure('the client-offer scenario gave no "open" offer token (offerTokens.open)');
      expectStatus(
        await context.probe.send({
          method: 'POST',
          path: answerPath(token),
          body: { choice: 'alternative', slotId: 'conformance-not-offered' },
          idempotencyKey: newKey(),
        }),
        422,
        'the slot is not one of the offered alternatives',
      );
      expectStatus(
        await context.probe.send({
          method: 'POST',
          path: answerPath(token),
          body: { choice: 'refund' },
          idempotencyKey: newKey(),
        }),
        200,
        'the refused answer left the offer open',
      );
    },
  },
  {
    id: 'offers.expired',
    group: 'offers',
    title: 'An offer past its expiry answers 410 (Gone).',
    async run(context) {
      const practice = await context.freshPractice('client-offer');
      const token = practice.offerTokens.expired;
      if (!token)
        throw new CheckFailure('the client-offer scenario gave no "expired" offer token (offerTokens.expired)');
      expectStatus(
        await context.probe.send({
          method: 'POST',
          path: answerPath(token),
          body: { choice: 'refund' },
          idempotencyKey: newKey(),
        }),
        410,
        'the offer expired an hour ago',
      );
    },
  },
  {
    id: 'offers.expiry-clock',
    group: 'offers',
    title: "A new offer is open until its expiresAt, and answers 410 once the host's clock passes it (test clock).",
    async run(context) {
      const practice = await context.freshPractice('ordinary-cancellation');
      const { answer } = await cancel(context, practice, practice.sessionIds[0]!);
      const offer = (answer.json as { offer?: { token: string; expiresAt: string } | null }).offer;
      if (!offer) throw new CheckFailure('POST /sessions/…/cancel answered 200 without an offer');
      const opened = await context.probe.send({ method: 'GET', path: `/offers/${encodeURIComponent(offer.token)}` });
      expectStatus(opened, 200, 'the new offer opens');
      await context.advanceClock(Math.ceil((Date.parse(offer.expiresAt) - context.now()) / 60_000) + 1);
      expectStatus(
        await context.probe.send({
          method: 'POST',
          path: answerPath(offer.token),
          body: { choice: 'refund' },
          idempotencyKey: newKey(),
        }),
        410,
        `the test clock is past the offer's expiresAt ${offer.expiresAt}`,
      );
    },
  },
];
