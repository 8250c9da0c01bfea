import { Task, TaskStatus } from '@lit/task';
import { getRulesRoute, type EndpointResponse, type HostTransport } from '@raincheck/host-api/client';
import type { Action, Decision, Facts, Policy } from '@raincheck/policy';
import type { CSSResult, ReactiveController, ReactiveControllerHost } from 'lit';
import type { RulesSource } from '../config/config.js';
import { DecisionEvent } from '../events/decision-event.js';
import type { wordFailure } from '../internal/failure-wording.decided.js';
import type { decideOnce, rulesPolicy, settleViews } from '../internal/policy-decision.decided.js';
import type { policyFromRules } from '../internal/policy-from-rules.decided.js';
import { fetchRules, type RulesRead } from '../internal/rules-url.js';
import { yieldToMain } from '../internal/yield-to-main.js';

/**
 * What a widget's decided-phase module exports besides its templates: the engine's entry, so a
 * bundler puts the engine and the views in one chunk, loaded once. The rule-file validator is not
 * in it: rules a host has vouched for by their hash need no second validation.
 */
export interface ViewsModule {
  readonly policyFromRules: typeof policyFromRules;
  /** What a failure reads: the widget words its failures with it (see {@link PolicyDecisionOptions.viewsLoader}). */
  readonly wordFailure: typeof wordFailure;
  /** The form's, the result's and the decision's styles (styles/decided.styles.ts), adopted as the module arrives. */
  readonly decidedStyles: CSSResult;
  /** Each decision's work, the formatters before the form's first render with it. */
  readonly decideOnce: typeof decideOnce;
  /** The policy from what a rules source answered (its call starts beside the load, in the first load). */
  readonly rulesPolicy: typeof rulesPolicy;
  /** What the module does as it arrives: its styles adopted, then `warmViews`, each a task of its own. */
  readonly settleViews: typeof settleViews;
  /**
   * Makes what the widget's decided form alone creates on its first render (the slot picker's
   * formatters, styles and templates), in tasks of their own, as the module arrives; resolves with
   * whether it made any. Its styles join `host`'s then.
   */
  readonly warmViews?: (locale: string, host: unknown) => Promise<boolean>;
}

/** What the policy lets the person do: do it themselves, ask the team, or nothing. */
export type PolicyMode = 'self-serve' | 'team-request' | 'blocked';

/** The facts a widget loads from the host; `action`, `now` and `request` are added at each decision. */
export type LoadedFacts = Omit<Facts, 'action' | 'now' | 'request'>;

/**
 * What a rules source answered, read in the decided phase: the host's rules, a `rules-url`'s
 * answer as it came, or nothing for inline rules.
 */
export type RulesAnswer = EndpointResponse<'getRules'> | RulesRead | undefined;

/** How the controller reaches its widget's settings and what was entered. */
export interface PolicyDecisionOptions<Views extends ViewsModule> {
  /** The policy action the widget decides. */
  readonly action: Action;
  /** Imports the widget's decided-phase module (a dynamic `import()`, so bundlers split it off). */
  readonly importViews: () => Promise<Views>;
  /** The request facts from what the person has entered. */
  readonly requestFacts: () => NonNullable<Facts['request']>;
  /** Where the rules come from now. */
  readonly rules: () => RulesSource;
  /** The host API client, for `{ from: 'host' }` rules. */
  readonly transport: () => HostTransport;
  /** Whether the host can be asked yet (a base URL is set), so the rules can be fetched early. */
  readonly connected: () => boolean;
  /**
   * Registers what starts as each of the widget's loads starts, beside its first call: the rules
   * (without it, they start once the first call has answered, with {@link PolicyDecision.prefetch}).
   */
  readonly besideLoad?: (start: () => void) => void;
  /** Hands the widget {@link PolicyDecision.loadViews}, where its failures' wording comes from. */
  readonly viewsLoader?: (load: () => Promise<Views>) => void;
  /** Whether a call beside the load's first may carry the token (not one the page sees has expired). */
  readonly tokenUnexpired?: () => Promise<boolean>;
  readonly timeoutMs: () => number | undefined;
  /** Whether a write is in flight: new rules then wait for the next decision. */
  readonly writing: () => boolean;
  /** A decision that failed (the rules could not load, say), other than one the load awaits. */
  readonly failed: (error: unknown) => void;
  /** The locale the widget formats in, so the first decision can create its formatters before the render. */
  readonly formatLocale?: () => string;
  /** Runs with the policy before each decision (the standing reads its thresholds). */
  readonly prepare?: (policy: Policy, views: Views, facts: LoadedFacts) => void;
}

/**
 * Decides with the policy as the person types: from the facts the widget loaded and the request
 * facts of what was entered, again whenever the rules change, firing `rc-decision`. The latest
 * decision wins (a task; the one before is aborted). The engine starts loading when the widget
 * connects and the rules as its load starts, beside the load's first call; both arrive in the
 * decided-phase module.
 */
export class PolicyDecision<Views extends ViewsModule = ViewsModule> implements ReactiveController {
  /** The loaded facts; set by the widget's load, then each decision adds what was entered. */
  facts: LoadedFacts | undefined;
  /** The latest decision; undefined until the first. */
  decision: Decision | undefined;
  /** The widget's decided-phase module; set with the first decision, so a render that has `decision` has it. */
  views: Views | undefined;

