import { expect } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import { setViewport } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import type {
  RcAttendanceUpdate,
  RcCancelSession,
  RcClientResponse,
  RcRescheduleSession,
  RcTeamQueue,
} from '@raincheck/elements';
import type { Slot } from '@raincheck/host-api/client';
import { LitElement } from 'lit';
import { slotPicker } from '../../src/internal/form-templates.js';
import { sessionFlowStyles } from '../../src/styles/session-flow.styles.js';
import { baseStyles } from '../../src/styles/tokens.js';
import { $, $$, mountWidget, text, waitUntil } from './widget-harness.js';

// A phone 360 px wide: a time whose note wraps over two lines keeps a full-size radio button, and the note
// takes a line of its own under the time instead of a narrow column beside it.

const host = createMockHost();

afterEach(() => setViewport({ width: 800, height: 600 }));

describe('at 360 px wide', () => {
  it('<rc-attendance-update> in German: a choice whose label wraps keeps its radio beside the first line, not halfway down', async () => {
    await setViewport({ width: 360, height: 800 });
    host.reset('already-started');
    const el = await mountWidget<RcAttendanceUpdate>(host, 'rc-attendance-update', {
      'session-id': 'ses-1',
      locale: 'de',
    });
    await waitUntil(() => text(el).includes('Was ist passiert?'), 'in German');
    // The label's text lines: the boxes of its contents that start after the radio.
    const textLines = (label: HTMLLabelElement) => {
      const radio = label.querySelector('input')!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(label);
      return [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.left >= radio.right);
    };
    const wrapped = $$<HTMLLabelElement>(el, 'label.choice').filter(
      (label) => new Set(textLines(label).map((rect) => Math.round(rect.top))).size > 1,
    );
    expect(wrapped.length, 'some German choices wrap at 360 px').to.be.greaterThan(0);
    for (const label of wrapped) {
      const radio = label.querySelector('input')!.getBoundingClientRect();
      const firstLine = textLines(label).sort((a, b) => a.top - b.top)[0]!;
      expect(
        radio.top + radio.height / 2,
        `"${label.textContent.trim()}": its radio sits beside the first line`,
      ).to.be.within(firstLine.top, firstLine.bottom);
    }
    await expect(el).to.be.accessible();
  });

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

  it("<rc-client-response> in German: each time's aside (the therapist's time, an early hour) takes at most two lines, under the time", async () => {
    await setViewport({ width: 360, height: 800 });
    host.reset('client-offer');
    const el = await mountWidget<RcClientResponse>(
      host,
      'rc-client-response',
      { token: host.offerTokens.open!, locale: 'de' },
      { as: null },
    );
    await waitUntil(() => text(el).includes('Praxiszeit'), 'the German asides show');
    const asides = $$(el, '[part~="slot-aside"]');
    expect(asides.length).to.be.greaterThan(1);
    for (const aside of asides) {
      const lines = Math.round(aside.getBoundingClientRect().height / parseFloat(getComputedStyle(aside).lineHeight));
      expect(lines, `"${aside.textContent.trim()}" takes ${lines} lines`).to.be.at.most(2);
      const time = aside.closest('label')!.querySelector('time')!;
      expect(aside.getBoundingClientRect().top, 'the aside sits under its time').to.be.at.least(
        time.getBoundingClientRect().bottom - 1,
      );
    }
    expect(el.scrollWidth, 'nothing wider than the screen').to.be.at.most(document.documentElement.clientWidth);
    await expect(el).to.be.accessible();
  });

  it("<rc-team-queue> in German: the decision's facts keep each value on one line and stay inside the screen", async () => {
    await setViewport({ width: 360, height: 800 });
    host.reset('team-queue');
    await host.ready;
    const el = await mountWidget<RcTeamQueue>(host, 'rc-team-queue', { locale: 'de' }, { as: 'team' });
    const refund = host.records.teamRequests.find((r) => r.kind === 'new-client-refund')!;
    $$<HTMLButtonElement>(el, `[part~="open-request"][data-request="${refund.id}"]`)[0]!.click();
    await waitUntil(() => el.state === 'detail' && $$(el, '[part~="why"]').length > 0, 'the request opens');
    await waitUntil(() => text(el).includes('Warum?'), 'in German');
    $$<HTMLDetailsElement>(el, '[part~="why"]')[0]!.open = true;
    const width = document.documentElement.clientWidth;
    const values = $$(el, '[part~="facts"] code');
    expect(values.length).to.be.greaterThan(3);
    for (const value of values) {
      const lines = Math.round(value.getBoundingClientRect().height / parseFloat(getComputedStyle(value).lineHeight));
      expect(lines, `"${value.textContent}" takes ${lines} lines`).to.equal(1);
    }
    for (const table of $$(el, '[part~="facts"]')) {
      const region = table.parentElement!;
      expect(region.getBoundingClientRect().right, 'the facts end inside the screen').to.be.at.most(width);
    }
    expect(el.scrollWidth, 'nothing wider than the screen').to.be.at.most(width);
    await expect(el).to.be.accessible();
  });

  for (const scenario of ['ordinary-cancellation', 'near-frequency-threshold'] as const) {
    it(`<rc-cancellation-standing> (${scenario}): every threshold's status sits under it, alike, not beside some and under others`, async () => {
      await setViewport({ width: 360, height: 800 });
      host.reset(scenario);
      const el = await mountWidget(host, 'rc-cancellation-standing', { 'therapist-id': 'th-ana' });
      await waitUntil(() => $$(el, '[part~="threshold"]').length > 0, 'the thresholds show');
      const rows = $$(el, '[part~="threshold"]');
      expect(rows.length).to.equal(3);
      for (const row of rows) {
        const [label, status] = [...row.children].map((c) => c.getBoundingClientRect());
        expect(status!.top, `"${row.textContent.replace(/\s+/g, ' ').trim()}": its status under it`).to.be.at.least(
          label!.bottom - 1,
        );
      }
      await expect(el).to.be.accessible();
    });
  }

  it('<rc-client-response>: a time taken meanwhile says "(taken)" beside the time, not on a line of its own', async () => {
    await setViewport({ width: 360, height: 800 });
    host.reset('client-offer');
    const el = await mountWidget<RcClientResponse>(
      host,
      'rc-client-response',
      { token: host.offerTokens.open!, locale: 'en' },
      { as: null },
    );
    $$<HTMLInputElement>(el, 'input[name="slot"]:not([value="refund"])')[0]!.click();
    await el.updateComplete;
    $$<HTMLButtonElement>(el, '[part~="submit"]')[0]!.click();
    await waitUntil(() => $$(el, '[part~="slot-taken"]').length === 1, 'the taken time is struck out');
    const slot = $$(el, '[part~="slot-taken"]')[0]!;
    const time = slot.querySelector('time')!.getBoundingClientRect();
    const taken = [...slot.querySelectorAll('.hint')].find((hint) => hint.textContent.trim() === '(taken)')!;
    expect(taken.getBoundingClientRect().top, '"(taken)" on the line of its time').to.be.below(time.bottom);
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
