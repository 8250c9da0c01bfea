import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import { defaultRuleFiles } from '@raincheck/policy/rules';
import '@raincheck/elements/define';
import { checkedUrl, type DecisionDetail, type RcCancelSession } from '@raincheck/elements';
import { emulateMedia } from '@web/test-runner-commands';
import { waitUntil } from './widget-harness.js';

const BASE = 'https://partner.test/api';

describe('configuration', () => {
  it('a provider configures the widgets inside it: base URL, fetch and inline rules', async () => {
    const host = createMockHost();
    const stricter = structuredClone(defaultRuleFiles) as Record<
      string,
      { rules: { id: string; event: { params: Record<string, unknown> } }[] }
    >;
    stricter['session-changes.json']!.rules.find(
      (r) => r.id === 'offer-alternatives-on-cancel',
    )!.event.params.minSlots = 3;
    const wrapper =
      await fixture(html`<rc-provider base-url=${BASE} .fetch=${host.fetchAt(BASE)} .getAccessToken=${() => host.token('therapist')} .rules=${{ from: 'inline', files: stricter }}>
      <rc-cancel-session session-id="ses-1"></rc-cancel-session>
    </rc-provider>`);
    const el = wrapper.querySelector('rc-cancel-session')!;
    await waitUntil(() => el.state === 'ready', 'configured by the provider', { timeout: 5000 });
    expect(el.shadowRoot!.textContent).to.contain('Offer at least 3 other times');
    expect(host.records.requests.some((r) => r.endpoint === 'getRules')).to.equal(false);
    // Edited rules (a new files object) take effect on the next decision.
    const edited = structuredClone(stricter);
    edited['session-changes.json']!.rules.find((r) => r.id === 'offer-alternatives-on-cancel')!.event.params.minSlots =
      4;
    (wrapper as HTMLElement & { rules: unknown }).rules = { from: 'inline', files: edited };
    await waitUntil(
      () => el.shadowRoot!.textContent.includes('Offer at least 4 other times'),
      'the edited rules decide',
      { timeout: 5000 },
    );
  });

  it("a widget follows the provider it is in: each new setting, and after a move the new provider's, never the old one's", async () => {
    // Waited for by the providers' own updates: a plain <div>'s fixture waits for an animation
    // frame, which a page the runner keeps in the background may never get.
    const wrapper = fixtureSync(html`<div>
      <rc-provider base-url="https://a.test/api"><rc-cancel-session></rc-cancel-session></rc-provider>
      <rc-provider base-url="https://b.test/api"></rc-provider>
    </div>`);
    const [first, second] = [...wrapper.querySelectorAll('rc-provider')];
    await Promise.all([first!.updateComplete, second!.updateComplete]);
    const el = first!.querySelector('rc-cancel-session')!;
    const provided = () => (el as unknown as { config: { baseUrl?: string } }).config.baseUrl;
    expect(provided()).to.equal('https://a.test/api');
    first!.baseUrl = 'https://a2.test/api';
    await first!.updateComplete;
    expect(provided(), 'a changed setting reaches the widget').to.equal('https://a2.test/api');
    second!.append(el);
    await el.updateComplete;
    expect(provided(), 'moved, it takes the new provider').to.equal('https://b.test/api');
    first!.baseUrl = 'https://a3.test/api';
    await first!.updateComplete;
    expect(provided(), 'and no longer follows the old one').to.equal('https://b.test/api');
    second!.baseUrl = 'https://b2.test/api';
    await second!.updateComplete;
    expect(provided()).to.equal('https://b2.test/api');
    el.remove();
    second!.baseUrl = 'https://b3.test/api';
    await second!.updateComplete;
    expect(provided(), 'a removed widget follows no provider').to.equal('https://b2.test/api');
  });

  it('fires rc-decision with each decision and its facts; new rules decide again and keep what was entered', async () => {
    const host = createMockHost();
    const decisions: DecisionDetail[] = [];
    const el = await fixture<RcCancelSession>(html`<rc-cancel-session
      session-id="ses-1"
      base-url=${BASE}
      .fetch=${host.fetchAt(BASE)}
      .getAccessToken=${() => host.token('therapist')}
      .rules=${{ from: 'inline', files: defaultRuleFiles }}
      @rc-decision=${(e: CustomEvent<DecisionDetail>) => decisions.push(e.detail)}
    ></rc-cancel-session>`);
    await waitUntil(() => el.state === 'ready', 'ready', { timeout: 5000 });
    expect(decisions.at(-1)!.facts.session?.id).to.equal('ses-1');
    expect(decisions.at(-1)!.decision.notify?.channels).to.deep.equal(['email']);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="reason"]')!.click();
    await waitUntil(() => decisions.at(-1)!.facts.request?.reason === 'illness', 'typing decides again');

    const edited = structuredClone(defaultRuleFiles) as Record<
      string,
      { rules: { id: string; event: { params: Record<string, unknown> } }[] }
    >;
    edited['session-changes.json']!.rules.find((r) => r.id === 'offer-alternatives-on-cancel')!.event.params.minSlots =
      4;
    el.rules = { from: 'inline', files: edited };
    await waitUntil(() => el.shadowRoot!.textContent.includes('Offer at least 4 other times'), 'the new rules decide', {
      timeout: 5000,
    });
    expect(el.state).to.equal('ready');
    expect(
      el.shadowRoot!.querySelector<HTMLInputElement>('input[name="reason"]')!.checked,
      'the reason is kept',
    ).to.equal(true);
    expect(decisions.at(-1)!.decision.alternatives?.minSlots).to.equal(4);
  });

  it("rules from the host are used as sent when the host's hash matches them, and validated in the page when it does not", async () => {
    const host = createMockHost();
    const hostFetch = host.fetchAt(BASE);
    // A host that sends its hash with files it then changed: the page must not take them on trust.
    const broken = structuredClone(defaultRuleFiles) as Record<
      string,
      { rules: { id: string; event: { params: Record<string, unknown> } }[] }
    >;
    broken['session-changes.json']!.rules.find((r) => r.id === 'offer-alternatives-on-cancel')!.event.params.minSlots =
      'three';
    let sendBroken = false;
    let sentHash = '';
    const fetchThroughHost: typeof fetch = async (input, init) => {
      const response = await hostFetch(input, init);
      if (!String(input instanceof Request ? input.url : input).endsWith('/policy/rules')) return response;
      const body = (await response.json()) as { hash: string };
      sentHash = body.hash;
      return Response.json(sendBroken ? { ...body, files: broken } : body);
    };
    const decisions: DecisionDetail[] = [];
    const mount = () =>
      fixture<RcCancelSession>(html`<rc-cancel-session
        session-id="ses-1"
        base-url=${BASE}
        .fetch=${fetchThroughHost}
        .getAccessToken=${() => host.token('therapist')}
        @rc-decision=${(e: CustomEvent<DecisionDetail>) => decisions.push(e.detail)}
      ></rc-cancel-session>`);

    const vouched = await mount();
    await waitUntil(() => vouched.state === 'ready', 'decided with the rules as sent', { timeout: 5000 });
    expect(sentHash).to.match(/^[0-9a-f]{16}$/);
    expect(decisions.at(-1)!.decision.policy.hash).to.equal(sentHash);

    sendBroken = true;
    const validated = await mount();
    await waitUntil(() => validated.state === 'error', 'the validator refuses the changed files', { timeout: 5000 });
    expect(validated.shadowRoot!.textContent).to.contain('session-changes.json $.rules[0].event.params.minSlots');
    await expect(validated).to.be.accessible();
  });

  it('refuses to fetch from a URL that is not http(s)', () => {
    expect(() => checkedUrl('javascript:alert(1)')).to.throw(/only fetches http\(s\) URLs/);
    expect(() => checkedUrl('data:application/json,{}')).to.throw(/only fetches http\(s\) URLs/);
    expect(checkedUrl('/rules.json', 'https://partner.example/page')).to.equal('https://partner.example/rules.json');
  });

  it('a base URL that is not http(s) ends in an announced error state, not a silent failure', async () => {
    const el = await fixture<RcCancelSession>(
      html`<rc-cancel-session session-id="ses-1" base-url="javascript:void(0)"></rc-cancel-session>`,
    );
    await waitUntil(() => el.state === 'error');
    expect(el.shadowRoot!.querySelector('[part~="error"]')!.getAttribute('role')).to.equal('alert');
  });
});

