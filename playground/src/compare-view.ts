import { createPolicy, type Policy } from '@raincheck/policy';
import { defaultRuleFiles } from '@raincheck/policy/rules';
import { html, nothing, type PropertyValues } from 'lit';
import { compareRuleSets, scenarioCases, type CaseComparison } from './compare.js';
import { LightElement } from './light-element.js';

let builtDefaults: Policy | undefined;
/** The default rules' policy, built once however often it is chosen as the baseline. */
const defaultPolicy = () => (builtDefaults ??= createPolicy(defaultRuleFiles));

/**
 * Compares two versions of a rule set over every seeded scenario: the baseline (the default rules,
 * a pinned copy of the edited ones, or files loaded from disk) against the rules being edited.
 */
export class PgCompareView extends LightElement {
  static override properties = {
    policy: { attribute: false },
    baseline: { state: true },
    baselineLabel: { state: true },
    rows: { state: true },
    problem: { state: true },
  };

  /** The rules being edited (the last valid version). */
  declare policy: Policy | undefined;
  declare private baseline: Policy;
  declare private baselineLabel: string;
  declare private rows: readonly CaseComparison[] | undefined;
  declare private problem: string;

  #run = 0;

  constructor() {
    super();
    this.#useDefaults();
    this.problem = '';
  }

  #useDefaults(): void {
    this.baseline = defaultPolicy();
    this.baselineLabel = 'the default rules';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('policy') || (changed as Map<PropertyKey, unknown>).has('baseline')) void this.#compare();
  }

  async #compare(): Promise<void> {
    if (!this.policy) return;
    const run = ++this.#run;
    const rows = await compareRuleSets(this.baseline, this.policy, scenarioCases());
    if (run === this.#run) this.rows = rows;
  }

  #pin(): void {
    if (!this.policy) return;
    this.baseline = this.policy;
    this.baselineLabel = `the rules as pinned at ${new Date().toLocaleTimeString()}`;
  }

  async #load(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    try {
      const files: Record<string, unknown> = {};
      for (const file of input.files ?? []) {
        const json = JSON.parse(await file.text()) as Record<string, unknown>;
        // A bundle `{ files: { name: ruleFile } }` (as the host API serves it), or one rule file.
        if (json.files && typeof json.files === 'object') Object.assign(files, json.files);
        else files[file.name] = json;
      }
      this.baseline = createPolicy(files);
      this.baselineLabel = Object.keys(files).join(', ');
      this.problem = '';
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
    input.value = '';
  }

  protected override render() {
    const changed = this.rows?.filter((row) => row.changes.length > 0) ?? [];
    return html`
      <div class="pg-toolbar">
        <span>Baseline: <strong class="pg-baseline">${this.baselineLabel}</strong></span>
        <button class="pg-button" @click=${() => this.#pin()}>Pin the current rules as the baseline</button>
        <label class="pg-button">Load a baseline…<input type="file" accept=".json,application/json" multiple class="pg-visually-hidden" @change=${(e: Event) => void this.#load(e)} /></label>
        <button class="pg-button" @click=${() => this.#useDefaults()}>Default rules</button>
      </div>
      ${this.problem ? html`<p role="alert" class="pg-problems">${this.problem}</p>` : nothing}
      ${
        !this.rows
          ? html`<p class="pg-muted" role="status">Comparing…</p>`
          : html`<p class="pg-compare-summary" role="status">
              ${changed.length === 0 ? 'No decision changes' : `${changed.length} of ${this.rows.length} decisions change`} across the seeded scenarios.
            </p>
            <table class="pg-compare">
              <thead><tr><th scope="col">Scenario</th><th scope="col">Action</th><th scope="col">What changes</th></tr></thead>
              <tbody>
                ${this.rows.map(
                  (row) => html`<tr class=${row.changes.length ? 'is-changed' : ''}>
                    <td>${row.scenario}</td>
                    <td>${row.label}</td>
                    <td>${row.changes.length === 0 ? html`<span class="pg-muted">same</span>` : row.changes.map((c) => html`<div><strong>${c.field}</strong>: ${c.before} → ${c.after}</div>`)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
      }
    `;
  }
}

if (!customElements.get('pg-compare-view')) customElements.define('pg-compare-view', PgCompareView);

declare global {
  interface HTMLElementTagNameMap {
    'pg-compare-view': PgCompareView;
  }
}
