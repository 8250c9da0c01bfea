import { msg, str } from '@lit/localize';
import type { DecisionShown } from '@raincheck/host-api/client';
import type { Action, Decision, Facts } from '@raincheck/policy';
import type { PropertyValues } from 'lit';
import { FlowElement } from './flow-element.js';

/** `rc-decision`: the policy decided again (the page loaded, the person typed, the rules changed). */
export interface DecisionDetail {
  /** The decision, with every rule's explanation. */
  readonly decision: Decision;
  /** The facts it was made from. */
  readonly facts: Facts;
}

/** The facts a widget loads from the host; `action`, `now` and `request` are added at each decision. */
export type LoadedFacts = Omit<Facts, 'action' | 'now' | 'request'>;

/**
 * A widget that decides with the policy as the person types: from the facts `load` sets and the
 * request facts of what was entered, again whenever the rules change, firing `rc-decision`.
 */
export abstract class PolicyFlowElement extends FlowElement {
  static override properties = {
    ...FlowElement.properties,
    decision: { state: true },
  };

  protected declare decision: Decision | undefined;

  /** The policy action this widget decides. */
  protected abstract readonly action: Action;
  /** The request facts from what the person has entered. */
  protected abstract requestFacts(): NonNullable<Facts['request']>;

  /** The loaded facts; set by `load`, then each decision adds what was entered. */
  protected facts: LoadedFacts | undefined;
  #evaluation = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const any = changed as Map<PropertyKey, unknown>;
    if ((any.has('rules') || any.has('rulesUrl')) && this.facts && this.state !== 'submitting') {
      // Other rules (a policy owner editing them, say): decide again, keeping what was entered.
      void this.evaluate().catch((error: unknown) => this.fail(error));
    }
  }

  /** Loads again; what was decided for the last subject no longer holds. */
  protected override load(): Promise<void> {
    this.decision = undefined;
    this.facts = undefined;
    return super.load();
  }

  /** Re-decides with what has been entered; the latest answer wins. */
  protected async evaluate(): Promise<void> {
    if (!this.facts) return;
    const evaluation = ++this.#evaluation;
    const policy = await this.policy();
    const facts: Facts = { ...this.facts, action: this.action, now: new Date().toISOString(), request: this.requestFacts() };
    const decision = await policy.evaluate(facts);
    if (evaluation !== this.#evaluation) return;
    this.decision = decision;
    this.dispatchEvent(new CustomEvent<DecisionDetail>('rc-decision', { detail: { decision, facts }, bubbles: true, composed: true }));
  }

  /** Applies an edit, then re-decides with it. */
  protected input(update: () => void): void {
    update();
    void this.evaluate().catch((error: unknown) => this.fail(error));
  }

  /** What the policy lets the person do here. */
  protected get mode(): 'self-serve' | 'team-request' | 'blocked' {
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

declare global {
  interface HTMLElementEventMap {
    'rc-decision': CustomEvent<DecisionDetail>;
  }
}
