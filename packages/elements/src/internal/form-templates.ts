import { msg, str } from '@lit/localize';
import type { Slot } from '@raincheck/host-api/client';
import type { Decision, Reason, RefundEffect } from '@raincheck/policy';
import { html, nothing, type TemplateResult } from 'lit';
import { formatTime, viewerTimeZone } from '../format/formatters.js';
import { dayKey, formatDay } from '../format/days.js';
import { formatList } from '../format/lists.js';
import { formatMoney } from '../format/money.js';
import { reasonLabel } from './session-form.js';

// Shown before the engine too (a refund the host already has), so in a module of its own.
export { refundNext } from './refund-next.js';

// Pieces every widget renders the same way once the policy has decided: loaded with the engine by
// the views modules (a widget's ready view before the engine needs none of them).

export const REASONS: readonly Reason[] = ['illness', 'personal-emergency', 'other'];

/** Why the policy allows nothing here. */
export function blockedNotice(decision: Decision): TemplateResult {
  return html`<div part="decision"><p>${decision.blocks.map((b) => b.message).join(' ')}</p></div>`;
}

/** "email, text message and a phone call" */
export function channelList(channels: readonly string[], locale: string): string {
  const names: Record<string, string> = {
    email: msg('email', { id: 'rc.channel.email' }),
    sms: msg('text message', { id: 'rc.channel.sms' }),
    phone: msg('a phone call', { id: 'rc.channel.phone' }),
  };
  return formatList(
    channels.map((c) => names[c] ?? c),
    locale,
  );
}

/** One effect of the decision, expandable to the rules' own explanations. */
export function effect(text: string, ruleIds: readonly string[], decision: Decision, extraParts = ''): TemplateResult {
  const reasons = whyLines(
    text,
    decision.explanations.filter((e) => ruleIds.includes(e.ruleId)).map((rule) => rule.description),
  );
  return html`<li part="effect ${extraParts}">
    <span>${text}</span>
    ${
      reasons.length === 0
        ? nothing
        : html`<details part="explanation">
          <summary>${msg('Why?', { id: 'rc.decision.why' })}</summary>
          <ul>
            ${reasons.map((reason) => html`<li>${reason}</li>`)}
          </ul>
        </details>`
    }
  </li>`;
}

/** A rule description's sentences. */
const sentences = (text: string) =>
  text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * What "Why?" adds to an effect: each rule's description without the sentences the effect (or an
 * earlier rule) already said, so merged rules ("This would be your 5th…" thrice) read once.
 */
function whyLines(effectText: string, descriptions: readonly string[]): string[] {
  const said = new Set(sentences(effectText));
  const lines: string[] = [];
  for (const description of descriptions) {
    const fresh = sentences(description).filter((sentence) => !said.has(sentence));
    fresh.forEach((sentence) => said.add(sentence));
    if (fresh.length > 0) lines.push(fresh.join(' '));
  }
  return lines;
}

/** The refund the policy allows, issued at once or reviewed by the team first. */
export function refundEffect(
  refund: RefundEffect,
  clientName: string,
  locale: string,
  decision: Decision,
): TemplateResult {
  const amount = formatMoney(refund.amount, refund.currency, locale);
  return effect(
    refund.mode === 'team-review'
      ? msg(str`${clientName} can be refunded ${amount}; the platform team reviews it first.`, {
          id: 'rc.refund.review',
        })
      : msg(str`${clientName} is refunded ${amount} straight away.`, { id: 'rc.refund.self-serve' }),
    refund.ruleIds,
    decision,
    'refund-effect',
  );
}

/** "What will happen" (or another `heading`): the effects, announced politely as they change. */
export function decisionSection(
  effects: readonly TemplateResult[],
  heading = msg('What will happen', { id: 'rc.decision.heading' }),
): TemplateResult {
  return html`<section part="decision" aria-labelledby="decision-heading">
    <h3 id="decision-heading">${heading}</h3>
    <ul aria-live="polite">
      ${effects}
    </ul>
  </section>`;
}

