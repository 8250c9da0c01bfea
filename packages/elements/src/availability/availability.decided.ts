import { msg, str } from '@lit/localize';
import { listSessionsRoute, type Session, type Therapist } from '@raincheck/host-api/client';
import type { Decision, RecommendationEffect } from '@raincheck/policy';
import type { Absence, TeamRequest } from '@raincheck/host-api/client';
import { reportAbsenceRoute, setVisibilityRoute } from '@raincheck/host-api/client/writes';
import {
  AvailabilityErrorEvent,
  AvailabilitySubmitEvent,
  AvailabilitySuccessEvent,
} from '../events/availability-events.js';
import type { AvailabilitySubmitDetail } from '../events/availability-details.js';
import type { DecidedFlow } from '../internal/session-form.js';
import { decidedStyles as sharedDecidedStyles } from '../styles/decided.styles.js';
import { availabilityFormStyles } from './availability.form.styles.js';
import { css, html, nothing, type TemplateResult } from 'lit';
import { formatDateTime } from '../format/formatters.js';
import { addDays, formatDate } from '../format/days.js';
import { decisionSection, effect, noteField, submitFooter } from '../internal/form-templates.js';
import type { AvailabilityChange, AvailabilitySessionDetail, AvailabilitySuccessDetail } from './availability.js';

// What <rc-availability> shows once the policy has decided, loaded with the engine.
export { policyFromRules } from '../internal/policy-from-rules.decided.js';
export { decideOnce, rulesPolicy, settleViews } from '../internal/policy-decision.decided.js';
// The write controller comes with the views: a write follows the decision (FlowElement.importWriter).
export { startWriter } from '../controllers/write-once.js';
export { wordFailure } from '../internal/failure-wording.decided.js';
/** The styles the decided phase adds: every policy widget's, then the availability form's own. */
export const decidedStyles = css`
  ${sharedDecidedStyles}
  ${availabilityFormStyles}
`;
// The write routes come with the write controller: their schemas stay out of the first load.
export { reportAbsenceRoute, setVisibilityRoute } from '@raincheck/host-api/client/writes';

/** The widget's fields its decided form and its write read and change. */
export interface AvailabilityFields {
  readonly therapist: Therapist | undefined;
  readonly change: AvailabilityChange;
  readonly from: string;
  readonly until: string;
  readonly unsure: boolean;
  /** Hide (away) or show (back) the profile; undefined follows the policy's recommendation. */
  readonly changeProfile: boolean | undefined;
  /** Undefined follows the policy's recommendation. */
  readonly informTeam: boolean | undefined;
  readonly note: string;
  /** The scheduled sessions inside the absence; undefined while they load. */
  readonly affected: Session[] | undefined;
  readonly result: AvailabilitySuccessDetail | undefined;
}

/** What <rc-availability> gives its decided form and its write. */
export interface AvailabilityFlow extends DecidedFlow<AvailabilityFields> {
  /** Today in the therapist's calendar. */
  today(): string;
  /** The therapist whose availability this is. */
  therapistId(): string;
  /** Shows a failure (a listing that failed after an edit). */
  readonly fail: (error: unknown) => void;
  /** The profile's visibility, as the summary shows it. */
  profile(therapist: Therapist): TemplateResult;
  readonly onOpen: AvailabilityFormProps['onOpen'];
}

/** The request facts of what the therapist has entered, at each decision. */
export function requestFactsOf({ change, from, until, unsure }: AvailabilityFields) {
  if (change === 'back') return {};
  return {
    ...(from ? { unavailableFrom: from } : {}),
    ...(until && !unsure ? { unavailableUntil: until } : {}),
    ...(unsure ? { certainty: 'unsure' as const } : until ? { certainty: 'sure' as const } : {}),
  };
}

/** How far ahead sessions are listed when the return date is not known yet. */
const OPEN_ENDED_WEEKS = 8;

/** The latest listing of each widget: the latest range wins. */
const listings = new WeakMap<AvailabilityFlow, number>();

/** The last day of the range whose sessions are listed. */
function rangeEnd({ from, until, unsure }: AvailabilityFields): string | undefined {
  if (!from) return undefined;
  if (unsure) return addDays(from, OPEN_ENDED_WEEKS * 7);
  // The return day itself is a working day again.
  return until && until > from ? addDays(until, -1) : undefined;
}