describe('theming with CSS alone', () => {
  it('global tokens and ::part reach inside the widget', async () => {
    const host = createMockHost();
    const style = document.createElement('style');
    style.textContent = `.brand { --rc-color-accent: rgb(120, 20, 90); --rc-radius: 2px; } .brand::part(session) { font-style: italic; }`;
    document.head.append(style);
    const el = await fixture<RcCancelSession>(
      html`<rc-cancel-session class="brand" session-id="ses-1" base-url=${BASE} .fetch=${host.fetchAt(BASE)} .getAccessToken=${() => host.token('therapist')}></rc-cancel-session>`,
    );
    await waitUntil(() => el.state === 'ready');
    const submit = el.shadowRoot!.querySelector('[part~="submit"]')!;
    expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(120, 20, 90)');
    expect(getComputedStyle(submit).borderTopLeftRadius).to.equal('2px');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="session"]')!).fontStyle).to.equal('italic');
    style.remove();
  });

  it("--rc-color-scheme picks the widget's light or dark colours, whatever the system's scheme", async () => {
    const host = createMockHost();
    // Without motion, so the button's colour is read after the change, not a transition half-way.
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    const el = await fixture<RcCancelSession>(
      html`<rc-cancel-session session-id="ses-1" base-url=${BASE} .fetch=${host.fetchAt(BASE)} .getAccessToken=${() => host.token('therapist')}></rc-cancel-session>`,
    );
    await waitUntil(() => el.state === 'ready');
    const submit = el.shadowRoot!.querySelector('[part~="submit"]')!;
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
    el.style.setProperty('--rc-color-scheme', 'dark');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(22, 27, 32)');
    expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(140, 184, 230)');
    // A site's own token wins in either scheme.
    el.style.setProperty('--rc-color-surface', 'rgb(1, 2, 3)');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(1, 2, 3)');
    await emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    el.style.setProperty('--rc-color-scheme', 'light');
    expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(47, 93, 138)');
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  it('honours prefers-reduced-motion: no transitions', async () => {
    const host = createMockHost();
    const el = await fixture<RcCancelSession>(
      html`<rc-cancel-session session-id="ses-1" base-url=${BASE} .fetch=${host.fetchAt(BASE)} .getAccessToken=${() => host.token('therapist')}></rc-cancel-session>`,
    );
    await waitUntil(() => el.state === 'ready');
    const submit = el.shadowRoot!.querySelector('[part~="submit"]')!;
    expect(getComputedStyle(submit).transitionDuration).to.equal('0.15s');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(submit).transitionDuration).to.equal('0s');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