/** The notification and frequency-warning effects every change to a session has. */
export function commonEffects(
  decision: Decision,
  clientName: string,
  locale: string,
  /** Whether the change goes to the team instead of being made now (a cancel or rearrangement the team takes over). */
  toTeam = false,
): { notify: TemplateResult[]; warnings: TemplateResult[] } {
  return {
    notify: decision.notify
      ? [
          effect(
            // A change sent to the team is made, and the client told, only when the team acts: never promise "now".
            toTeam
              ? msg(
                  str`${clientName} is told by ${channelList(decision.notify.channels, locale)} once the team has acted.`,
                  { id: 'rc.decision.notify-after-team' },
                )
              : msg(str`${clientName} is told now by ${channelList(decision.notify.channels, locale)}.`, {
                  id: 'rc.decision.notify',
                }),
            decision.notify.ruleIds,
            decision,
          ),
        ]
      : [],
    warnings: decision.warnings.map((w) => effect(w.message, w.ruleIds, decision, `warning warning-${w.level}`)),
  };
}

export interface ReasonFieldsOptions {
  readonly reason: Reason | undefined;
  readonly note: string;
  readonly noteMinLength: number;
  readonly disabled: boolean;
  readonly onReason: (reason: Reason) => void;
  readonly onNote: (note: string) => void;
  /** Why a written reason is needed, shown before its field. */
  readonly why?: readonly string[];
}

/** Why the session can't go ahead as planned, and a note (required when the policy asks). */
export function reasonFields(o: ReasonFieldsOptions): TemplateResult {
  return html`<fieldset part="reason" ?disabled=${o.disabled}>
      <legend>${msg("Why can't you hold the session?", { id: 'rc.cancel.reason-legend' })}</legend>
      ${REASONS.map(
        (reason) => html`<label class="choice">
          <input type="radio" name="reason" .value=${reason} .checked=${o.reason === reason} @change=${() => o.onReason(reason)} />
          ${reasonLabel(reason)}
        </label>`,
      )}
    </fieldset>
    ${noteField({ note: o.note, minLength: o.noteMinLength, disabled: o.disabled, onNote: o.onNote, ...(o.why ? { why: o.why } : {}) })}`;
}

export interface NoteFieldOptions {
  readonly note: string;
  /** The policy's minimum length for a written reason; 0 when none is required. */
  readonly minLength: number;
  readonly disabled: boolean;
  readonly onNote: (note: string) => void;
  /** The label when no reason is required; default "Note (optional)". */
  readonly optionalLabel?: string;
  /** Why a written reason is needed, read before the field (and announced with it). */
  readonly why?: readonly string[];
}

/** A note, which becomes a required written reason when the policy asks for one. */
export function noteField(o: NoteFieldOptions): TemplateResult {
  const why = o.minLength > 0 && o.why?.length ? o.why : undefined;
  return html`${why ? html`<p part="note-why" id="note-why" class="hint">${why.join(' ')}</p>` : nothing}<label class="field">
    <span>
      ${
        o.minLength > 0
          ? msg(str`Reason for the team (at least ${o.minLength} characters)`, { id: 'rc.cancel.note-required' })
          : (o.optionalLabel ?? msg('Note (optional)', { id: 'rc.cancel.note' }))
      }
    </span>
    <textarea
      part="note"
      .value=${o.note}
      ?disabled=${o.disabled}
      ?required=${o.minLength > 0}
      minlength=${o.minLength || nothing}
      aria-describedby=${why ? 'note-why' : nothing}
      @input=${(e: Event) => o.onNote((e.target as HTMLTextAreaElement).value)}
    ></textarea>
  </label>`;
}

export interface SlotPickerOptions {
  readonly slots: readonly Slot[];
  /** Only slots starting within this many days. */
  readonly withinDays: number;
  readonly locale: string;
  /** Several slots (checkboxes) or one (a radio group: arrow keys move between times). */
  readonly multiple: boolean;
  readonly selected: ReadonlySet<string>;
  readonly legend: string;
  readonly disabled: boolean;
  readonly onChange: (slotId: string, selected: boolean) => void;
  /** The zone to show times and group days in; default the viewer's. */
  readonly timeZone?: string;
  /** Slots shown but no longer free (taken meanwhile). */
  readonly unavailable?: ReadonlySet<string>;
  /** Shown under the legend, after the days (another choice in the same radio group, say). */
  readonly extra?: TemplateResult;
  /** Shown beside each time (the therapist's time, an unusual hour): nothing for none. */
  readonly aside?: (slot: Slot) => TemplateResult | typeof nothing;
}

