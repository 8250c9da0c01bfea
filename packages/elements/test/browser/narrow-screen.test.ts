import { expect } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import { setViewport } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import type { RcCancelSession, RcClientResponse, RcRescheduleSession } from '@raincheck/elements';
import type { Slot } from '@raincheck/host-api/client';
import { LitElement } from 'lit';
import { slotPicker } from '../../src/internal/form-templates.js';
import { sessionFlowStyles } from '../../src/styles/session-flow.styles.js';
import { baseStyles } from '../../src/styles/tokens.js';
import { $, $$, mountWidget } from './widget-harness.js';

// A phone 360 px wide: a time whose note wraps over two lines keeps a full-size radio button.

const host = createMockHost();

afterEach(() => setViewport({ width: 800, height: 600 }));

describe('at 360 px wide', () => {
  it("<rc-client-response>: every choice's radio button stays at least 24 × 24 px, beside a note that wraps", async () => {
    await setViewport({ width: 360, height: 800 });
    host.reset('client-offer');
    const el = await mountWidget<RcClientResponse>(
      host,
      'rc-client-response',
      { token: host.offerTokens.open! },
      { as: null },
    );
    expect(el.state).to.equal('ready');
    const radios = $$<HTMLInputElement>(el, 'input[type="radio"]');
    expect(radios.length).to.be.greaterThan(1);
    for (const radio of radios) {
      const { width, height } = radio.getBoundingClientRect();
      expect(width, `the radio for ${radio.value} is ${width} px wide`).to.be.at.least(24);
      expect(height).to.be.at.least(24);
    }
    expect(el.scrollWidth, 'nothing wider than the screen').to.be.at.most(document.documentElement.clientWidth);
    await expect(el).to.be.accessible();
  });
});

/** The list the therapist's picker replaced (the client's page still uses it): every time, by day. */
class PlainSlotList extends LitElement {
  static override styles = [baseStyles, sessionFlowStyles];
  static override properties = { slots: { attribute: false } };
  declare slots: Slot[];
  protected override render() {
    return slotPicker({
      slots: this.slots,
      withinDays: 366,
      locale: 'en',
      multiple: true,
      selected: new Set(),
      legend: 'Times to offer instead',
      disabled: false,
      onChange: () => undefined,
    });
  }
}
customElements.define('plain-slot-list', PlainSlotList);

describe('the therapist’s slot picker at 360 px wide', () => {
  const DAY = 86_400_000;

  for (const [tag, withinDays] of [
    ['rc-cancel-session', 14],
    ['rc-reschedule-session', 28],
  ] as const) {
    it(`<${tag}>: no sideways scrolling; the suggestions and the whole first week take far less height than the old list`, async () => {
      await setViewport({ width: 360, height: 800 });
      host.reset('ordinary-cancellation');
      sessionStorage.clear();
      const el = await mountWidget<RcCancelSession | RcRescheduleSession>(host, tag, { 'session-id': 'ses-1' });
      expect(el.scrollWidth, 'nothing wider than the screen').to.be.at.most(document.documentElement.clientWidth);
      const picker = $(el, '[part~="alternatives"]').getBoundingClientRect();
      const chips = $$(el, '[part~="slot"]');
      expect(chips.length).to.be.greaterThan(4);
      for (const chip of chips) {
        const box = chip.getBoundingClientRect();
        expect(box.right, `${chip.textContent.trim()} stays inside the picker`).to.be.at.most(picker.right);
        const input = chip.querySelector('input')!.getBoundingClientRect();
        expect(Math.min(input.width, input.height)).to.be.at.least(24);
      }
      // Chips sit side by side: fewer rows than times.
      expect(new Set(chips.map((chip) => Math.round(chip.getBoundingClientRect().top))).size).to.be.lessThan(
        chips.length * 0.7,
      );
      // The same open times in the old list, inside a widget as wide.
      const open = host.state.seed.slots['th-ana']!.filter(
        (slot) => Date.parse(slot.startsAt) > Date.now() && Date.parse(slot.startsAt) <= Date.now() + withinDays * DAY,
      );
      const old = new PlainSlotList();
      old.slots = open;
      el.after(old);
      await old.updateComplete;
      const column = old.shadowRoot!.querySelector('[part~="alternatives"]')!.getBoundingClientRect().height;
      old.remove();
      // A first week of five full days is the most it shows (about 60 % of the old list of 40 times; fewer days, less).
      expect(picker.height, `the old list of ${open.length} times is ${column} px`).to.be.below(column * 0.7);
      await expect(el).to.be.accessible();
    });
  }
});
