import type { ConditionExplanation, Decision, Facts, RuleExplanation } from '@raincheck/policy';
import { effectLines } from '@raincheck/policy/authoring';
import { html, nothing, type TemplateResult } from 'lit';
import { LightElement } from './light-element.js';

const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

function condition(c: ConditionExplanation): TemplateResult {
  const mark = c.passed === null ? 'not needed' : c.passed ? 'met' : 'not met';
  if (c.kind === 'fact') {
    const fact = `${c.fact}${c.params ? `(${c.params.days} days)` : ''}${c.path ? ` ${c.path}` : ''}`;
    return html`<li class=${`pg-cond is-${mark.replace(' ', '-')}`}>
      <code>${fact} ${c.operator} ${show(c.expected)}</code> — actual <code>${show(c.actual)}</code> <span class="pg-tag">${mark}</span>
    </li>`;
  }
  return html`<li class="pg-cond">
    <span class="pg-tag">${c.kind}</span> <span class="pg-tag">${mark}</span>
    <ul>
      ${c.conditions.map(condition)}
    </ul>
  </li>`;
}

function rule(r: RuleExplanation): TemplateResult {
  return html`<details class=${r.fired ? 'pg-rule fired' : 'pg-rule'}>
    <summary><span class="pg-tag">${r.fired ? 'fired' : 'did not fire'}</span> <code>${r.ruleId}</code> <small>${r.file} · priority ${r.priority}</small></summary>
    <p>${r.description}</p>
    <ul>
      ${condition(r.conditions)}
    </ul>
  </details>`;
}

/** The widget's latest decision: outcome, effects, and every rule's explanation against the facts. */
export class PgDecisionView extends LightElement {
  static override properties = {
    decision: { attribute: false },
    facts: { attribute: false },
    placeholder: { attribute: false },
  };

  declare decision: Decision | undefined;
  declare facts: Facts | undefined;
  /** What to say before there is a decision; some widgets make none of their own. */
  declare placeholder: string | undefined;

  protected override render() {
    const d = this.decision;
    if (!d)
      return html`<p class="pg-muted">${this.placeholder ?? 'The decision appears here once the widget has loaded its session.'}</p>`;
    const fired = d.explanations.filter((e) => e.fired).length;
    // <rc-cancellation-standing> decides about a placeholder next change, priced 0: its refund means nothing.
    const placeholder = this.facts?.session?.id === 'next-change';
    const lines = effectLines(d).filter((line) => !(placeholder && line.field === 'refund'));
    return html`
      <p class="pg-outcome" data-outcome=${d.outcome}>
        <strong>${d.action}</strong>: <span class="pg-outcome-value">${d.outcome}</span>
        <small title=${`${d.policy.id} ${d.policy.version}`}>— policy ${d.policy.hash.slice(0, 8)}</small>
      </p>
      <table class="pg-effects">
        <thead><tr><th scope="col">Effect</th><th scope="col">What</th><th scope="col">Rules</th></tr></thead>
        <tbody>
          ${lines.map((line) => html`<tr><th scope="row">${line.field}</th><td>${line.text}</td><td><code>${line.ruleIds.join(', ')}</code></td></tr>`)}
        </tbody>
      </table>
      ${placeholder ? html`<p class="pg-muted">A placeholder for the next change (no real session or price), so no refund is shown.</p>` : nothing}
      <h3>Explanation trace <small>(${fired} of ${d.explanations.length} rules fired)</small></h3>
      <div class="pg-trace">${d.explanations.map(rule)}</div>
      ${this.facts ? html`<details class="pg-facts"><summary>Facts</summary><pre>${JSON.stringify(this.facts, null, 2)}</pre></details>` : nothing}
    `;
  }
}

if (!customElements.get('pg-decision-view')) customElements.define('pg-decision-view', PgDecisionView);

declare global {
  interface HTMLElementTagNameMap {
    'pg-decision-view': PgDecisionView;
  }
}
