import { expect, fixture, oneEvent } from '@open-wc/testing';
import { createMockHost, type ScenarioTweaks } from '@raincheck/mock-host';
import { sendKeys } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import type { Offer, Slot } from '@raincheck/host-api';
import { $, BASE, text, attachWidget, mountWidget, waitUntil } from './widget-harness.js';
import { setRaincheckLocale, type RcClientResponse, type ResponseSubmitDetail } from '@raincheck/elements';

const host = createMockHost();

/**
 * The client-offer scenario: an open offer whose first time was taken meanwhile, an expired one
 * and an answered one; the client lives in New York. `offer` names one of them (`open`, `expired`,
 * `answered`: the link gets its token); anything else is sent as the token itself.
 */
async function mount(offer = 'open', tweaks: ScenarioTweaks = {}, reset = true): Promise<RcClientResponse> {
  if (reset) {
    host.reset('client-offer', tweaks);
    sessionStorage.clear();
  }
  return mountWidget<RcClientResponse>(host, 'rc-client-response', { token: host.offerTokens[offer] ?? offer });
}

const answers = () => host.records.requests.filter((r) => r.endpoint === 'answerOffer');
/** The open offer's times, as its link shows them (the host keeps only its token's hash). */
async function offered(): Promise<Slot[]> {
  const response = await host.fetchAt(BASE)(`${BASE}/offers/${host.offerTokens.open!}`);
  return ((await response.json()) as { offer: Offer }).offer.alternatives;
}
const newYorkTime = (iso: string) =>
  new Intl.DateTimeFormat('en', { timeStyle: 'short', timeZone: 'America/New_York' }).format(Date.parse(iso));

async function pick(el: RcClientResponse, value: string): Promise<void> {
  $<HTMLInputElement>(el, `input[name="slot"][value="${value}"]`).click();
  await el.updateComplete;
}

afterEach(async () => {
  host.faults.clear();
  await setRaincheckLocale('en');
});

