import { expect, fixture, html } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import type { RcCancelSession, RcProvider } from '@raincheck/elements';
import { BASE, text, waitUntil } from './widget-harness.js';

// A partner page that connects its widgets before the mock host's worker intercepts requests:
// until then the page's own server answers 404. With `ready`, the widgets wait for the host.

describe('widgets connected before the host is ready', () => {
  it('<rc-provider .ready> holds every host API call until the host is up: the widget loads, never a 404', async () => {
    const host = createMockHost();
    let up = false;
    let markUp!: () => void;
    const ready = new Promise<void>((resolve) => (markUp = resolve)).then(() => {
      up = true;
    });
    const hostFetch = host.fetchAt(BASE);
    // What the page sees before the worker starts: its own server's bare 404.
    const notYetThere: typeof fetch = (input, init) =>
      up ? hostFetch(input, init) : Promise.resolve(new Response('', { status: 404 }));
    const provider =
      await fixture<RcProvider>(html`<rc-provider base-url=${BASE} .ready=${ready} .fetch=${notYetThere} .getAccessToken=${() => host.token('therapist')}>
      <rc-cancel-session session-id="ses-1"></rc-cancel-session>
    </rc-provider>`);
    const el = provider.querySelector<RcCancelSession>('rc-cancel-session')!;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.state, 'still waiting for the host, not an error').to.equal('loading');
    markUp();
    await waitUntil(() => el.state !== 'loading', 'loaded', { timeout: 5000 });
    expect(el.state).to.equal('ready');
    expect(text(el)).to.contain('Ben Carter');
    expect(text(el)).not.to.contain('404');
    await expect(el).to.be.accessible();
  });
});
