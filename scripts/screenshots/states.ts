import { WIDGETS, type WidgetTag } from '@raincheck/elements';
import {
  createMockHost,
  type MockHost,
  type MockIdentity,
  type ScenarioName,
  type ScenarioTweaks,
} from '@raincheck/mock-host';
import type { EndpointId } from '@raincheck/host-api/client';
import '@raincheck/elements/define';
import { WRITING_WIDGETS } from '../../test/write-once/writing-widgets.js';

// Every widget of the registry in every state a person meets, reached as a person would, on a fresh mock host
// each time (a stalled call of one state can never reach the next one's host): for the screenshots
// (scripts/screenshots.ts) and the every-state accessibility test.

const BASE = 'https://partner.test/api';
const STALL = { latencyMs: 3_600_000, times: 1 } as const;

export type Widget = HTMLElement & { state: string; updateComplete: Promise<boolean> };

/** What a state's steps may use: its host, and how the page's network behaves. */
interface Stage {
  readonly host: MockHost;
  /** From now on a write (any call but GET) fails as if the host could not be reached. */
  unreachableWrites(): void;
  /** A GET answer rewritten before the widget reads it. */
  rewrite(change: (url: string, body: unknown) => unknown): void;
}

/** One state a person meets. */
interface WidgetState {
  readonly name: string;
  readonly scenario?: ScenarioName;
  readonly tweaks?: ScenarioTweaks;
  readonly subject?: string;
  readonly as?: MockIdentity | null;
  /** Faults in place before the widget connects. */
  readonly before?: (stage: Stage) => void;
  /** What a person does once it has loaded (not awaited for `loading`). */
  readonly steps?: (el: Widget, stage: Stage) => Promise<void>;
  /** Do not wait for the load: the state is the load itself. */
  readonly loading?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await sleep(20);
  }
}

const all = <T extends Element = HTMLElement>(el: Widget, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the element it expects, as querySelector<T> does
const one = <T extends Element = HTMLElement>(el: Widget, selector: string) => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <${el.localName}> (${el.state})`);
  return found;
};

async function click(el: Widget, selector: string, index = 0): Promise<void> {
  const target = all(el, selector)[index];
  if (!target) throw new Error(`no ${selector} #${index} in <${el.localName}> (${el.state})`);
  target.click();
  await el.updateComplete;
}