/** Reads the sessions inside the absence; the latest range wins. */
export async function listAffected(flow: AvailabilityFlow): Promise<void> {
  const listing = (listings.get(flow) ?? 0) + 1;
  listings.set(flow, listing);
  const f = flow.now();
  const to = rangeEnd(f);
  if (f.change !== 'away' || !to) {
    flow.set({ affected: [] });
    return;
  }
  flow.set({ affected: undefined });
  const { sessions } = await f.host.send(listSessionsRoute, {
    therapistId: flow.therapistId(),
    query: { from: f.from, to },
  });
  if (listing === listings.get(flow)) flow.set({ affected: sessions });
}

/** Applies a change to the dates: re-decides and reads the sessions inside them again. */
function edit(flow: AvailabilityFlow, update: () => void): void {
  flow.policy.input(update);
  void listAffected(flow).catch(flow.fail);
}

function recommendation(flow: AvailabilityFlow, kind: RecommendationEffect['kind']): RecommendationEffect | undefined {
  return flow.policy.decision?.recommendations.find((r) => r.kind === kind);
}

/** Whether saving changes the profile: hides a visible one when away, shows a hidden one when back. */
function changingProfile(flow: AvailabilityFlow, f: AvailabilityFields): boolean {
  const away = f.change === 'away';
  return (
    f.therapist?.profileVisible === away &&
    (f.changeProfile ?? recommendation(flow, away ? 'hide-profile' : 'show-profile') !== undefined)
  );
}

function telling(flow: AvailabilityFlow, f: AvailabilityFields): boolean {
  return f.change === 'away' && (f.informTeam ?? recommendation(flow, 'inform-team') !== undefined);
}

function missing(flow: AvailabilityFlow, f: AvailabilityFields): string[] {
  if (f.change === 'back')
    return changingProfile(flow, f)
      ? []
      : [msg('Nothing to save: your profile already shows.', { id: 'rc.availability.nothing' })];
  const missing: string[] = [];
  if (!f.from) missing.push(msg('Choose your first day away.', { id: 'rc.availability.missing-from' }));
  if (!f.unsure && !f.until)
    missing.push(msg('Choose the day you are back, or tick "not sure yet".', { id: 'rc.availability.missing-until' }));
  if (f.from && f.until && !f.unsure && f.until <= f.from)
    missing.push(
      msg('The day you are back must come after your first day away.', { id: 'rc.availability.until-before-from' }),
    );
  return missing;
}

/** Records the absence and changes the profile: the submit event first (cancelable), then success or error. */
export async function availabilitySubmit(flow: AvailabilityFlow, event: Event): Promise<void> {
  event.preventDefault();
  const f = flow.now();
  const therapist = f.therapist;
  if (!therapist || !flow.policy.decision || missing(flow, f).length > 0) return;
  const away = f.change === 'away';
  const absence = away
    ? {
        from: f.from,
        ...(f.unsure ? {} : { until: f.until }),
        certainty: f.unsure ? ('unsure' as const) : ('sure' as const),
        informTeam: telling(flow, f),
        note: f.note,
      }
    : null;
  const visibility = !changingProfile(flow, f)
    ? null
    : away
      ? { visible: false, ...(f.unsure ? {} : { hiddenUntil: f.until }) }
      : { visible: true };
  const detail: AvailabilitySubmitDetail = { therapistId: therapist.id, change: f.change, absence, visibility };
  // Two writes, each under its own key: a retry after the first succeeded replays it (one absence,
  // one team request) and finishes the second.
  await flow.write({
    submit: new AvailabilitySubmitEvent(detail),
    scope: therapist.id,
    send: async (keyFor) => {
      let recorded: { absence: Absence; teamRequest: TeamRequest | null } | null = null;
      if (absence) {
        const { note, ...rest } = absence;
        const body = { ...rest, ...(note.trim() ? { note: note.trim() } : {}) };
        recorded = await f.host.send(reportAbsenceRoute, {
          therapistId: therapist.id,
          idempotencyKey: keyFor('absence', body),
          body,
        });
      }
      let profile = therapist;
      if (visibility)
        profile = (
          await f.host.send(setVisibilityRoute, {
            therapistId: therapist.id,
            idempotencyKey: keyFor('visibility', visibility),
            body: visibility,
          })
        ).therapist;
      const result = {
        absence: recorded?.absence ?? null,
        teamRequest: recorded?.teamRequest ?? null,
        therapist: profile,
      };
      // Set before the state turns to success, so the success view renders once, with it.
      flow.set({ therapist: profile, result });
      return result;
    },
    succeeded: (result) => new AvailabilitySuccessEvent(result),
    failed: (failure) => new AvailabilityErrorEvent(failure),
  });
}

