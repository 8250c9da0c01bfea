import { expect } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import { emulateMedia } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import type { RcAttendanceUpdate } from '@raincheck/elements';
import { $, mountWidget, waitUntil } from './widget-harness.js';

// What happens next, after a write, reads as body text marked done by a green bar: a whole block of
// green text (the screenshots of issue 20) is hard to read, and a closed offer is not a success.

const host = createMockHost();

afterEach(() => emulateMedia({ colorScheme: 'light' }));

for (const colorScheme of ['light', 'dark'] as const) {
  it(`after saving attendance (${colorScheme}): the next steps in the body's colour, beside a green bar`, async () => {
    await emulateMedia({ colorScheme });
    host.reset('already-started');
    const el = await mountWidget<RcAttendanceUpdate>(host, 'rc-attendance-update', { 'session-id': 'ses-1' });
    $<HTMLInputElement>(el, 'input[name="outcome"][value="attended"]').click();
    await waitUntil(() => $(el, '[part~="decision"]') !== null, 'the decision shows');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'success', 'saved');
    const next = getComputedStyle($(el, '[part~="next"]'));
    const body = getComputedStyle($(el, '[part~="heading"]'));
    expect(next.color, 'the text is body text, not green').to.equal(body.color);
    expect(next.borderInlineStartWidth).to.equal('4px');
    expect(next.borderInlineStartColor, 'the bar is not the text colour').to.not.equal(body.color);
    await expect(el).to.be.accessible();
  });
}