  #policy: { source: RulesSource; policy: Promise<Policy> } | undefined;
  #views: Promise<Views> | undefined;
  readonly #deciding: Task<readonly [], { decision: Decision; facts: Facts; views: Views }>;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly options: PolicyDecisionOptions<Views>,
  ) {
    host.addController(this);
    options.besideLoad?.(() => void this.#prefetchBeside());
    options.viewsLoader?.(() => this.loadViews());
    this.#deciding = new Task(host, {
      autoRun: false,
      task: async (_args, { signal }) => {
        const loaded = this.facts;
        const [policy, views] = await Promise.all([this.policy(), this.loadViews()]);
        // The decision itself comes with the views (see decideOnce).
        return views.decideOnce(options, policy, views, loaded, () => !this.decision, signal);
      },
      onComplete: ({ decision, facts, views }) => {
        this.views = views;
        this.decision = decision;
        this.host.dispatchEvent(new DecisionEvent({ decision, facts }));
      },
    });
  }

  hostConnected(): void {
    // Imported now, beside the widget's own load: the decided-phase module, with the engine. Its styles
    // join the widget's as it arrives, before the first decided render (see settleViews).
    void this.loadViews()
      .then((views) => views.settleViews(views, this.host, this.options.formatLocale?.() ?? 'en'))
      .catch(() => undefined);
  }

  /** Starts loading the rules (once the host has answered the widget's first call), so the decision need not wait for them. */
  prefetch(): void {
    if (this.options.connected()) void this.policy().catch(() => undefined);
  }

  /**
   * The rules beside the load's first call, which they do not need. Not the host's with a token the
   * page can see has expired: that call's 401 refreshes it, and {@link prefetch} follows. A failure
   * here is never shown: the decision asks again and shows its own.
   */
  async #prefetchBeside(): Promise<void> {
    if (this.options.rules().from === 'host' && !(await this.options.tokenUnexpired?.())) return;
    // A task of its own, after the first call's.
    await yieldToMain();
    this.prefetch();
  }

  hostUpdate(): void {
    const cached = this.#policy;
    // The provider's settings change as a whole (its locale, say): only other rules decide again.
    if (cached && this.facts && !sameSource(cached.source, this.options.rules()) && !this.options.writing()) {
      // Other rules (a policy owner editing them, say): decide again, keeping what was entered.
      this.decide().catch((error: unknown) => this.options.failed(error));
    }
  }

  /** Decides again with what has been entered; rejects when this, the latest decision, failed. */
  async decide(): Promise<void> {
    if (!this.facts) return;
    await this.#deciding.run([]);
    if (this.#deciding.status === TaskStatus.ERROR) throw this.#deciding.error;
  }

  /** Applies an edit, then decides again with it. */
  input(update: () => void): void {
    update();
    this.decide().catch((error: unknown) => this.options.failed(error));
  }

  /** Forgets the last subject's facts and decision, as a new load starts. */
  reset(): void {
    this.facts = undefined;
    this.decision = undefined;
  }

  /** What the policy lets the person do here. */
  get mode(): PolicyMode {
    const outcome = this.decision?.outcome;
    return outcome === 'blocked' ? 'blocked' : outcome === 'needs-team' ? 'team-request' : 'self-serve';
  }

  /**
   * The policy engine with the configured rules, imported on first use. It is rebuilt when the
   * source changes: another URL, or another inline files object (edited rules are a new object).
   */
  policy(): Promise<Policy> {
    const source = this.options.rules();
    if (!this.#policy || !sameSource(this.#policy.source, source)) {
      const loading = Promise.all([this.loadViews(), this.#askRules(source)]).then(([views, answer]) =>
        views.rulesPolicy(views, source, answer),
      );
      const entry = { source, policy: loading };
      this.#policy = entry;
      // A failed load (network, invalid rules) is retried on the next request.
      loading.catch(() => {
        if (this.#policy === entry) this.#policy = undefined;
      });
    }
    return this.#policy.policy;
  }

  /** The decided-phase module (with the engine), imported once; a failed import is tried again next time. */
  loadViews(): Promise<Views> {
    if (!this.#views) {
      const loading = this.options.importViews();
      this.#views = loading;
      loading.catch(() => {
        if (this.#views === loading) this.#views = undefined;
      });
    }
    return this.#views;
  }

  /** Starts the call for the rules (none for inline rules); what it answers is read with the decided-phase module. */
  async #askRules(source: RulesSource): Promise<RulesAnswer> {
    if (source.from === 'host') return this.options.transport().send(getRulesRoute, {});
    if (source.from === 'url') return fetchRules(source.url, this.options.timeoutMs());
    return undefined;
  }
}

/** The same rules: the same URL, or the same inline files object (edited rules are a new object). */
function sameSource(cached: RulesSource, source: RulesSource): boolean {
  return source.from === 'inline'
    ? cached.from === 'inline' && cached.files === source.files && cached.hash === source.hash
    : JSON.stringify(cached) === JSON.stringify(source);
}