/** The form, once the policy has decided, with what the therapist has entered. */
export function availabilityFormOf(flow: AvailabilityFlow, therapist: Therapist): TemplateResult {
  const f = flow.now();
  const { set } = flow;
  return availabilityForm({
    decision: flow.policy.decision!,
    therapist,
    locale: f.locale,
    busy: f.state === 'submitting',
    missing: missing(flow, f),
    change: f.change,
    from: f.from,
    until: f.until,
    unsure: f.unsure,
    today: flow.today(),
    rangeEnd: rangeEnd(f),
    openEndedWeeks: OPEN_ENDED_WEEKS,
    affected: f.affected,
    changingProfile: changingProfile(flow, f),
    telling: telling(flow, f),
    note: f.note,
    onChange: (change) => edit(flow, () => set({ change, changeProfile: undefined })),
    onFrom: (day) => edit(flow, () => set({ from: day })),
    onUntil: (day) => edit(flow, () => set({ until: day })),
    onUnsure: (unsure) => edit(flow, () => set({ unsure })),
    onChangeProfile: (change) => set({ changeProfile: change }),
    onInformTeam: (inform) => set({ informTeam: inform }),
    onNote: (note) => set({ note }),
    onOpen: flow.onOpen,
    onSubmit: (event) => void availabilitySubmit(flow, event),
  });
}

/** The success view for the write's result. */
export function availabilityDoneOf(flow: AvailabilityFlow, result: AvailabilitySuccessDetail): TemplateResult {
  const f = flow.now();
  return availabilitySuccess({
    result,
    profile: flow.profile(result.therapist),
    affected: f.affected ?? [],
    locale: f.locale,
    onOpen: flow.onOpen,
  });
}

/** What the form shows, and where what the therapist does goes. */
export interface AvailabilityFormProps {
  readonly decision: Decision;
  readonly therapist: Therapist;
  readonly locale: string;
  readonly busy: boolean;
  /** What still stops the therapist from saving, in order. */
  readonly missing: readonly string[];
  readonly change: AvailabilityChange;
  readonly from: string;
  readonly until: string;
  readonly unsure: boolean;
  /** Today in the therapist's calendar: the earliest first day away. */
  readonly today: string;
  /** The last day whose sessions are listed; undefined until the dates allow one. */
  readonly rangeEnd: string | undefined;
  /** How far ahead sessions are listed when the return date is not known. */
  readonly openEndedWeeks: number;
  /** The scheduled sessions inside the absence; undefined while they load. */
  readonly affected: readonly Session[] | undefined;
  /** Whether saving changes the profile (hides it when away, shows it when back). */
  readonly changingProfile: boolean;
  readonly telling: boolean;
  readonly note: string;
  readonly onChange: (change: AvailabilityChange) => void;
  readonly onFrom: (day: string) => void;
  readonly onUntil: (day: string) => void;
  readonly onUnsure: (unsure: boolean) => void;
  readonly onChangeProfile: (change: boolean) => void;
  readonly onInformTeam: (inform: boolean) => void;
  readonly onNote: (note: string) => void;
  readonly onOpen: (sessionId: string, action: AvailabilitySessionDetail['action']) => void;
  readonly onSubmit: (event: Event) => void;
}

/** Away or back, the dates, what the policy recommends, the sessions affected, the choices, and save. */
export function availabilityForm(p: AvailabilityFormProps): TemplateResult {
  const away = p.change === 'away';
  return html`
    <form part="form" @submit=${p.onSubmit} aria-busy=${p.busy ? 'true' : 'false'}>
      <fieldset part="change" ?disabled=${p.busy}>
        <legend>${msg('What is changing?', { id: 'rc.availability.change-legend' })}</legend>
        ${(['away', 'back'] as const).map(
          (change) => html`<label class="choice">
            <input type="radio" name="change" .value=${change} .checked=${p.change === change} @change=${() => p.onChange(change)} />
            ${change === 'away' ? msg('I will be away', { id: 'rc.availability.away' }) : msg('I am back', { id: 'rc.availability.back' })}
          </label>`,
        )}
      </fieldset>
      ${away ? dates(p) : nothing}
      ${recommendations(p)}
      ${away ? affectedSessions(p) : nothing}
      ${choices(p)}
      ${
        away && p.telling
          ? noteField({
              note: p.note,
              minLength: 0,
              disabled: p.busy,
              onNote: p.onNote,
              optionalLabel: msg('A note for the team (optional)', { id: 'rc.availability.note' }),
            })
          : nothing
      }
      ${submitFooter({ missing: p.missing, showMissing: p.missing.length > 0 && (p.until !== '' || !away), busy: p.busy, teamRequest: false, label: msg('Save', { id: 'rc.availability.submit' }) })}
    </form>
  `;
}

