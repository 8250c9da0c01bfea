import { msg, str } from '@lit/localize';
import type { Notification } from '@raincheck/host-api/client';
import { getSessionNotificationsRoute } from '@raincheck/host-api/client/writes';
import { html, nothing, type TemplateResult } from 'lit';
import { formatTime } from '../format/formatters.js';
import type { MessageKind, SentMessages } from '../controllers/sent-messages.js';
import { channelList } from './form-templates.js';

type Delivery = Notification['deliveries'][number];

/** One delivery as the host recorded it: sent when, due by when, or failed. */
function deliveryLine(name: string, n: Notification, d: Delivery, locale: string): string | undefined {
  if (d.status === 'obsolete') return undefined;
  if ((d.status === 'sent' || d.status === 'late') && d.doneAt) {
    const time = formatTime(d.doneAt, locale);
    switch (d.channel) {
      case 'email':
        return msg(str`${name} was emailed at ${time}.`, { id: 'rc.sent.emailed' });
      case 'sms':
        return msg(str`${name} was texted at ${time}.`, { id: 'rc.sent.texted' });
      case 'phone':
        return msg(str`${name} was called at ${time}.`, { id: 'rc.sent.called' });
      default:
        return msg(str`${name} was told by ${d.channel} at ${time}.`, { id: 'rc.sent.other' });
    }
  }
  const channel = channelList([d.channel], locale);
  if (d.status === 'failed')
    return msg(str`${name} could not be reached by ${channel}; the platform team was told.`, { id: 'rc.sent.failed' });
  if (!n.deadlineAt) return msg(str`${name} will be told by ${channel}.`, { id: 'rc.sent.due' });
  const minutes = Math.max(1, Math.round((Date.parse(n.deadlineAt) - Date.parse(n.at)) / 60_000));
  return msg(
    str`${name} will be told by ${channel} by ${formatTime(n.deadlineAt, locale)} (within ${minutes} minutes).`,
    { id: 'rc.sent.due-by' },
  );
}

/**
 * What the host recorded sending the client after a write, one line a channel: "Ben Carter was
 * emailed at 14:02", "will be told by text message by 14:17 (within 15 minutes)". Nothing is
 * promised that the host did not record.
 */
export function sentMessages(
  record: readonly Notification[] | null | undefined,
  name: string,
  locale: string,
): TemplateResult | typeof nothing {
  if (record === undefined) return nothing;
  if (record === null)
    return html`<p part="sent">${msg(str`What was sent to ${name} could not be read; the booking system keeps the record.`, { id: 'rc.sent.unread' })}</p>`;
  const lines = record
    .flatMap((n) => n.deliveries.map((d) => deliveryLine(name, n, d, locale)))
    .filter((line) => line !== undefined);
  if (lines.length === 0)
    return html`<p part="sent">${msg(str`The booking system recorded no message to ${name}.`, { id: 'rc.sent.none' })}</p>`;
  return html`<ul part="sent">
    ${lines.map((line) => html`<li>${line}</li>`)}
  </ul>`;
}

/**
 * Reads the session's history and keeps the latest messages of `kinds` in `sent`: the ones the
 * write just committed. A failed read is not the write's failure: it is kept as `null`.
 */
export async function readSentMessages(
  sent: SentMessages,
  sessionId: string,
  kinds: readonly MessageKind[],
): Promise<void> {
  try {
    const { notifications } = await sent.transport().send(getSessionNotificationsRoute, { sessionId });
    const relevant = notifications.filter((n) => kinds.includes(n.kind));
    const latest = relevant.reduce((at, n) => (n.at > at ? n.at : at), '');
    sent.record = relevant.filter((n) => n.at === latest);
  } catch {
    sent.record = null;
  }
  sent.host.requestUpdate();
}
