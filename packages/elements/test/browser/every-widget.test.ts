import { expect, waitUntil } from '@open-wc/testing';
import { createMockHost, type MockHost, type ScenarioName } from '@raincheck/mock-host';
import { emulateMedia } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import { mountWidget } from './widget-harness.js';

const host = createMockHost();

/**
 * Every widget, in a scenario where it has something to show, and the attribute that picks its
 * data: its value, or a function of the reset host (an offer's token exists only once seeded).
 */
const WIDGETS: readonly { tag: string; scenario: ScenarioName; attribute: string; value: string | ((host: MockHost) => string) }[] = [
  { tag: 'rc-cancel-session', scenario: 'ordinary-cancellation', attribute: 'session-id', value: 'ses-1' },
  { tag: 'rc-reschedule-session', scenario: 'ordinary-cancellation', attribute: 'session-id', value: 'ses-1' },
  { tag: 'rc-refund-request', scenario: 'client-offer', attribute: 'session-id', value: 'ses-1' },
  { tag: 'rc-attendance-update', scenario: 'already-started', attribute: 'session-id', value: 'ses-1' },
  { tag: 'rc-client-response', scenario: 'client-offer', attribute: 'token', value: (seeded) => seeded.offerTokens.open! },
  { tag: 'rc-availability', scenario: 'extended-absence', attribute: 'therapist-id', value: 'th-ana' },
  { tag: 'rc-cancellation-standing', scenario: 'near-frequency-threshold', attribute: 'therapist-id', value: 'th-ana' },
];

async function mount(tag: string, scenario: ScenarioName, attribute: string, value: string | ((host: MockHost) => string)): Promise<HTMLElement & { state: string }> {
  host.reset(scenario);
  const el = await mountWidget(host, tag, { [attribute]: typeof value === 'string' ? value : value(host) });
  await waitUntil(() => el.state === 'ready', `<${tag}> should be ready`, { timeout: 5000 });
  return el;
}

afterEach(async () => {
  await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
});

describe('every widget', () => {
  for (const { tag, scenario, attribute, value } of WIDGETS) {
    it(`<${tag}> follows the dark colour scheme, accessibly, with its parts themable`, async () => {
      const el = await mount(tag, scenario, attribute, value);
      const light = getComputedStyle(el).backgroundColor;
      // Without motion, so axe reads the dark colours, not a transition half-way.
      await emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
      expect(getComputedStyle(el).backgroundColor).not.to.equal(light);
      await expect(el).to.be.accessible();
      // A partner's global token reaches the heading's colour through the widget's own property.
      el.style.setProperty('--rc-color-text', 'rgb(1, 2, 3)');
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="heading"]')!).color).to.equal('rgb(1, 2, 3)');
    });
  }
});
