import type { AvailabilitySessionDetail, DecisionDetail } from '@raincheck/elements';
import { SCENARIOS, type ScenarioName, type ScenarioTweaks } from '@raincheck/mock-host';
import type { Policy } from '@raincheck/policy';
import { defaultRuleFiles } from '@raincheck/policy/rules';
import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { WidgetEventEntry } from './host-log.js';
import { LightElement } from './light-element.js';
import type { PlaygroundBackend } from './backend.js';
import type { PlaygroundHost } from './mock.js';
import { checkRuleTexts, type RuleProblem } from './rule-check.js';
import type { RulesInputDetail } from './rule-editor.js';
import { widgetByTag, WIDGETS, type WidgetEntry, type WidgetSubject } from './widgets.js';
import './compare-view.js';
import './decision-view.js';
import './host-log.js';
import './rule-editor.js';

type Tab = 'decision' | 'rules' | 'host' | 'compare';
type Theme = 'system' | 'light' | 'dark';

const TABS: readonly [Tab, string][] = [
  ['decision', 'Decision'],
  ['rules', 'Rules'],
  ['host', 'Requests'],
  ['compare', 'Compare'],
];

/** The rule files as the editor starts with them: the defaults, pretty-printed. */
const DEFAULT_TEXTS: Record<string, string> = Object.fromEntries(
  Object.entries(defaultRuleFiles).map(([name, file]) => [name, `${JSON.stringify(file, null, 2)}\n`]),
);

/** Reads a number control; empty means "the scenario's own value". */
const numberOrUnset = (value: string) => (value.trim() === '' ? undefined : Number(value));

