import { sessionFacts } from '@raincheck/host/core';
import type { Facts, Policy, SessionFacts } from '@raincheck/policy';
import type { HostState } from './scenarios.js';
import type { MockIdentity } from './identities.js';

/** Sends one request to the host as `who` (the mock host's own `handle`, before it is ready). */
export type SendAs = (
  who: MockIdentity,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body: unknown,
  headers?: Readonly<Record<string, string>>,
) => Promise<Response>;

/**
 * Fills the `team-queue` scenario's queue the way a real one fills: by the therapist's own writes
 * (a new client's cancellation and refund, a started session, absences, another matter), so each
 * request carries the decision it was made under; and the team resolves one of them.
 * @throws Error naming the step, when the host refuses one (rule files that forbid it).
 */
export async function fillTeamQueue(
  send: SendAs,
  seed: {
    readonly therapists: readonly { readonly id: string }[];
    readonly sessions: readonly HostState['sessions'][number][];
    readonly slots: Readonly<Record<string, readonly { readonly id: string }[]>>;
  },
  policy: Policy,
  clock: { readonly day: (offsetDays: number) => string; readonly now: () => string },
  backdate: (requestId: string, days: number) => void,
): Promise<void> {
  const { day } = clock;
  // What the therapist's widget showed: its own decision, from the same policy and the facts the
  // host gives it at that step (the session and its policy facts), as the widget decides.
  const shownFor = async (action: 'cancel' | 'refund', sessionId: string, request: Facts['request']) => {
    const read = async <T>(path: string) => (await (await send('therapist', 'GET', path, undefined)).json()) as T;
    const { session } = await read<{ session: SessionFacts }>(`/sessions/${sessionId}`);
    const facts = await read<Pick<Facts, 'client' | 'therapist' | 'history'>>(`/sessions/${sessionId}/policy-facts`);
    const decision = await policy.evaluate({
      action,
      now: clock.now(),
      session: sessionFacts(session),
      ...(facts.client ? { client: facts.client } : {}),
      therapist: facts.therapist,
      history: facts.history,
      request,
    });
    return { policyId: policy.id, policyVersion: policy.version, policyHash: policy.hash, outcome: decision.outcome };
  };
  const therapistId = seed.therapists[0]!.id;
  let step = 0;
  const expect = async (what: string, response: Promise<Response>): Promise<Record<string, unknown>> => {
    const answer = await response;
    const body = (await answer.json()) as Record<string, unknown>;
    if (answer.status !== 200)
      throw new Error(`The team-queue scenario could not ${what}: ${answer.status} ${JSON.stringify(body)}`);
    return body;
  };
  const write = (who: MockIdentity, path: string, body: unknown, version?: string) =>
    send(who, 'POST', path, body, {
      'idempotency-key': `team-queue-${++step}`,
      ...(version ? { 'if-match': `"${version}"` } : {}),
    });
  const [newClient, started] = seed.sessions;
  const alternatives = (seed.slots[therapistId] ?? []).slice(0, 2).map((slot) => slot.id);

  const cancelNote = 'I have a fever and cannot see clients this week.';
  await expect(
    "cancel the new client's session",
    write(
      'therapist',
      `/sessions/${newClient!.id}/cancel`,
      {
        reason: 'illness',
        note: cancelNote,
        alternativeSlotIds: alternatives,
        refundOffered: true,
        decision: await shownFor('cancel', newClient!.id, { reason: 'illness', note: cancelNote }),
      },
      newClient!.version,
    ),
  );
  const refundNote = 'Mia was looking forward to her first session; please refund her in full.';
  await expect(
    "ask for the new client's refund",
    write(
      'therapist',
      `/sessions/${newClient!.id}/refund`,
      { note: refundNote, decision: await shownFor('refund', newClient!.id, { note: refundNote }) },
      '2',
    ),
  );
  await expect(
    'raise the started session',
    write('therapist', '/team-requests', {
      kind: 'session-started',
      therapistId,
      sessionId: started!.id,
      reason: 'My video link failed ten minutes in; the client and I could not reconnect.',
      note: 'Please rearrange it for later this week, or cancel it if the client prefers.',
    }),
  );
  const absence = await expect(
    'report the extended absence',
    write('therapist', `/therapists/${therapistId}/absences`, {
      from: day(14),
      until: day(35),
      certainty: 'unsure',
      note: 'Surgery; my return date may move.',
      informTeam: true,
    }),
  );
  const other = await expect(
    'raise another matter',
    write('therapist', '/team-requests', {
      kind: 'other',
      therapistId,
      reason: 'A client asked to move to a therapist who speaks Polish.',
    }),
  );
  const { teamRequest } = await expect(
    'report the earlier absence',
    write('therapist', `/therapists/${therapistId}/absences`, {
      from: day(2),
      until: day(3),
      certainty: 'sure',
      note: 'A family wedding.',
      informTeam: true,
    }),
  );
  await expect(
    'resolve the earlier absence',
    write('team', `/team-requests/${(teamRequest as { id: string }).id}/resolution`, {
      action: 'acknowledge',
      note: 'Noted, enjoy the wedding.',
    }),
  );
  // A queue has ages: the absence came in two days ago, the other matter five, the resolved one six.
  backdate((absence.teamRequest as { id: string }).id, 2);
  backdate((other.teamRequest as { id: string }).id, 5);
  backdate((teamRequest as { id: string }).id, 6);
}