function dates(p: AvailabilityFormProps): TemplateResult {
  const value = (e: Event) => (e.target as HTMLInputElement).value;
  return html`<fieldset ?disabled=${p.busy}>
    <legend>${msg('When?', { id: 'rc.availability.when' })}</legend>
    <div class="dates">
      <div class="date-field">
        <label class="field">
          <span>${msg('First day away', { id: 'rc.availability.from' })}</span>
          <input part="from" type="date" lang=${p.locale} .value=${p.from} min=${p.today} required aria-describedby="from-in-words" @change=${(e: Event) => p.onFrom(value(e))} />
        </label>
        ${dateInWords('from-in-words', p.from, p.locale)}
      </div>
      <div class="date-field">
        <label class="field">
          <span>${msg('Back on', { id: 'rc.availability.until' })}</span>
          <input part="until" type="date" lang=${p.locale} .value=${p.until} min=${p.from ? addDays(p.from, 1) : nothing} ?disabled=${p.unsure} aria-describedby="until-in-words" @change=${(e: Event) => p.onUntil(value(e))} />
        </label>
        ${dateInWords('until-in-words', p.unsure ? '' : p.until, p.locale)}
      </div>
    </div>
    <label class="choice">
      <input part="unsure" type="checkbox" .checked=${p.unsure} @change=${(e: Event) => p.onUnsure((e.target as HTMLInputElement).checked)} />
      ${msg('Not sure yet when I will be back', { id: 'rc.availability.unsure' })}
    </label>
  </fieldset>`;
}

const fullDates = new Map<string, Intl.DateTimeFormat>();

/**
 * The chosen day in the widget's own words ("Thursday, 3 December 2026", "Donnerstag, 3. Dezember 2026"),
 * under its input: Chromium shows a date input in the browser's language whatever its `lang`, so a German or
 * British page would otherwise read the day only in the browser's format.
 */
function dateInWords(id: string, day: string, locale: string): TemplateResult {
  let format = fullDates.get(locale);
  if (!format)
    fullDates.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' })));
  return html`<span part="date-in-words" id=${id} class="hint">${day ? format.format(Date.parse(day)) : nothing}</span>`;
}

function recommendations({ decision, locale, therapist }: AvailabilityFormProps): TemplateResult | typeof nothing {
  const effects = decision.recommendations.map((r) => {
    const text =
      r.kind === 'hide-profile'
        ? r.until
          ? msg(str`Hide your profile until ${formatDate(r.until, locale, therapist.timeZone)}.`, {
              id: 'rc.availability.recommend-hide-until',
            })
          : msg('Hide your profile until you are sure you can take clients again.', {
              id: 'rc.availability.recommend-hide',
            })
        : r.kind === 'show-profile'
          ? msg('Show your profile again so clients can book you.', { id: 'rc.availability.recommend-show' })
          : msg('Tell the platform team: they can advise on your account and support your return.', {
              id: 'rc.availability.recommend-team',
            });
    return effect(text, r.ruleIds, decision);
  });
  if (effects.length === 0) return nothing;
  return decisionSection(effects, msg('What the policy recommends', { id: 'rc.availability.recommends' }));
}

function affectedSessions(p: AvailabilityFormProps): TemplateResult | typeof nothing {
  if (!p.rangeEnd) return nothing;
  const sessions = p.affected;
  return html`<section part="sessions" aria-labelledby="sessions-heading" aria-busy=${sessions ? 'false' : 'true'}>
    <h3 id="sessions-heading">
      ${
        p.unsure
          ? msg(str`Your sessions in the next ${p.openEndedWeeks} weeks`, { id: 'rc.availability.sessions-open' })
          : msg('Your sessions while you are away', { id: 'rc.availability.sessions' })
      }
    </h3>
    ${
      !sessions
        ? html`<p part="status" role="status">${msg('Loading your sessions…', { id: 'rc.availability.sessions-loading' })}</p>`
        : sessions.length === 0
          ? html`<p>${msg('No sessions are booked in that time.', { id: 'rc.availability.no-sessions' })}</p>`
          : html`<p>${msg('Cancel or rearrange each one, offering your client other times or a refund:', { id: 'rc.availability.sessions-hint' })}</p>
            ${sessionList(sessions, p.locale, p.onOpen)}`
    }
  </section>`;
}

