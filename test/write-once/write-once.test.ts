import { expect } from '@open-wc/testing';
import { WIDGETS } from '@raincheck/elements';
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import { runWriteOnceTests } from './write-once-suite.js';
import { WRITING_WIDGETS } from './writing-widgets.js';

// Widgets, the mock host and its default rules together: the shared write-once suite for every widget that writes.

const host = createMockHost();
const writingWidgets = WIDGETS.filter((widget) => widget.events.some((name) => name.endsWith('-submit')));

it('every widget that writes has its recipe for the write-once suite', () => {
  expect(writingWidgets.map((w) => w.tag).filter((tag) => !WRITING_WIDGETS[tag])).to.deep.equal([]);
});

for (const widget of writingWidgets) {
  const writing = WRITING_WIDGETS[widget.tag];
  if (writing) runWriteOnceTests(host, widget, writing);
}
