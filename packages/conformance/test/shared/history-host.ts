import { createMockFixturesHost } from '@raincheck/mock-host';

// A mock host with fixtures that also serves a session's notification history, the way a host
// with delivery (issue 17) will: `GET /sessions/{id}/notifications` → `{ notifications: [{ kind,
// channel, at }] }`, read from its outbox, with follow-ups once they are due. It stands in for
// such a host until the contract names the endpoint, so the notification checks are tested now.

/** What the stand-in gets wrong, if anything. */
export interface HistoryHostOptions {
  /** Leaves this channel's notifications out of the history. */
  readonly dropChannel?: string;
  /** Hours after a cancellation its follow-up is due; default 24; `null`: never. */
  readonly followUpAfterHours?: number | null;
  /** Sends the follow-up even when the offer was answered. */
  readonly chasesAnswered?: boolean;
}

/** The history endpoint the stand-in serves (the kit's `notificationHistoryPath`). */
export const HISTORY_PATH = '/sessions/{sessionId}/notifications';

export function historyHost(options: HistoryHostOptions = {}): { fetch(request: Request): Promise<Response> } {
  const host = createMockFixturesHost();
  const answered = new Set<string>();
  const afterHours = options.followUpAfterHours === undefined ? 24 : options.followUpAfterHours;
  return {
    async fetch(request) {
      const path = new URL(request.url).pathname;
      const history = request.method === 'GET' ? /^\/sessions\/([^/]+)\/notifications$/.exec(path) : null;
      if (history) {
        // Whose session it is, as the host checks it: the read answers 403/404 for anyone else.
        const read = await host.fetch(new Request(new URL(`/sessions/${history[1]}`, request.url), { headers: request.headers }));
        if (!read.ok) return read;
        const sessionId = decodeURIComponent(history[1]!);
        const notifications = host.notifications().filter((n) => n.sessionId === sessionId);
        const sent = notifications.flatMap((n) => n.channels.filter((c) => c !== options.dropChannel).map((channel) => ({ kind: n.kind, channel, at: n.at })));
        const due = (at: string) => afterHours !== null && host.now() >= Date.parse(at) + afterHours * 3_600_000;
        const followUps = notifications
          .filter((n) => n.kind === 'session-cancelled' && due(n.at) && (options.chasesAnswered || !answered.has(sessionId)))
          .flatMap((n) => n.channels.map((channel) => ({ kind: 'offer-follow-up', channel, at: n.at })));
        return Response.json({ notifications: [...sent, ...followUps] });
      }
      const answer = await host.fetch(request);
      if (request.method === 'POST' && /^\/offers\/[^/]+\/answer$/.test(path) && answer.ok) {
        const { offer } = (await answer.clone().json()) as { offer: { session: { id: string } } };
        answered.add(offer.session.id);
      }
      return answer;
    },
  };
}
