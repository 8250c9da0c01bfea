import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import type { RcCancelSession } from '@raincheck/elements';
import { BASE, waitUntil } from './widget-harness.js';

describe('focus', () => {
  it('the first load moves no focus: a page with several widgets stays where the person is', async () => {
    const host = createMockHost();
    // fixtureSync: a plain <div>'s fixture waits for an animation frame, which a page the runner
    // keeps in the background may never get; the widgets' own states are waited for below.
    const wrapper = fixtureSync(html`<div>
      <input id="search" />
      <rc-provider base-url=${BASE} .fetch=${host.fetchAt(BASE)} .getAccessToken=${() => host.token('therapist')}>
        <rc-cancel-session session-id="ses-1"></rc-cancel-session>
        <rc-reschedule-session session-id="ses-1"></rc-reschedule-session>
        <rc-cancellation-standing therapist-id="th-ana"></rc-cancellation-standing>
      </rc-provider>
    </div>`);
    const search = wrapper.querySelector<HTMLInputElement>('#search')!;
    search.focus();
    const widgets = [...wrapper.querySelectorAll<HTMLElement & { state: string }>('rc-provider > *')];
    await waitUntil(() => widgets.every((w) => w.state === 'ready'), 'every widget ready', { timeout: 5000 });
    expect(document.activeElement, 'focus stays in the search field').to.equal(search);
  });

  it("a change the person caused moves focus to the new state's heading", async () => {
    const host = createMockHost();
    const el = await fixture<RcCancelSession>(
      html`<rc-cancel-session session-id="ses-1" base-url=${BASE} .fetch=${host.fetchAt(BASE)} .getAccessToken=${() => host.token('therapist')}></rc-cancel-session>`,
    );
    await waitUntil(() => el.state === 'ready', 'ready', { timeout: 5000 });
    host.faults.set('cancelSession', { status: 400, times: 1 });
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="reason"]')!.click();
    await el.updateComplete;
    for (const box of [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="slot"] input')].slice(0, 2))
      box.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await waitUntil(() => el.state === 'error', 'the write failed', { timeout: 5000 });
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('[part~="heading"]'));
  });
});
