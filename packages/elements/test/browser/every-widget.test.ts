import { expect } from '@open-wc/testing';
import { WIDGETS } from '@raincheck/elements';
import { createMockHost } from '@raincheck/mock-host';
import { emulateMedia } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import { mountWidget, waitUntil } from './widget-harness.js';

const host = createMockHost();

/** `<tag>` in its registry demo: its scenario, pointed at its subject there (an offer's token exists only once seeded). */
async function mount({ tag, subject, demo }: (typeof WIDGETS)[number]): Promise<HTMLElement & { state: string }> {
  host.reset(demo.scenario);
  const value = subject === 'token' ? host.offerTokens[demo.subject]! : demo.subject;
  const el = await mountWidget(host, tag, subject && value ? { [subject]: value } : {}, { as: demo.as });
  await waitUntil(() => el.state === 'ready', `<${tag}> should be ready`, { timeout: 5000 });
  return el;
}

afterEach(async () => {
  await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
});

describe('every widget', () => {
  for (const widget of WIDGETS) {
    const { tag } = widget;
    it(`<${tag}> follows the dark colour scheme, accessibly, with its parts themable`, async () => {
      const el = await mount(widget);
      const light = getComputedStyle(el).backgroundColor;
      // Without motion, so axe reads the dark colours, not a transition half-way.
      await emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
      expect(getComputedStyle(el).backgroundColor).not.to.equal(light);
      await expect(el).to.be.accessible();
      // A partner's global token reaches the heading's colour through the widget's own property.
      el.style.setProperty('--rc-color-text', 'rgb(1, 2, 3)');
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="heading"]')!).color).to.equal('rgb(1, 2, 3)');
    });

    it(`<${tag}> fires the events the registry lists, as event classes with literal names`, () => {
      const element = customElements.get(tag) as unknown as { events: readonly { eventName: string }[] };
      expect(element.events.map((event) => event.eventName)).to.deep.equal([...widget.events]);
    });
  }

  it('the registry is every element the package registers, but the provider', () => {
    const registered = ['rc-provider', ...WIDGETS.map((w) => w.tag)];
    for (const tag of registered) expect(customElements.get(tag), tag).to.be.a('function');
    expect(new Set(WIDGETS.map((w) => w.tag)).size).to.equal(WIDGETS.length);
  });
});
