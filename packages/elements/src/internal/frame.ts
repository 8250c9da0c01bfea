import { html, nothing, type TemplateResult } from 'lit';
import type { WidgetErrorDetail } from './failure.js';
import { failureAlert } from './templates.js';

/** What every widget's frame shows around its own content. */
export interface FrameProps {
  /** The current state's heading: the focus target when the person causes a change. */
  readonly heading: string;
  /** What shows before the heading (the queue's "Back"). */
  readonly lead?: TemplateResult | typeof nothing;
  /** The loading message while loading, else undefined. */
  readonly status: string | undefined;
  /** What is known of the subject already (the session, the profile), shown as soon as it is. */
  readonly summary?: TemplateResult | typeof nothing;
  /** The failure to announce, with "Try again" when `onRetry` is given. */
  readonly failure: WidgetErrorDetail | undefined;
  readonly onRetry?: (() => void) | undefined;
  /** The widget's own content: its form, its views. */
  readonly body?: unknown;
}

/**
 * The frame every widget shares: the heading, the loading status, what is known already, the
 * error (announced, with "Try again" where that can help), then the widget's own content.
 */
export function frame({
  heading,
  lead = nothing,
  status,
  summary = nothing,
  failure,
  onRetry,
  body = nothing,
}: FrameProps): TemplateResult {
  return html`
    ${lead}
    <h2 part="heading" tabindex="-1">${heading}</h2>
    ${status === undefined ? nothing : html`<p part="status" role="status">${status}</p>`}
    ${summary}
    ${failure ? failureAlert(failure, onRetry) : nothing}
    ${body}
  `;
}