/** A yes / no fact that may also be left as the scenario has it. */
function yesNoSelect(
  label: string,
  name: string,
  value: boolean | undefined,
  onChange: (value: boolean | undefined) => void,
) {
  const current = value === undefined ? '' : value ? 'yes' : 'no';
  const options: [string, string][] = [
    ['', 'as in the scenario'],
    ['yes', 'yes'],
    ['no', 'no'],
  ];
  return html`<label>${label}
    <select name=${name} @change=${(e: Event) => {
      const picked = (e.target as HTMLSelectElement).value;
      onChange(picked === '' ? undefined : picked === 'yes');
    }}>
      ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === current}>${text}</option>`)}
    </select>
  </label>`;
}

/**
 * The playground: pick a widget and a scenario (or tweak its facts), edit the rules live, and see
 * the decision, its trace, and what the widget asked of the mock host.
 */
export class PgApp extends LightElement {
  static override properties = {
    widget: { state: true },
    scenario: { state: true },
    subject: { state: true },
    tweaks: { state: true },
    theme: { state: true },
    brand: { state: true },
    locale: { state: true },
    tab: { state: true },
    policy: { state: true },
    problems: { state: true },
    decision: { state: true },
    events: { state: true },
    revision: { state: true },
    mount: { state: true },
    backend: { state: true },
    backendError: { state: true },
  };

  /** Set by `start` once the mock host answers. */
  declare host: PlaygroundHost;
  /** The hosts the widgets may talk to: the in-page mock, and the reference host when one runs. */
  declare private backends: { readonly mock: PlaygroundBackend; readonly reference?: PlaygroundBackend };
  /** The one they talk to now. */
  declare private backend: PlaygroundBackend;
  /** Why the reference host could not put the scenario in place, if it could not. */
  declare private backendError: string;
  declare private widget: WidgetEntry;
  declare private scenario: ScenarioName;
  /** The id of what the widget shows (a session, an offer, a therapist); empty: the scenario's first. */
  declare private subject: string;
  declare private tweaks: ScenarioTweaks;
  declare private theme: Theme;
  declare private brand: string;
  declare private locale: string;
  declare private tab: Tab;
  declare private policy: Policy | undefined;
  declare private problems: readonly RuleProblem[];
  declare private decision: DecisionDetail | undefined;
  declare private events: readonly WidgetEventEntry[];
  declare private revision: number;
  /** Bumped to mount a fresh widget (another widget, scenario or facts). */
  declare private mount: number;

  #rules: Readonly<Record<string, unknown>> = defaultRuleFiles;
  #check: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    const params = new URLSearchParams(location.search);
    this.widget = widgetByTag(params.get('widget') ?? '');
    const scenario = params.get('scenario');
    this.scenario = scenario && scenario in SCENARIOS ? (scenario as ScenarioName) : this.widget.scenario;
    this.subject = params.get('subject') ?? '';
    this.tweaks = {};
    this.theme = 'system';
    /** Empty until picked: the widgets' own accent, light or dark. */
    this.brand = '';
    this.locale = params.get('locale') === 'de' ? 'de' : 'en';
    this.tab = 'decision';
    this.problems = [];
    this.events = [];
    this.revision = 0;
    this.mount = 0;
  }

  /**
   * Starts with the hosts: called once by main.ts. With a reference host the widgets talk to it
   * (each scenario a fresh demo practice of this tab's); the in-page mock host stays one switch away.
   */
  start(
    host: PlaygroundHost,
    backends: { readonly mock: PlaygroundBackend; readonly reference?: PlaygroundBackend },
  ): void {
    this.host = host;
    this.backends = backends;
    this.backendError = '';
    const wanted = new URLSearchParams(location.search).get('host');
    this.backend = backends.reference && wanted !== 'mock' ? backends.reference : backends.mock;
    const check = checkRuleTexts(DEFAULT_TEXTS);
    if (check.ok) this.policy = check.policy;
    host.onRequest(() => this.revision++);
    this.#resetHost();
  }

  #resetHost(): void {
    this.decision = undefined;
    this.events = [];
    const backend = this.backend;
    // The reference host puts the scenario in place over the network: the widget mounts after it.
    void backend.reset(this.scenario, this.tweaks).then(
      async () => {
        this.backendError = '';
        // Rules edited before stay the host's rules in the new practice too.
        if (this.#rules !== defaultRuleFiles && backend.kind === 'reference') await backend.setRules(this.#rules);
        if (backend === this.backend) this.mount++;
      },
      (error: unknown) => {
        this.backendError = error instanceof Error ? error.message : String(error);
      },
    );
    this.#remember();
  }

  #pickBackend(kind: 'reference' | 'mock'): void {
    const next = kind === 'reference' ? this.backends.reference : this.backends.mock;
    if (!next || next === this.backend) return;
    this.backend = next;
    this.#resetHost();
  }

  /** The widget, scenario, subject and language in the address, so a preview can be shared as a link. */
  #remember(): void {
    const params = new URLSearchParams({
      widget: this.widget.tag,
      scenario: this.scenario,
      ...(this.subject ? { subject: this.subject } : {}),
      ...(this.locale === 'en' ? {} : { locale: this.locale }),
      ...(this.backend.kind === 'mock' && this.backends.reference ? { host: 'mock' } : {}),
    });
    history.replaceState(null, '', `?${params.toString()}`);
  }

  #pickWidget(tag: string): void {
    this.widget = widgetByTag(tag);
    this.subject = '';
    this.#resetHost();
  }

  #pickScenario(name: ScenarioName): void {
    this.scenario = name;
    this.subject = '';
    this.tweaks = {};
    this.#resetHost();
  }

  /** What in the scenario the widget can show, and the one it shows. */
  get #subjects(): { all: readonly WidgetSubject[]; shown: WidgetSubject | undefined } {
    const all = this.widget.subjects(this.backend.view);
    return { all, shown: all.find((s) => s.id === this.subject) ?? all[0] };
  }

  /** Shows another session, offer or therapist of the same scenario, on the same host state. */
  #pickSubject(id: string): void {
    this.subject = id;
    this.decision = undefined;
    this.mount++;
    this.#remember();
  }

  #tweak(change: Partial<Record<keyof ScenarioTweaks, number | boolean | undefined>>): void {
    const next = Object.entries({ ...this.tweaks, ...change }).filter(
      ([, value]) => value !== undefined && !Number.isNaN(value),
    );
    this.tweaks = Object.fromEntries(next);
    this.#resetHost();
  }

  /** Checks edited rules shortly after typing stops; valid ones go to the host and the widget at once. */
  #rulesEdited(texts: Readonly<Record<string, string>>): void {
    clearTimeout(this.#check);
    this.#check = setTimeout(() => {
      const check = checkRuleTexts(texts);
      if (!check.ok) {
        this.problems = check.problems;
        return;
      }
      this.problems = [];
      this.#rules = check.files;
      this.policy = check.policy;
      void this.backend.setRules(check.files).then(
        () => (this.backendError = ''),
        (error: unknown) => (this.backendError = error instanceof Error ? error.message : String(error)),
      );
      const widget = this.querySelector<HTMLElement & { rules: unknown }>('.pg-preview [data-widget]');
      if (widget) widget.rules = { from: 'inline', files: check.files };
    }, 250);
  }

  #widget: { mount: number; el: HTMLElement } | undefined;

  /** Opens the asked-for flow on the same host state, as a partner's page would. */
  #openSession = (event: Event): void => {
    const { sessionId, action } = (event as CustomEvent<AvailabilitySessionDetail>).detail;
    this.widget = widgetByTag(action === 'cancel' ? 'rc-cancel-session' : 'rc-reschedule-session');
    this.subject = sessionId;
    this.decision = undefined;
    this.mount++;
    this.#remember();
  };

  /** The widget for the current mount, created once per mount (a new one after "start over"). */
  #widgetElement(): HTMLElement {
    if (this.#widget?.mount === this.mount) return this.#widget.el;
    const el = document.createElement(this.widget.tag) as HTMLElement & {
      rules: unknown;
      getAccessToken?: (context: { readonly refresh: boolean }) => Promise<string>;
    };
    for (const [name, value] of Object.entries(this.#subjects.shown?.attributes ?? {})) el.setAttribute(name, value);
    el.dataset.widget = '';
    el.rules = { from: 'inline', files: this.#rules };
    // A fresh token for each call, as a partner's backend mints them; the client's view has none.
    const who = this.widget.as;
    const backend = this.backend;
    if (who) el.getAccessToken = ({ refresh }) => backend.token(who, refresh);
    this.#widget = { mount: this.mount, el };
    return el;
  }

  #onWidgetEvent = (event: Event): void => {
    if (!(event instanceof CustomEvent) || !event.type.startsWith('rc-')) return;
    if (event.type === 'rc-decision') {
      this.decision = event.detail as DecisionDetail;
      return;
    }
    this.events = [
      ...this.events,
      { type: event.type, detail: event.detail as unknown, at: new Date().toLocaleTimeString() },
    ];
  };

  override connectedCallback(): void {
    // The page's "Starting…" placeholder gives way to the app's own rendering.
    this.replaceChildren();
    super.connectedCallback();
    for (const type of new Set(WIDGETS.flatMap((w) => w.events))) this.addEventListener(type, this.#onWidgetEvent);
    this.addEventListener('rc-decision', this.#onWidgetEvent);
    this.addEventListener('rc-availability-session', this.#openSession);
  }

  /** Picks what the widget shows when the scenario has more than one (the client-offer scenario's three offers …). */
  #subjectControl() {
    const { all, shown } = this.#subjects;
    if (all.length < 2) return nothing;
    return html`<label>${this.widget.subjectKind}
      <select name="subject" @change=${(e: Event) => this.#pickSubject((e.target as HTMLSelectElement).value)}>
        ${all.map((s) => html`<option value=${s.id} ?selected=${s === shown}>${s.label}</option>`)}
      </select>
    </label>`;
  }

  protected override render() {
    if (!this.host) return html`<p class="pg-starting" role="status">Starting the playground and its mock host…</p>`;
    const t = this.tweaks;
    return html`
      <header class="pg-header">
        <h1>Raincheck playground</h1>
        <p class="pg-muted">
          Every widget against any rule file and scenario.
          ${
            this.backend.kind === 'reference'
              ? 'The host API is the reference host (PGlite), each scenario a fresh demo practice of this tab.'
              : 'The host API is a mock running in this page.'
          }
        </p>
        ${this.backendError ? html`<p class="pg-error" role="alert">${this.backendError}</p>` : nothing}
      </header>
      <div class="pg-layout">
        <aside class="pg-controls" aria-label="Widget, scenario and appearance">
          ${
            this.backends.reference
              ? html`<label>Host
                <select name="host" @change=${(e: Event) => this.#pickBackend((e.target as HTMLSelectElement).value as 'reference' | 'mock')}>
                  <option value="reference" ?selected=${this.backend.kind === 'reference'}>Reference host (PGlite)</option>
                  <option value="mock" ?selected=${this.backend.kind === 'mock'}>In-page mock host (faults, records)</option>
                </select>
              </label>`
              : nothing
          }
          <label>Widget
            <select name="widget" @change=${(e: Event) => this.#pickWidget((e.target as HTMLSelectElement).value)}>
              ${WIDGETS.map((w) => html`<option value=${w.tag} ?selected=${w === this.widget}>${w.label}</option>`)}
            </select>
          </label>
          <label>Scenario
            <select name="scenario" @change=${(e: Event) => this.#pickScenario((e.target as HTMLSelectElement).value as ScenarioName)}>
              ${(Object.keys(SCENARIOS) as ScenarioName[]).map((name) => html`<option value=${name} ?selected=${name === this.scenario}>${name}</option>`)}
            </select>
          </label>
          <p class="pg-muted pg-scenario-text">${SCENARIOS[this.scenario]}</p>
          ${this.#subjectControl()}
          <fieldset>
            <legend>Facts <small>(empty: the scenario's own)</small></legend>
            <label>Hours until the session
              <input type="number" step="1" name="hoursUntilStart" .value=${t.hoursUntilStart?.toString() ?? ''} @change=${(e: Event) => this.#tweak({ hoursUntilStart: numberOrUnset((e.target as HTMLInputElement).value) })} />
            </label>
            ${yesNoSelect('New client', 'newClient', t.newClient, (newClient) => this.#tweak({ newClient }))}
            <label>Changes in the last 90 days
              <input type="number" min="0" max="20" step="1" name="recentChanges" .value=${t.recentChanges?.toString() ?? ''} @change=${(e: Event) => this.#tweak({ recentChanges: numberOrUnset((e.target as HTMLInputElement).value) })} />
            </label>
            ${yesNoSelect('Profile visible', 'profileVisible', t.profileVisible, (profileVisible) => this.#tweak({ profileVisible }))}
            <button class="pg-button" @click=${() => this.#resetHost()}>Start over</button>
          </fieldset>
          <fieldset>
            <legend>Appearance</legend>
            <label>Theme
              <select name="theme" @change=${(e: Event) => (this.theme = (e.target as HTMLSelectElement).value as Theme)}>
                ${(['system', 'light', 'dark'] as const).map((v) => html`<option value=${v} ?selected=${v === this.theme}>${v}</option>`)}
              </select>
            </label>
            <label>Brand colour <input type="color" name="brand" .value=${this.brand || '#2f5d8a'} @input=${(e: Event) => (this.brand = (e.target as HTMLInputElement).value)} /></label>
            <label>Language
              <select
                name="locale"
                @change=${(e: Event) => {
                  this.locale = (e.target as HTMLSelectElement).value;
                  this.#remember();
                }}
              >
                <option value="en" ?selected=${this.locale === 'en'}>English</option>
                <option value="de" ?selected=${this.locale === 'de'}>Deutsch</option>
              </select>
            </label>
          </fieldset>
        </aside>
        <main class="pg-preview" data-theme=${this.theme} style=${this.brand ? `--rc-color-accent: ${this.brand}` : ''} aria-label="Widget preview">
          ${
            this.mount === 0
              ? html`<p class="pg-muted" role="status">Putting the scenario in place…</p>`
              : html`<rc-provider base-url=${this.backend.baseUrl} locale=${this.locale}>${keyed(`${this.mount}-${this.backend.kind}`, this.#widgetElement())}</rc-provider>`
          }
        </main>
        <section class="pg-inspector" aria-label="Inspector">
          <div role="tablist" class="pg-tabs" aria-label="Inspector">
            ${TABS.map(
              ([
                id,
                label,
              ]) => html`<button role="tab" id=${`tab-${id}`} aria-controls=${`panel-${id}`} aria-selected=${this.tab === id ? 'true' : 'false'} @click=${() => (this.tab = id)}>
                ${label}${id === 'rules' && this.problems.length ? html` <span class="pg-badge" aria-label=${`${this.problems.length} problems`}>${this.problems.length}</span>` : nothing}
              </button>`,
            )}
          </div>
          <div role="tabpanel" id="panel-decision" aria-labelledby="tab-decision" ?hidden=${this.tab !== 'decision'}>
            <pg-decision-view .decision=${this.decision?.decision} .facts=${this.decision?.facts} .placeholder=${this.widget.withoutDecision}></pg-decision-view>
          </div>
          <div role="tabpanel" id="panel-rules" aria-labelledby="tab-rules" ?hidden=${this.tab !== 'rules'}>
            <pg-rule-editor .texts=${DEFAULT_TEXTS} .problems=${this.problems} @pg-rules-input=${(e: CustomEvent<RulesInputDetail>) => this.#rulesEdited(e.detail.texts)}></pg-rule-editor>
          </div>
          <div role="tabpanel" id="panel-host" aria-labelledby="tab-host" ?hidden=${this.tab !== 'host'}>
            ${
              this.backend.records
                ? html`<pg-host-log .records=${this.backend.records} .events=${this.events} .revision=${this.revision}></pg-host-log>`
                : html`<p class="pg-muted">The reference host keeps its records in its database (the audit_log and outbox tables); switch to the in-page mock host to see each request here.</p>`
            }
          </div>
          <div role="tabpanel" id="panel-compare" aria-labelledby="tab-compare" ?hidden=${this.tab !== 'compare'}>
            <pg-compare-view .policy=${this.policy}></pg-compare-view>
          </div>
        </section>
      </div>
    `;
  }
}

if (!customElements.get('pg-app')) customElements.define('pg-app', PgApp);

declare global {
  interface HTMLElementTagNameMap {
    'pg-app': PgApp;
  }
}