/** A time's native checkbox or radio: ticked while chosen, disabled once it was taken meanwhile. */
export function slotInput(
  o: Pick<SlotPickerOptions, 'multiple' | 'selected' | 'onChange'>,
  slot: Slot,
  taken: boolean,
): TemplateResult {
  return html`<input
    type=${o.multiple ? 'checkbox' : 'radio'}
    name="slot"
    .value=${slot.id}
    .checked=${o.selected.has(slot.id) && !taken}
    ?disabled=${taken}
    @change=${(e: Event) => o.onChange(slot.id, (e.target as HTMLInputElement).checked)}
  />`;
}

/** "(taken)" beside a time that went meanwhile. */
export function takenHint(taken: boolean): TemplateResult | typeof nothing {
  return taken ? html`<span class="hint">${msg('(taken)', { id: 'rc.slot.taken' })}</span>` : nothing;
}

/** Open slots, grouped by day in the viewer's zone (or `timeZone`). */
export function slotPicker(o: SlotPickerOptions): TemplateResult {
  const until = Date.now() + o.withinDays * 86_400_000;
  const zone = o.timeZone ?? viewerTimeZone();
  const days = new Map<string, Slot[]>();
  for (const slot of o.slots) {
    if (Date.parse(slot.startsAt) > until) continue;
    const key = dayKey(slot.startsAt, zone);
    days.set(key, [...(days.get(key) ?? []), slot]);
  }
  return html`<fieldset part="alternatives" ?disabled=${o.disabled}>
    <legend>${o.legend}</legend>
    ${days.size === 0 && !o.extra ? html`<p>${msg('You have no open times in that period. Add some in your calendar, then reload.', { id: 'rc.cancel.no-slots' })}</p>` : nothing}
    ${[...days.entries()].map(
      ([key, daySlots]) => html`<div part="day" role="group" aria-labelledby="day-${key}">
        <p class="day-label" id="day-${key}">${formatDay(daySlots[0]!.startsAt, o.locale, zone)}</p>
        ${daySlots.map((slot) => {
          const taken = o.unavailable?.has(slot.id) === true;
          return html`<label part="slot${taken ? ' slot-taken' : ''}" class="choice">
            ${slotInput(o, slot, taken)}
            <time datetime=${slot.startsAt}>${formatTime(slot.startsAt, o.locale, zone)}</time>
            ${o.aside ? o.aside(slot) : nothing} ${takenHint(taken)}
          </label>`;
        })}
      </div>`,
    )}
    ${o.extra ?? nothing}
  </fieldset>`;
}

export interface SubmitFooterOptions {
  /** What still stops the person from confirming. */
  readonly missing: readonly string[];
  /** Whether to say so yet (not before they have started). */
  readonly showMissing: boolean;
  readonly busy: boolean;
  readonly teamRequest: boolean;
  /** The button's label for the self-serve write. */
  readonly label: string;
}

/** What is still missing, the confirm button, and the progress status while sending (announced; the button shows it). */
export function submitFooter(o: SubmitFooterOptions): TemplateResult {
  const sending = msg('Sending…', { id: 'rc.common.sending' });
  return html`
    ${o.showMissing ? html`<p class="hint" id="missing">${o.missing.join(' ')}</p>` : nothing}
    <button part="submit" type="submit" data-variant="primary" ?disabled=${o.busy || o.missing.length > 0} aria-describedby=${o.showMissing ? 'missing' : nothing}>
      ${o.busy ? sending : o.teamRequest ? msg('Send to the team', { id: 'rc.cancel.submit-team' }) : o.label}
    </button>
    ${o.busy ? html`<p part="status" role="status" class="visually-hidden">${sending}</p>` : nothing}
  `;
}

/** The success view after a started session was sent to the team. */
export function teamRequestSent(): TemplateResult {
  return html`
    <h2 part="heading" tabindex="-1">${msg('Sent to the team', { id: 'rc.cancel.done-team' })}</h2>
    <div part="next" role="status">
      <p>${msg('The platform team has your request and will rearrange or cancel the session with you.', { id: 'rc.cancel.next-team' })}</p>
    </div>
  `;
}
