import { expect } from '@open-wc/testing';
import type { WidgetRegistration } from '@raincheck/elements';
import { RaincheckEvent } from '@raincheck/elements';
import type { MockHost, ScenarioName } from '@raincheck/mock-host';
import { $, mountWidget, waitUntil } from '../../packages/elements/test/browser/widget-harness.js';
import type { Widget, WritingWidget } from './writing-widgets.js';

/**
 * The write-once behaviour every writing widget shares, run for each (Shoelace's shared suites'
 * idea): a double click writes once, "Try again" after a failure resends the same idempotency key
 * and acts once, and a page that vetoes the cancelable submit event stops the write before
 * anything is sent.
 */
export function runWriteOnceTests(host: MockHost, widget: WidgetRegistration, writing: WritingWidget): void {
  const { tag, subject, demo } = widget;
  const prefix = widget.events.find((name) => name.endsWith('-submit'))!.replace(/-submit$/, '');
  const doneState = writing.doneState ?? 'success';
  const writes = () => host.records.requests.filter((r) => r.endpoint === writing.endpoint);

  async function ready(): Promise<Widget> {
    host.reset(demo.scenario as ScenarioName);
    host.faults.clear();
    sessionStorage.clear();
    const value = subject === 'token' ? host.offerTokens[demo.subject!]! : demo.subject;
    const el = await mountWidget<Widget>(host, tag, subject && value ? { [subject]: value } : {}, { as: demo.as });
    await writing.fill(el);
    return el;
  }

  describe(`<${tag}> writes once`, () => {
    it('a double click sends one write and fires one success', async () => {
      const el = await ready();
      const successes: Event[] = [];
      el.addEventListener(`${prefix}-success`, (event) => successes.push(event));
      host.faults.set(writing.endpoint, { latencyMs: 150, times: 1 });
      const submit = $<HTMLButtonElement>(el, '[part~="submit"]');
      submit.click();
      submit.click();
      await waitUntil(() => el.state === doneState, `<${tag}> should reach "${doneState}"`, { timeout: 5000 });
      expect(writes(), 'one write reached the host').to.have.length(1);
      expect(successes).to.have.length(1);
    });

    it('"Try again" after a failed write resends the same idempotency key, and the host acts once', async () => {
      const el = await ready();
      host.faults.set(writing.endpoint, { status: 500, times: 1 });
      $<HTMLButtonElement>(el, '[part~="submit"]').click();
      await waitUntil(() => el.state === 'error', 'the write failed', { timeout: 5000 });
      $<HTMLButtonElement>(el, '[part~="retry"]').click();
      await waitUntil(() => el.state === doneState, `<${tag}> should reach "${doneState}"`, { timeout: 5000 });
      const attempts = writes();
      expect(attempts.map((r) => r.status)).to.deep.equal([500, 200]);
      expect(new Set(attempts.map((r) => r.idempotencyKey)).size, 'one key for the intent').to.equal(1);
    });

    it('a veto through the cancelable submit event sends nothing', async () => {
      const el = await ready();
      const vetoed: Event[] = [];
      el.addEventListener(`${prefix}-submit`, (event) => {
        vetoed.push(event);
        event.preventDefault();
      });
      $<HTMLButtonElement>(el, '[part~="submit"]').click();
      await el.updateComplete;
      expect(vetoed, 'the submit event was fired').to.have.length(1);
      const [event] = vetoed;
      expect(
        event instanceof RaincheckEvent && event.cancelable && event.bubbles && event.composed,
        'a cancelable event class that crosses the shadow root',
      ).to.equal(true);
      expect(writes(), 'nothing sent').to.have.length(0);
      expect(el.state).to.equal(writing.vetoedState ?? 'ready');
    });
  });
}
