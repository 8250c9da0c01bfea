import { msg, str } from '@lit/localize';
import { getRulesRoute, type DecisionShown } from '@raincheck/host-api/client';
import type { Action, Decision, Facts, Policy } from '@raincheck/policy';
import type { PropertyValues } from 'lit';
import type { RulesSource } from '../config/config.js';
import { FlowElement } from './flow-element.js';
import type { policyFromRules } from './policy-from-rules.js';
import { loadRulesFromUrl } from './rules-url.js';

/** `rc-decision`: the policy decided again (the page loaded, the person typed, the rules changed). */
export interface DecisionDetail {
  /** The decision, with every rule's explanation. */
  readonly decision: Decision;
  /** The facts it was made from. */
  readonly facts: Facts;
}

/**
 * What a widget's views module exports besides its templates: the engine's entry, so a bundler
 * puts the engine and the views in one chunk, loaded once. The rule-file validator is not in it:
 * rules a host has vouched for by their hash need no second validation.
 */
export interface ViewsModule {
  readonly policyFromRules: typeof policyFromRules;
}

/** Rule files as a source gives them, with the policy hash that vouches for them, if any. */
interface LoadedRules {
  readonly files: Readonly<Record<string, unknown>>;
  readonly hash: string | undefined;
  readonly identity: { readonly id?: string; readonly version?: string };
}

/** What the policy lets the person do: do it themselves, ask the team, or nothing. */
export type PolicyMode = 'self-serve' | 'team-request' | 'blocked';

/** The facts a widget loads from the host; `action`, `now` and `request` are added at each decision. */
export type LoadedFacts = Omit<Facts, 'action' | 'now' | 'request'>;

/**
 * A widget that decides with the policy as the person types: from the facts `load` sets and the
 * request facts of what was entered, again whenever the rules change, firing `rc-decision`.
 *
 * The policy engine and the widget's `Views` (the templates of what shows once decided) load
 * together, in one module, after the first render: the widget shows its subject before they arrive.
 */
export abstract class PolicyFlowElement<Views extends ViewsModule = ViewsModule> extends FlowElement {
  static override properties = {
    ...FlowElement.properties,
    decision: { state: true },
  };

  protected declare decision: Decision | undefined;
  /** The widget's views; set with the first decision, so a render that has `decision` has them. */
  protected views: Views | undefined;

  /** Imports the widget's views module, which re-exports the engine (a dynamic `import()`, so bundlers split it off). */
  protected abstract importViews(): Promise<Views>;

  /** The policy action this widget decides. */
  protected abstract readonly action: Action;
  /** The request facts from what the person has entered. */
  protected abstract requestFacts(): NonNullable<Facts['request']>;

  /** The loaded facts; set by `load`, then each decision adds what was entered. */
  protected facts: LoadedFacts | undefined;
  #evaluation = 0;
  #policy: { source: RulesSource; policy: Promise<Policy> } | undefined;
  #views: Promise<Views> | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const any = changed as Map<PropertyKey, unknown>;
    const source = this.settings.rules ?? { from: 'host' };
    // The provider's settings change as a whole (its locale, say): only other rules decide again.
    const otherRules = any.has('rules') || any.has('rulesUrl') || (any.has('config') && this.#policy !== undefined && !sameSource(this.#policy.source, source));
    if (otherRules && this.facts && this.state !== 'submitting') {
      // Other rules (a policy owner editing them, say): decide again, keeping what was entered.
      void this.evaluate().catch((error: unknown) => this.fail(error));
    }
  }

  /** What was decided for the last subject no longer holds. */
  protected override resetSubject(): void {
    this.decision = undefined;
    this.facts = undefined;
  }

  /** Re-decides with what has been entered; the latest answer wins. */
  protected async evaluate(): Promise<void> {
    if (!this.facts) return;
    const evaluation = ++this.#evaluation;
    const [policy, views] = await Promise.all([this.policy(), this.loadViews()]);
    const facts: Facts = { ...this.facts, action: this.action, now: new Date().toISOString(), request: this.requestFacts() };
    const decision = await policy.evaluate(facts);
    if (evaluation !== this.#evaluation) return;
    this.views = views;
    this.decision = decision;
    this.dispatchEvent(new CustomEvent<DecisionDetail>('rc-decision', { detail: { decision, facts }, bubbles: true, composed: true }));
  }

  /**
   * The policy engine with the configured rules, imported on first use. It is rebuilt when the
   * source changes: another URL, or another inline files object (edited rules are a new object).
   */
  protected policy(): Promise<Policy> {
    const source = this.settings.rules ?? { from: 'host' };
    if (!this.#policy || !sameSource(this.#policy.source, source)) {
      const loading = Promise.all([this.loadViews(), this.#ruleFiles(source)]).then(([views, { files, hash, identity }]) => views.policyFromRules(files, hash, identity));
      const entry = { source, policy: loading };
      this.#policy = entry;
      // A failed load (network, invalid rules) is retried on the next request.
      loading.catch(() => {
        if (this.#policy === entry) this.#policy = undefined;
      });
    }
    return this.#policy.policy;
  }

  async #ruleFiles(source: RulesSource): Promise<LoadedRules> {
    if (source.from === 'inline') return { files: source.files, hash: source.hash, identity: {} };
    if (source.from === 'host') {
      const { id, version, files, hash } = await this.host.send(getRulesRoute, {});
      return { files, hash, identity: { id, version } };
    }
    return { ...(await loadRulesFromUrl(source.url, this.settings.timeoutMs)), identity: {} };
  }

  /** The views module (with the engine), imported once; a failed import is tried again next time. */
  protected loadViews(): Promise<Views> {
    if (!this.#views) {
      const loading = this.importViews();
      this.#views = loading;
      loading.catch(() => {
        if (this.#views === loading) this.#views = undefined;
      });
    }
    return this.#views;
  }

  /** Applies an edit, then re-decides with it. */
  protected input(update: () => void): void {
    update();
    void this.evaluate().catch((error: unknown) => this.fail(error));
  }

  /** What the policy lets the person do here. */
  protected get mode(): PolicyMode {
    const outcome = this.decision?.outcome;
    return outcome === 'blocked' ? 'blocked' : outcome === 'needs-team' ? 'team-request' : 'self-serve';
  }

  /** The minimum length of a written reason, 0 when none is required. */
  protected get noteMinLength(): number {
    return this.decision?.requirements.find((r) => r.kind === 'written-reason')?.minLength ?? 0;
  }

  /** The sentence asking for a longer written reason, if `note` is too short for the policy. */
  protected noteShortfall(note: string): string[] {
    return note.trim().length < this.noteMinLength
      ? [msg(str`Write a reason of at least ${this.noteMinLength} characters.`, { id: 'rc.cancel.missing-note' })]
      : [];
  }

  protected shownDecision(decision: Decision): DecisionShown {
    return { policyId: decision.policy.id, policyVersion: decision.policy.version, policyHash: decision.policy.hash, outcome: decision.outcome };
  }
}

/** The same rules: the same URL, or the same inline files object (edited rules are a new object). */
function sameSource(cached: RulesSource, source: RulesSource): boolean {
  return source.from === 'inline' ? cached.from === 'inline' && cached.files === source.files && cached.hash === source.hash : JSON.stringify(cached) === JSON.stringify(source);
}

declare global {
  interface HTMLElementEventMap {
    'rc-decision': CustomEvent<DecisionDetail>;
  }
}
