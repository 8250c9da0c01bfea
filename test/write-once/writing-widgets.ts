import type { EndpointId } from '@raincheck/host-api/client';
import { $, $$, text, waitUntil } from '../../packages/elements/test/browser/widget-harness.js';

// How a person gets each writing widget to the point of sending, in its registry demo.

/** A widget, mounted in its demo and ready. */
export type Widget = HTMLElement & { state: string; updateComplete: Promise<boolean> };

/** What the shared write-once suite needs to know of one writing widget. */
export interface WritingWidget {
  /** The endpoint of its (first) write. */
  readonly endpoint: EndpointId;
  /** Fills it in as a person would, until the submit button sends. */
  readonly fill: (el: Widget) => Promise<void>;
  /** The state once the host has taken the write; default `success`. */
  readonly doneState?: string;
  /** The state it stays in when the write is vetoed; default `ready`. */
  readonly vetoedState?: string;
}

const click = async (el: Widget, selector: string, index = 0) => {
  const target = $$(el, selector)[index];
  if (!target) throw new Error(`no ${selector} in <${el.localName}>: ${text(el)}`);
  target.click();
  await el.updateComplete;
};

/** `YYYY-MM-DD`, `days` from today in London (the demo therapist's zone). */
const londonDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(Date.now() + days * 86_400_000);

export const WRITING_WIDGETS: Readonly<Record<string, WritingWidget>> = {
  'rc-cancel-session': {
    endpoint: 'cancelSession',
    fill: async (el) => {
      await click(el, 'input[name="reason"]');
      await click(el, '[part~="slot"] input', 0);
      await click(el, '[part~="slot"] input', 1);
    },
  },
  'rc-reschedule-session': {
    endpoint: 'rescheduleSession',
    fill: async (el) => {
      await click(el, 'input[name="slot"]');
    },
  },
  'rc-refund-request': { endpoint: 'refundSession', fill: () => Promise.resolve() },
  'rc-attendance-update': {
    endpoint: 'updateAttendance',
    fill: async (el) => {
      await click(el, 'input[name="outcome"][value="attended"]');
      await waitUntil(() => $(el, '[part~="decision"]') !== null, 'the decision shows once an outcome is chosen');
    },
  },
  'rc-client-response': {
    endpoint: 'answerOffer',
    // The demo's first offered time is taken meanwhile (its own test); the refund is always there.
    fill: async (el) => {
      await click(el, 'input[name="slot"][value="refund"]');
    },
  },
  'rc-availability': {
    endpoint: 'reportAbsence',
    fill: async (el) => {
      const until = $<HTMLInputElement>(el, '[part~="until"]');
      until.value = londonDay(21);
      until.dispatchEvent(new Event('change'));
      // A new decision may change what is sent (telling the team): the intent is the one decided on.
      await waitUntil(
        () => Boolean($$<HTMLInputElement>(el, '[part~="inform-team"] input')[0]?.checked),
        'the policy recommends telling the team',
        { timeout: 5000 },
      );
    },
  },
  'rc-team-queue': {
    endpoint: 'resolveTeamRequest',
    doneState: 'done',
    vetoedState: 'confirming',
    fill: async (el) => {
      const row = $$(el, '[part~="request"]').find((r) => r.textContent.includes("New client's refund"));
      if (!row) throw new Error(`no refund request in the queue: ${text(el)}`);
      row.querySelector<HTMLButtonElement>('[part~="open-request"]')!.click();
      await waitUntil(() => el.state === 'detail', 'the request opens');
      const approve = $$<HTMLLabelElement>(el, '[part~="action"]').find(
        (l) => l.textContent.trim() === 'Approve the refund',
      );
      approve!.querySelector('input')!.click();
      await el.updateComplete;
      await click(el, '[part~="continue"]');
      await waitUntil(() => el.state === 'confirming', 'the confirm step shows');
    },
  },
};