async function type(el: Widget, selector: string, value: string): Promise<void> {
  const field = one<HTMLInputElement | HTMLTextAreaElement>(el, selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Until nothing in the widget changes for a while and nothing says it is busy. */
async function settle(el: Widget): Promise<void> {
  let last = '';
  let stableSince = Date.now();
  const end = Date.now() + 8000;
  while (Date.now() < end) {
    const now = `${el.state}|${el.shadowRoot!.innerHTML}`;
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince > 250 && !el.shadowRoot!.querySelector('[aria-busy="true"]')) return;
    await sleep(40);
  }
}

const submit = (el: Widget) => click(el, '[part~="submit"]');
const reach = (el: Widget, state: string) => until(() => el.state === state, `<${el.localName}> is ${state}`);
const fill = (tag: string) => (el: Widget) => WRITING_WIDGETS[tag]!.fill(el);
/** `YYYY-MM-DD`, `days` from today in London (the demo therapist's zone). */
const londonDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(Date.now() + days * 86_400_000);

/** The states every writing widget shares: loading, the form, filled, sending, sent, failures. */
function writingStates(
  tag: WidgetTag,
  loadEndpoint: EndpointId,
  writeEndpoint: EndpointId,
  fillIn: (el: Widget, stage: Stage) => Promise<void> = fill(tag),
): WidgetState[] {
  const doneState = WRITING_WIDGETS[tag]?.doneState ?? 'success';
  return [
    { name: 'loading', loading: true, before: ({ host }) => host.faults.set(loadEndpoint, STALL) },
    { name: 'ready' },
    { name: 'filled', steps: fillIn },
    {
      name: 'submitting',
      steps: async (el, stage) => {
        const { host } = stage;
        await fillIn(el, stage);
        host.faults.set(writeEndpoint, STALL);
        await submit(el);
        await reach(el, 'submitting');
      },
    },
    {
      name: 'success',
      steps: async (el, stage) => {
        await fillIn(el, stage);
        await submit(el);
        await reach(el, doneState);
      },
    },
    {
      name: 'error-500',
      steps: async (el, stage) => {
        const { host } = stage;
        await fillIn(el, stage);
        host.faults.set(writeEndpoint, { status: 500, times: 1 });
        await submit(el);
        await reach(el, 'error');
      },
    },
    {
      name: 'error-unreachable',
      steps: async (el, stage) => {
        await fillIn(el, stage);
        stage.unreachableWrites();
        await submit(el);
        await reach(el, 'error');
      },
    },
    { name: 'error-load-500', before: ({ host }) => host.faults.set(loadEndpoint, { status: 500 }) },
  ];
}

const openAllWhy = async (el: Widget) => {
  for (const details of all<HTMLDetailsElement>(el, 'details')) details.open = true;
  await el.updateComplete;
};

// The team queue's fill opens the refund by its English label: open it by its id instead, in any language.
const teamFill = async (el: Widget, { host }: Stage) => {
  const refund = host.records.teamRequests.find((r) => r.kind === 'new-client-refund')!;
  await click(el, `[part~="open-request"][data-request="${refund.id}"]`);
  await reach(el, 'detail');
  await settle(el);
  await click(el, 'input[name="action"][value="approve-refund"]');
  await click(el, '[part~="continue"]');
  await reach(el, 'confirming');
};

/** Every widget's states, by tag. */
const STATES: Record<WidgetTag, WidgetState[]> = {
  'rc-cancel-session': [
    ...writingStates('rc-cancel-session', 'getSession', 'cancelSession'),
    { name: 'missing-slots', steps: (el) => click(el, 'input[name="reason"]') },
    { name: 'why-open', steps: async (el) => (await fill('rc-cancel-session')(el), openAllWhy(el)) },
    {
      name: 'team-refund',
      scenario: 'new-client-refund',
      steps: async (el) => {
        await fill('rc-cancel-session')(el);
        const refund = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="refund"] input');
        if (refund) await click(el, '[part~="refund"] input');
      },
    },
    {
      name: 'team-refund-success',
      scenario: 'new-client-refund',
      steps: async (el) => {
        await fill('rc-cancel-session')(el);
        await click(el, '[part~="refund"] input');
        await type(el, '[part~="note"]', 'Ben is new and had to travel; please refund him in full.');
        await submit(el);
        await reach(el, 'success');
      },
    },
    { name: 'near-threshold', scenario: 'near-frequency-threshold', steps: fill('rc-cancel-session') },
    { name: 'started', scenario: 'already-started' },
  ],
  'rc-reschedule-session': [
    ...writingStates('rc-reschedule-session', 'getSession', 'rescheduleSession'),
    { name: 'near-threshold', scenario: 'near-frequency-threshold', steps: fill('rc-reschedule-session') },
    { name: 'started', scenario: 'already-started' },
    {
      name: 'slot-taken',
      steps: async (el, { host }) => {
        await fill('rc-reschedule-session')(el);
        host.faults.set('rescheduleSession', { conflict: true, times: 1 });
        await submit(el);
        await until(() => el.state !== 'submitting', 'the conflict is answered');
      },
    },
  ],
  'rc-refund-request': [
    ...writingStates('rc-refund-request', 'getSession', 'refundSession'),
    { name: 'team-review', scenario: 'client-offer', tweaks: { newClient: true } },
    {
      name: 'team-review-missing',
      scenario: 'client-offer',
      tweaks: { newClient: true },
      steps: (el) => type(el, '[part~="note"]', 'New'),
    },
    {
      name: 'team-review-success',
      scenario: 'client-offer',
      tweaks: { newClient: true },
      steps: async (el) => {
        await type(el, '[part~="note"]', 'Ben is new and the cancellation was mine; please refund him in full.');
        await submit(el);
        await reach(el, 'success');
      },
    },
    { name: 'not-cancelled', scenario: 'ordinary-cancellation' },
    { name: 'with-the-team', scenario: 'team-queue' },
  ],
  'rc-attendance-update': [
    ...writingStates('rc-attendance-update', 'getSession', 'updateAttendance'),
    {
      name: 'unable-refund',
      steps: async (el) => {
        await click(el, 'input[name="outcome"][value="therapist-unable"]');
        await settle(el);
        await click(el, '[part~="refund"] input');
      },
    },
    {
      name: 'unable-refund-success',
      steps: async (el) => {
        await click(el, 'input[name="outcome"][value="therapist-unable"]');
        await settle(el);
        await click(el, '[part~="refund"] input');
        await submit(el);
        await reach(el, 'success');
      },
    },
    {
      name: 'unable-team-missing',
      tweaks: { newClient: true },
      steps: async (el) => {
        await click(el, 'input[name="outcome"][value="therapist-unable"]');
        await settle(el);
        await click(el, '[part~="refund"] input');
        await type(el, '[part~="note"]', 'Ill');
      },
    },
    { name: 'not-started', scenario: 'ordinary-cancellation' },
  ],
  'rc-client-response': [
    ...writingStates('rc-client-response', 'getOffer', 'answerOffer'),
    {
      name: 'time-taken',
      steps: async (el) => {
        await click(el, 'input[name="slot"]:not([value="refund"])');
        await submit(el);
        await until(
          () => el.state !== 'submitting' && Boolean(el.shadowRoot!.querySelector('[role="alert"]')),
          'the 409',
        );
      },
    },
    {
      name: 'time-success',
      steps: async (el) => {
        const free = all<HTMLInputElement>(el, 'input[name="slot"]:not([value="refund"])').filter((i) => !i.disabled);
        free[1]!.click();
        await el.updateComplete;
        await submit(el);
        await reach(el, 'success');
      },
    },
    { name: 'expired', subject: 'expired' },
    { name: 'answered', subject: 'answered' },
    { name: 'new-client-refund', tweaks: { newClient: true } },
    {
      name: 'refund-with-team',
      before: (stage) =>
        stage.rewrite((url, body) => {
          if (!url.includes('/offers/')) return body;
          const { offer } = body as { offer: { session: { id: string } } };
          const refund = {
            id: 'ref-9',
            sessionId: offer.session.id,
            amount: { amount: 6500, currency: 'GBP' },
            status: 'pending-review',
          };
          return { offer: { ...offer, session: { ...offer.session, refund } } };
        }),
    },
  ],
  'rc-availability': [
    ...writingStates('rc-availability', 'getTherapist', 'reportAbsence'),
    {
      name: 'missing-return',
      steps: async (el) => {
        const from = one<HTMLInputElement>(el, '[part~="from"]');
        await type(el, '[part~="until"]', from.value || londonDay(1));
      },
    },
    { name: 'unsure', steps: async (el) => (await click(el, '[part~="unsure"]'), settle(el)) },
    { name: 'back', tweaks: { profileVisible: false } },
    {
      name: 'back-success',
      tweaks: { profileVisible: false },
      steps: async (el) => {
        await submit(el);
        await reach(el, 'success');
      },
    },
  ],
  'rc-cancellation-standing': [
    { name: 'loading', loading: true, before: ({ host }) => host.faults.set('getTherapist', STALL) },
    { name: 'ready' },
    { name: 'why-open', steps: openAllWhy },
    { name: 'no-changes', scenario: 'ordinary-cancellation' },
    { name: 'error-load-500', before: ({ host }) => host.faults.set('getTherapist', { status: 500 }) },
  ],
  'rc-team-queue': [
    ...writingStates('rc-team-queue', 'listTeamRequests', 'resolveTeamRequest', teamFill),
    {
      name: 'detail',
      steps: async (el) => {
        await click(el, '[part~="open-request"]');
        await reach(el, 'detail');
      },
    },
    {
      name: 'detail-why-open',
      steps: async (el, { host }) => {
        const refund = host.records.teamRequests.find((r) => r.kind === 'new-client-refund')!;
        await click(el, `[part~="open-request"][data-request="${refund.id}"]`);
        await reach(el, 'detail');
        await settle(el);
        await openAllWhy(el);
      },
    },
    {
      name: 'decline-missing-note',
      steps: async (el, { host }) => {
        const refund = host.records.teamRequests.find((r) => r.kind === 'new-client-refund')!;
        await click(el, `[part~="open-request"][data-request="${refund.id}"]`);
        await reach(el, 'detail');
        await settle(el);
        await click(el, 'input[name="action"][value="decline-refund"]');
      },
    },
    {
      name: 'resolved',
      steps: async (el) => {
        const status = one<HTMLSelectElement>(el, '[part~="status-filter"]');
        status.value = 'resolved';
        status.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        await until(
          () => el.state === 'ready' && (el as Widget & { status?: string }).status === 'resolved',
          'resolved listed',
        );
      },
    },
    { name: 'empty', scenario: 'ordinary-cancellation' },
    { name: 'forbidden', as: 'therapist' },
  ],
};

