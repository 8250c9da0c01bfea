import { expect } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import { $, mountWidget, waitUntil } from './widget-harness.js';

// A load that fails leaves the error alone in the widget: it ends the widget's content like any other last
// block, one padding from the border, not with a second gap under it (the error-load-500 screenshots,
// issue 20, showed twice the space under the error as above the heading).

const host = createMockHost();

const cases = [
  { tag: 'rc-cancel-session', attributes: { 'session-id': 'ses-1' }, endpoint: 'getSession', as: undefined },
  { tag: 'rc-team-queue', attributes: {}, endpoint: 'listTeamRequests', as: 'team' },
] as const;

for (const { tag, attributes, endpoint, as } of cases) {
  it(`<${tag}> whose load fails (500): the error ends one padding above the widget's border`, async () => {
    host.reset(tag === 'rc-team-queue' ? 'team-queue' : 'ordinary-cancellation');
    await host.ready;
    host.faults.set(endpoint, { status: 500 });
    const el = await mountWidget(host, tag, attributes, as ? { as } : {});
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]') !== null, 'the error shows');
    const style = getComputedStyle(el);
    const contentBottom =
      el.getBoundingClientRect().bottom - parseFloat(style.borderBlockEndWidth) - parseFloat(style.paddingBlockEnd);
    const error = $(el, '[part~="error"]').getBoundingClientRect();
    expect(contentBottom - error.bottom, 'no extra gap under the error').to.be.at.most(1);
    await expect(el).to.be.accessible();
  });
}
