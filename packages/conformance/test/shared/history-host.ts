import type { Notification } from '@raincheck/host-api';
import { createMockFixturesHost } from '@raincheck/mock-host';

// Hosts whose notification history is wrong, as wrappers around the mock fixtures host's real
// history endpoints (`GET /sessions/{id}/notifications`, `…/offer/notifications`): each rewrites
// what the history answers the way a faulty host would record or send, so the notification checks
// are shown to fail saying what is wrong. The sound case is the mock fixtures host itself.

/** What the host gets wrong. */
export interface HistoryFault {
  /** Never sends (or records) this channel's messages. */
  readonly dropChannel?: string;
  /** Never sends these kinds of message (`offer-reminder`: no follow-up; `offer-expired`: the client is not told). */
  readonly dropKinds?: readonly Notification['kind'][];
  /** Sends the follow-up even when the offer was answered (its obsolete reminder shows as sent). */
  readonly chasesAnswered?: boolean;
  /** Answers the history in a shape of its own (`{ notifications: [{ kind, channel, at }] }`), not the contract's. */
  readonly ownShape?: boolean;
}

const HISTORY = /^\/sessions\/[^/]+\/(offer\/)?notifications$/;

function rewrite(notifications: readonly Notification[], fault: HistoryFault): unknown {
  const kept = notifications
    .filter((n) => !fault.dropKinds?.includes(n.kind))
    .map((n) => ({
      ...n,
      deliveries: n.deliveries
        .filter((d) => d.channel !== fault.dropChannel)
        .map((d) =>
          fault.chasesAnswered && n.kind === 'offer-reminder' && d.status === 'obsolete'
            ? { ...d, status: 'sent' as const, attempts: 1 }
            : d,
        ),
    }))
    .filter((n) => n.deliveries.length > 0);
  if (fault.ownShape)
    return {
      notifications: kept.flatMap((n) => n.deliveries.map((d) => ({ kind: n.kind, channel: d.channel, at: n.at }))),
    };
  return { notifications: kept };
}

/** The mock host with fixtures, its notification history rewritten by `fault`. */
export function historyHost(fault: HistoryFault): { fetch(request: Request): Promise<Response> } {
  const host = createMockFixturesHost();
  return {
    async fetch(request) {
      const answer = await host.fetch(request);
      if (request.method !== 'GET' || !HISTORY.test(new URL(request.url).pathname) || answer.status !== 200)
        return answer;
      const { notifications } = (await answer.json()) as { notifications: Notification[] };
      return Response.json(rewrite(notifications, fault));
    },
  };
}