/** Every widget's states by name, in the registry's order. */
export const WIDGET_STATES = WIDGETS.map((w) => ({
  tag: w.tag,
  folder: w.folder,
  states: STATES[w.tag].map((s) => s.name),
}));

/** Shows `state` of `tag` in `locale` in `stage` (emptied first), as a person would reach it; resolves once it is on screen. */
export async function showState(
  stage: HTMLElement,
  tag: WidgetTag,
  stateName: string,
  locale: string,
): Promise<Widget> {
  const widget = WIDGETS.find((w) => w.tag === tag)!;
  const state = STATES[tag].find((s) => s.name === stateName);
  if (!state) throw new Error(`<${tag}> has no state "${stateName}"`);
  stage.replaceChildren();
  sessionStorage.clear();
  document.documentElement.lang = locale;

  const host = createMockHost({
    scenario: state.scenario ?? widget.demo.scenario,
    ...(state.tweaks && { tweaks: state.tweaks }),
  });
  await host.ready;
  let unreachable = false;
  let rewrite: ((url: string, body: unknown) => unknown) | undefined;
  const hostFetch = host.fetchAt(BASE);
  const fetchThroughPage: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (unreachable && request.method !== 'GET') throw new TypeError('Failed to fetch');
    const response = await hostFetch(input, init);
    if (!rewrite || request.method !== 'GET' || !response.ok) return response;
    return Response.json(rewrite(request.url, await response.json()), { status: response.status });
  };
  const context: Stage = {
    host,
    unreachableWrites: () => (unreachable = true),
    rewrite: (change) => (rewrite = change),
  };
  state.before?.(context);

  const el = document.createElement(tag) as Widget & { fetch: typeof fetch; getAccessToken?: () => Promise<string> };
  const subjectName = state.subject ?? widget.demo.subject;
  const value = widget.subject === 'token' ? host.offerTokens[subjectName!] : subjectName;
  if (widget.subject && value) el.setAttribute(widget.subject, value);
  el.setAttribute('locale', locale);
  el.setAttribute('base-url', BASE);
  el.fetch = fetchThroughPage;
  const who = state.as === undefined ? widget.demo.as : state.as;
  if (who) el.getAccessToken = () => host.token(who);
  stage.append(el);

  if (state.loading) {
    await until(() => Boolean(el.shadowRoot?.querySelector('[part~="status"]')), 'the loading status shows');
    return el;
  }
  await until(() => el.state !== 'loading', `<${tag}> loaded`);
  await settle(el);
  await state.steps?.(el, context);
  await settle(el);
  return el;
}