function choices(p: AvailabilityFormProps): TemplateResult {
  const { therapist } = p;
  const away = p.change === 'away';
  const checked = (e: Event) => (e.target as HTMLInputElement).checked;
  // Away, a visible profile can be hidden; back, a hidden one shown.
  const profileChoice =
    away === therapist.profileVisible
      ? html`<label part="hide-profile" class="choice">
          <input type="checkbox" .checked=${p.changingProfile} ?disabled=${p.busy} @change=${(e: Event) => p.onChangeProfile(checked(e))} />
          ${
            !away
              ? msg('Show my profile to new clients again', { id: 'rc.availability.show' })
              : p.unsure || !p.until
                ? msg('Hide my profile from new clients', { id: 'rc.availability.hide' })
                : msg(
                    str`Hide my profile from new clients until ${formatDate(p.until, p.locale, therapist.timeZone)}`,
                    { id: 'rc.availability.hide-until' },
                  )
          }
        </label>`
      : nothing;
  return html`${profileChoice}
    ${
      away
        ? html`<label part="inform-team" class="choice">
          <input type="checkbox" .checked=${p.telling} ?disabled=${p.busy} @change=${(e: Event) => p.onInformTeam(checked(e))} />
          ${msg('Tell the platform team', { id: 'rc.availability.inform' })}
        </label>`
        : nothing
    }`;
}

/** What the success view says, and the sessions still to cancel or rearrange. */
export interface AvailabilitySuccessProps {
  readonly result: AvailabilitySuccessDetail;
  /** The profile line, as the ready view shows it, for the profile as it is now. */
  readonly profile: TemplateResult;
  readonly affected: readonly Session[];
  readonly locale: string;
  readonly onOpen: AvailabilityFormProps['onOpen'];
}

/** Saved (or welcome back): the profile now, the team's note, and the sessions to deal with. */
export function availabilitySuccess(p: AvailabilitySuccessProps): TemplateResult {
  const { result } = p;
  const count = p.affected.length;
  return html`
    <h2 part="heading" tabindex="-1">
      ${result.absence ? msg('Absence saved', { id: 'rc.availability.done' }) : msg('Welcome back', { id: 'rc.availability.done-back' })}
    </h2>
    <div part="next" role="status">
      ${p.profile}
      ${result.teamRequest ? html`<p>${msg('The platform team has your note and will be in touch.', { id: 'rc.availability.next-team' })}</p>` : nothing}
      ${
        result.absence && count > 0
          ? html`<p>${msg(str`Remember to cancel or rearrange the ${count} sessions while you are away.`, { id: 'rc.availability.next-sessions' })}</p>`
          : nothing
      }
    </div>
    ${result.absence && count > 0 ? html`<div part="sessions">${sessionList(p.affected, p.locale, p.onOpen)}</div>` : nothing}
  `;
}

/** The sessions inside the absence, each with buttons that ask the page to open its flow. */
function sessionList(
  sessions: readonly Session[],
  locale: string,
  onOpen: AvailabilityFormProps['onOpen'],
): TemplateResult {
  return html`<ul>
    ${sessions.map(
      (s) => html`<li part="affected-session">
        <span id="affected-${s.id}"><time datetime=${s.startsAt}>${formatDateTime(s.startsAt, locale)}</time> · ${s.client.displayName}</span>
        <button part="session-action" type="button" data-variant="secondary" aria-describedby="affected-${s.id}" @click=${() => onOpen(s.id, 'cancel')}>
          ${msg('Cancel', { id: 'rc.availability.cancel' })}
        </button>
        <button part="session-action" type="button" data-variant="secondary" aria-describedby="affected-${s.id}" @click=${() => onOpen(s.id, 'reschedule')}>
          ${msg('Rearrange', { id: 'rc.availability.rearrange' })}
        </button>
      </li>`,
    )}
  </ul>`;
}
