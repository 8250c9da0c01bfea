import type { MockHostRecords } from '@raincheck/mock-host';
import { html, nothing } from 'lit';
import { LightElement } from './light-element.js';

/** One event a widget fired, as the page around it would see it. */
export interface WidgetEventEntry {
  readonly type: string;
  readonly detail: unknown;
  readonly at: string;
}

const path = (url: string) => {
  const { pathname, search } = new URL(url);
  return pathname.replace(/^.*?\/api/, '') + search;
};

/** What the widget sent the mock host, what the host answered and recorded, and the widget's events. */
export class PgHostLog extends LightElement {
  static override properties = { records: { attribute: false }, events: { attribute: false }, revision: {} };

  declare records: MockHostRecords | undefined;
  declare events: readonly WidgetEventEntry[];
  /** Bumped by the app after each request, so the (mutated in place) records render again. */
  declare revision: number;

  constructor() {
    super();
    this.events = [];
    this.revision = 0;
  }

  protected override render() {
    const r = this.records;
    if (!r) return nothing;
    return html`
      <h3>Requests <small>(${r.requests.length})</small></h3>
      ${
        r.requests.length === 0
          ? html`<p class="pg-muted">None yet.</p>`
          : html`<table class="pg-requests">
            <thead><tr><th scope="col">Request</th><th scope="col">Status</th><th scope="col">Idempotency key</th></tr></thead>
            <tbody>
              ${r.requests.map(
                (q) => html`<tr class=${q.status >= 400 ? 'is-error' : ''}>
                  <td><code>${q.method} ${path(q.url)}</code>${q.body === undefined || q.body === null ? nothing : html`<details><summary>body</summary><pre>${JSON.stringify(q.body, null, 2)}</pre></details>`}</td>
                  <td>${q.status}${q.replayed ? ' (replayed)' : ''}</td>
                  <td><code>${q.idempotencyKey?.slice(0, 13) ?? '—'}</code></td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }
      <h3>What the host recorded</h3>
      <dl class="pg-records">
        <dt>Notifications</dt>
        <dd>${r.notifications.length ? r.notifications.map((n) => html`<div>${n.kind} to ${n.clientId} by ${n.channels.join(', ')}</div>`) : 'none'}</dd>
        <dt>Delivered messages</dt>
        <dd>${r.delivered.length ? r.delivered.map((m) => html`<div>${m.at.slice(11, 16)} ${m.channel} to ${m.to}: ${m.subject}</div>`) : 'none'}</dd>
        <dt>Refunds</dt>
        <dd>${r.refunds.length ? r.refunds.map((f) => html`<div>${f.id}: ${f.amount.amount} ${f.amount.currency} (${f.status})</div>`) : 'none'}</dd>
        <dt>Team requests</dt>
        <dd>${r.teamRequests.length ? r.teamRequests.map((t) => html`<div>${t.kind}: ${t.reason}</div>`) : 'none'}</dd>
      </dl>
      <h3>Widget events <small>(${this.events.length})</small></h3>
      ${
        this.events.length === 0
          ? html`<p class="pg-muted">None yet.</p>`
          : html`<ol class="pg-events">
            ${this.events.map((e) => html`<li><code>${e.type}</code> <small>${e.at}</small><details><summary>detail</summary><pre>${JSON.stringify(e.detail, null, 2)}</pre></details></li>`)}
          </ol>`
      }
    `;
  }
}

if (!customElements.get('pg-host-log')) customElements.define('pg-host-log', PgHostLog);

declare global {
  interface HTMLElementTagNameMap {
    'pg-host-log': PgHostLog;
  }
}