describe('<rc-client-response>', () => {
  it('loading: a status, then the cancelled session and the offered times in the client’s own zone', async () => {
    host.reset('client-offer');
    host.faults.set('getOffer', { latencyMs: 300, times: 1 });
    const el = await attachWidget<RcClientResponse>(host, 'rc-client-response', { token: host.offerTokens.open! });
    expect(el.state).to.equal('loading');
    expect(text(el)).to.contain('Loading your options');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.state === 'ready');
    expect(text(el)).to.contain('cannot go ahead');
    expect(text(el)).to.contain('Times are shown in New York time (Eastern Time).');
    const times = [...el.shadowRoot!.querySelectorAll('[part~="slot"] time')].map((t) => t.textContent.trim());
    expect(times).to.deep.equal((await offered()).map((s) => newYorkTime(s.startsAt)));
    expect(text(el)).to.contain('A refund of £65.00 instead');
    expect(text(el)).not.to.contain('confirms it first');
  });

  it('ready: takes a time with the keyboard alone; the session moves there', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    const submit = $<HTMLButtonElement>(el, '[part~="submit"]');
    expect(submit.disabled, 'nothing chosen yet').to.equal(true);
    // Into the radio group on the first time, then the arrow key moves to (and checks) the second.
    $<HTMLInputElement>(el, 'input[name="slot"]').focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const second = (await offered())[1]!;
    expect($<HTMLInputElement>(el, `input[value="${second.id}"]`).checked).to.equal(true);
    const submitted = oneEvent(el, 'rc-response-submit');
    submit.focus();
    await sendKeys({ press: 'Enter' });
    expect(((await submitted) as CustomEvent<ResponseSubmitDetail>).detail).to.deep.equal({
      token: host.offerTokens.open,
      choice: 'alternative',
      slotId: second.id,
    });
    await waitUntil(() => el.state === 'success');
    expect(text(el)).to.contain('New time booked');
    expect(text(el)).to.contain(newYorkTime(second.startsAt));
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="heading"]'));
    expect(host.state.session('ses-1')).to.include({ status: 'scheduled', startsAt: second.startsAt });
    await expect(el).to.be.accessible();
  });

  /**
   * Attaches the open offer with its lazy module (client-response.decided: the offer's view, the
   * write) held back until `gate` settles: the hook is in place before the widget connects, as the
   * import starts beside the offer's read.
   */
  async function attachHeld(gate: () => Promise<void>): Promise<RcClientResponse> {
    host.reset('client-offer');
    sessionStorage.clear();
    const el = document.createElement('rc-client-response') as RcClientResponse & { fetch: typeof fetch };
    el.setAttribute('token', host.offerTokens.open!);
    el.setAttribute('base-url', BASE);
    el.fetch = host.fetchAt(BASE);
    const widget = el as unknown as { importWriter: () => unknown };
    const importWriter = widget.importWriter.bind(el);
    widget.importWriter = () => gate().then(importWriter);
    return fixture<RcClientResponse>(el);
  }

  it('the offer shows once its lazy module is there: loading until then, though the offer has arrived', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const el = await attachHeld(() => held);
    await waitUntil(() => host.records.requests.some((r) => r.endpoint === 'getOffer'), 'the offer is read meanwhile');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(el.state).to.equal('loading');
    expect(text(el)).to.contain('Loading your options');
    expect(el.shadowRoot!.querySelector('[part~="slot"]'), 'no time before its view').to.equal(null);
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => el.state === 'ready');
    const second = (await offered())[1]!;
    await pick(el, second.id);
    const submitted = oneEvent(el, 'rc-response-submit');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    expect(((await submitted) as CustomEvent<ResponseSubmitDetail>).detail).to.include({ slotId: second.id });
    await waitUntil(() => el.state === 'success');
    expect(answers()).to.have.length(1);
    expect(text(el)).to.contain('New time booked');
  });

  it('a lazy module that fails to load: the error with Try again, which loads it; then the answer is sent once', async () => {
    let failing = true;
    const el = await attachHeld(() => (failing ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve()));
    await waitUntil(() => el.state === 'error');
    expect(el.shadowRoot!.querySelector('[part~="slot"]'), 'no offer without its view').to.equal(null);
    expect($(el, '[part~="error"]').textContent).to.contain('try again');
    await expect(el).to.be.accessible();
    failing = false;
    $<HTMLButtonElement>(el, '[part~="retry"]').click();
    await waitUntil(() => el.state === 'ready');
    const second = (await offered())[1]!;
    await pick(el, second.id);
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'success');
    expect(answers()).to.have.length(1);
  });

  it('a time taken meanwhile: says so, strikes it out, and the remaining choices still work', async () => {
    const el = await mount();
    const first = (await offered())[0]!;
    await pick(el, first.id);
    const failed = oneEvent(el, 'rc-response-error');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    expect((await failed).detail).to.include({ code: 'slot-taken', retryable: false });
    await el.updateComplete;
    expect($(el, '[part~="error"]').textContent).to.contain('no longer free');
    expect(el.shadowRoot!.querySelector('[part~="retry"]'), 'no retry of a taken time').to.equal(null);
    expect($<HTMLInputElement>(el, `input[value="${first.id}"]`).disabled).to.equal(true);
    expect($(el, '[part~="slot-taken"]').textContent).to.contain('(taken)');
    await expect(el).to.be.accessible();
    await pick(el, 'refund');
    expect($(el, '[part~="submit"]').textContent).to.contain('Choose the refund');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'success');
    expect(text(el)).to.contain('Refund chosen');
    expect(text(el)).to.contain('£65.00 is on its way back to you');
    expect(host.records.refunds.map((r) => r.status)).to.deep.equal(['issued']);
  });

  it('submitting: busy and accessible; a double click answers once', async () => {
    const el = await mount();
    await pick(el, 'refund');
    host.faults.set('answerOffer', { latencyMs: 200, times: 1 });
    const submit = $<HTMLButtonElement>(el, '[part~="submit"]');
    submit.click();
    submit.click();
    await el.updateComplete;
    expect(el.state).to.equal('submitting');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.state === 'success');
    expect(answers()).to.have.length(1);
    expect(host.records.refunds).to.have.length(1);
  });

  it('error: a 500 keeps the choice; "Try again" and a reload reuse one key: one refund', async () => {
    const el = await mount();
    await pick(el, 'refund');
    host.faults.set('answerOffer', { status: 500, times: 1 });
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'error');
    expect($(el, '[part~="error"]').getAttribute('role')).to.equal('alert');
    expect($<HTMLInputElement>(el, 'input[value="refund"]').checked).to.equal(true);
    await expect(el).to.be.accessible();
    const reloaded = await mount('open', {}, false);
    await pick(reloaded, 'refund');
    $<HTMLButtonElement>(reloaded, '[part~="submit"]').click();
    await waitUntil(() => reloaded.state === 'success');
    expect(new Set(answers().map((r) => r.idempotencyKey)).size).to.equal(1);
    expect(host.records.refunds).to.have.length(1);
  });

  it("a new client's refund: says the team confirms it first, and it is sent for review", async () => {
    const el = await mount('open', { newClient: true });
    expect(text(el)).to.contain('(the platform team confirms it first)');
    await pick(el, 'refund');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'success');
    expect(text(el)).to.contain('The platform team confirms your refund of £65.00');
    expect(host.records.refunds.map((r) => r.status)).to.deep.equal(['pending-review']);
  });

  it('an expired offer: says when it closed, and what the client can still do', async () => {
    const el = await mount('expired');
    expect(text(el)).to.contain('This offer closed on');
    expect(text(el)).to.contain('contact your therapist');
    expect(el.shadowRoot!.querySelector('[part~="form"]')).to.equal(null);
    // Issue 20: a closed offer is not a success: its bar is not the success green.
    const next = el.shadowRoot!.querySelector<HTMLElement>('[part~="next"]')!;
    expect(next.getAttribute('part')).to.contain('closed');
    // rgb(30, 107, 58): the light scheme's success green.
    expect(getComputedStyle(next).borderInlineStartColor).to.not.equal('rgb(30, 107, 58)');
    await expect(el).to.be.accessible();
  });

  it('an answered offer: shows the answer, no second one', async () => {
    const el = await mount('answered');
    expect(text(el)).to.contain(`You have already booked`);
    expect(text(el)).to.contain(newYorkTime((await offered())[0]!.startsAt));
    expect(el.shadowRoot!.querySelector('[part~="form"]')).to.equal(null);
  });

  it('an unknown link: the host’s clear message, no crash', async () => {
    const el = await mount('no-such-offer');
    expect(el.state).to.equal('error');
    expect(text(el)).to.contain('This link is not valid');
    await expect(el).to.be.accessible();
  });

  it('speaks German', async () => {
    await setRaincheckLocale('de');
    const el = await mount();
    expect(text(el)).to.contain('Ihre Sitzung wurde abgesagt');
    expect(text(el)).to.contain('Stattdessen eine Erstattung von');
  });
});
