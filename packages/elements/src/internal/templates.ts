import { msg, str } from '@lit/localize';
import type { Session } from '@raincheck/host-api/client';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDateTime, formatTime, viewerTimeZone } from '../format/formatters.js';
import type { WidgetErrorDetail } from './flow-element.js';

// What every session widget shows before the policy has decided, the same way.

/** Who, and when: in the viewer's zone, with the session's own zone when it differs. */
export function sessionSummary(session: Session, locale: string): TemplateResult {
  // The session's own time only when it reads differently (London and UTC agree in winter).
  const otherZone =
    session.timeZone !== viewerTimeZone() &&
    formatTime(session.startsAt, locale, session.timeZone) !== formatTime(session.startsAt, locale);
  return html`<p part="session">
    ${msg(str`With ${session.client.displayName}`, { id: 'rc.cancel.with' })} ·
    <time datetime=${session.startsAt}>${formatDateTime(session.startsAt, locale)}</time>
    ${
      otherZone
        ? html`<span class="zone">(${msg(str`${formatTime(session.startsAt, locale, session.timeZone)} in ${session.timeZone}`, { id: 'rc.cancel.session-zone' })})</span>`
        : nothing
    }
  </p>`;
}

/** The error, announced, with a way to try again where that can help. */
export function failureAlert(failure: WidgetErrorDetail, onRetry: (() => void) | undefined): TemplateResult {
  return html`<div part="error" role="alert">
    <p>${failure.message}</p>
    ${onRetry ? html`<button part="retry" type="button" data-variant="secondary" @click=${onRetry}>${msg('Try again', { id: 'rc.common.retry' })}</button>` : nothing}
  </div>`;
}
