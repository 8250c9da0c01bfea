import { expect } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import { setViewport } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import type { RcTeamQueue } from '@raincheck/elements';
import { $, mountWidget, text, waitUntil } from './widget-harness.js';

// A phone 360 px wide, in German: the kind filter's longest choice ("Erstattung für neue Klientinnen und
// Klienten") made the select as wide as that label, and the whole page scrolled sideways (the screenshots'
// report, issue 20). The select stays inside the widget; its choices still read in full in the open list.

const host = createMockHost();

afterEach(() => setViewport({ width: 800, height: 600 }));

it('<rc-team-queue> in German at 360 px: the filters stay inside the screen, the page does not scroll sideways', async () => {
  await setViewport({ width: 360, height: 800 });
  host.reset('team-queue');
  await host.ready;
  const el = await mountWidget<RcTeamQueue>(host, 'rc-team-queue', { locale: 'de' }, { as: 'team' });
  await waitUntil(() => text(el).includes('Jede Art'), 'in German');
  const width = document.documentElement.clientWidth;
  const widget = el.getBoundingClientRect();
  for (const part of ['status-filter', 'kind-filter']) {
    const select = $(el, `[part~="${part}"]`).getBoundingClientRect();
    expect(select.right, `the ${part} ends inside the widget`).to.be.at.most(widget.right);
    expect(select.width, `the ${part} is still a usable width`).to.be.at.least(100);
  }
  expect(document.documentElement.scrollWidth, 'the page does not scroll sideways').to.be.at.most(width);
  await expect(el).to.be.accessible();
});
