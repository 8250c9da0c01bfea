import { initialState, Task } from '@lit/task';
import { fillPath } from '@raincheck/host-api/client';
import type { PropertyValues } from 'lit';
import type { PolicyDecisionOptions, ViewsModule } from '../controllers/policy-decision.js';
import type { startWriter, WriteController, WriteIntent } from '../controllers/write-once.js';
import type { DecidedFlow } from './session-form.js';
import { describeFailure, wordingFrom, type FailureWordingModule, type WidgetErrorDetail } from './failure.js';
import { RaincheckElement } from './raincheck-element.js';
import { yieldToMain } from './yield-to-main.js';

export type { WidgetErrorDetail } from './failure.js';

/** What a widget's lazy write module gives (see {@link FlowElement.importWriter}). */
export interface WriterModule {
  readonly startWriter: typeof startWriter;
}

/** A widget's state; each has its own heading, which takes focus when the person caused the change. */
export type WidgetState = 'loading' | 'ready' | 'submitting' | 'success' | 'error';

/**
 * The states every widget but the team's queue goes through: loading its subject (a task: the
 * latest load wins, the one before is aborted), ready, writing once (the write controller), and
 * the failure as the person reads it.
 */
export abstract class FlowElement extends RaincheckElement {
  static override properties = {
    ...RaincheckElement.properties,
    state: { reflect: true },
    failure: { state: true },
  };

  /** The current state (reflected as an attribute for styling). */
  declare state: WidgetState;
  declare protected failure: WidgetErrorDetail | undefined;

  /** What the widget shows (a session id, a therapist id, an offer's token): setting it loads. */
  protected abstract get subject(): string;
  /** Loads what the widget shows; `signal` aborts once a newer load has started (pass it to the host's calls). */
  protected abstract loadSubject(signal: AbortSignal): Promise<void>;

  #loadFailed = false;
  /** What starts beside each load's first call (the rules). */
  readonly #besideLoad: (() => void)[] = [];
  /** The policy's decided-phase module, for a widget that decides: its failures' wording comes with it. */
  #loadViews: (() => Promise<FailureWordingModule>) | undefined;
  /** Counts the loads and writes started: a failure still being worded is not shown over a newer one. */
  #attempts = 0;

  /** The load: it runs again when the subject or the host connection changes (not the locale, not the rules). */
  readonly #loading = new Task(this, {
    args: () => [this.subject, this.connection.generation] as const,
    task: async ([subject], { signal }) => {
      this.#attempts++;
      if (!subject || !this.connection.configured) return initialState;
      this.resetSubject();
      this.state = 'loading';
      this.failure = undefined;
      this.#loadFailed = false;
      // The first render (the loading state) ends its task; the load's calls run in tasks of their own.
      await yieldToMain();
      signal.throwIfAborted();
      // Only beside a call that will be sent: a subject the contract refuses sends nothing.
      if (onePathSegment(subject)) for (const start of this.#besideLoad) start();
      await this.loadSubject(signal);
      // What the load rendered (the decided form, the first time) ends its task; the ready state renders in the next.
      await yieldToMain();
      signal.throwIfAborted();
      this.state = 'ready';
      // The write's code, fetched while the person reads, so a submit does not wait for it.
      if (this.importWriter) void Promise.resolve(this.importWriter()).catch(() => undefined);
      return subject;
    },
    onError: (error) => {
      this.#loadFailed = true;
      this.fail(error);
    },
  });

  /**
   * Where a writing widget's write controller comes from: the module its decided-phase views come
   * from (already loaded once the form shows), or its own first load. Not a lazy module of its own:
   * Vite 8 splits a first load that reaches three `import()`s into more chunks, and a submit must
   * start as the click happens. Undefined for a widget that never writes.
   */
  protected importWriter?(): WriterModule | Promise<WriterModule>;

  /** Writes once, with the submit event before and success or error after (see {@link WriteController}); made on the first write. */
  #writer: WriteController | undefined;

  /** A write's steps as the widget shows them (see {@link startWriter}). */
  readonly #step = (state: WidgetState, failure?: WidgetErrorDetail) => {
    if (state === 'submitting') this.#attempts++;
    if (state !== 'success') this.failure = failure;
    this.state = state;
  };

  constructor() {
    super();
    this.state = 'loading';
  }

  protected override get loadFailed(): boolean {
    return this.#loadFailed;
  }

  /** Forgets what was loaded for the last subject, as a new load starts. */
  protected resetSubject(): void {
    // Nothing by default.
  }

  /** Loads everything again: the loading state, then ready or the error. */
  protected async load(): Promise<void> {
    await this.#loading.run();
  }

  /**
   * Writes once (see {@link WriteController.write}); nothing while another write is in flight. It
   * starts as the click happens when the write module is there, else once it has loaded; when it
   * cannot load, nothing was sent and the failure offers to try again (the next write imports it again).
   */
  protected async write<Result>(intent: WriteIntent<Result>): Promise<Result | undefined> {
    try {
      if (!this.importWriter) throw new Error(`<${this.localName}> does not write`);
      if (!this.#writer) {
        const module = this.importWriter();
        // Awaited only while it loads: when it is there, the write starts as the click happens.
        const loaded = module instanceof Promise ? await module : module;
        this.#writer ??= loaded.startWriter(this, this.#step, () => wordingFrom(this.importFailureWording()));
      }
      return await this.#writer.write(intent);
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  /**
   * What every widget's decided-phase module reads and changes of it besides its controllers (see
   * `DecidedFlow`): its own `fields()` as they are now, with its state, locale and host; changes
   * assigned to it (it renders again); and its write.
   */
  protected flowOf<Fields extends object>(fields: () => Fields): Omit<DecidedFlow<Fields>, 'policy'> {
    return {
      now: () => ({ ...fields(), state: this.state, locale: this.formatLocale, host: this.host }),
      set: (patch) => void Object.assign(this, patch),
      write: (intent) => this.write(intent),
    };
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The new state's heading takes focus when the person caused the change, so screen readers announce it.
    if (changed.has('state') && changed.get('state') !== undefined && this.state !== 'submitting') {
      this.personFocus.move(this.renderRoot.querySelector<HTMLElement>('[part~="heading"]'));
    }
  }

  /**
   * Where the failures' wording comes from: the widget's lazy module, which re-exports it; by default
   * the policy's decided-phase module (imported as the widget connects), none for a widget without
   * one (its failures then say that its messages could not load). Never an `import()` of its own:
   * Vite 8 splits a first load that reaches three.
   */
  protected importFailureWording(): Promise<FailureWordingModule> | undefined {
    return this.#loadViews?.();
  }

  /**
   * Turns any failure into what the person reads (see {@link describeFailure}), and moves to the
   * error state. Before its wording has loaded, the widget stays as it is until it has: a sentence
   * shown, then replaced, would be announced twice.
   */
  protected fail(error: unknown): void {
    const attempt = this.#attempts;
    void wordingFrom(this.importFailureWording()).then((wording) => {
      if (attempt !== this.#attempts) return;
      this.failure = describeFailure(error, wording);
      this.state = 'error';
    });
  }

  /**
   * What every widget's `PolicyDecision` takes from the widget itself: the rules it is given
   * (the host's by default), its host, timeout, whether a write is in flight, and where failures go.
   */
  protected policyContext(): Pick<
    PolicyDecisionOptions<ViewsModule>,
    | 'rules'
    | 'transport'
    | 'connected'
    | 'besideLoad'
    | 'viewsLoader'
    | 'tokenUnexpired'
    | 'formatLocale'
    | 'timeoutMs'
    | 'writing'
    | 'failed'
  > {
    return {
      rules: () => this.settings.rules ?? { from: 'host' },
      transport: () => this.host,
      connected: () => this.connection.configured,
      besideLoad: (start) => this.#besideLoad.push(start),
      viewsLoader: (load) => (this.#loadViews = load),
      tokenUnexpired: () => this.connection.tokenUnexpired(),
      formatLocale: () => this.formatLocale,
      timeoutMs: () => this.settings.timeoutMs,
      writing: () => this.state === 'submitting',
      failed: (error) => this.fail(error),
    };
  }
}

/** Whether `subject` fills one path segment, as every widget's subject does in its first call's path. */
function onePathSegment(subject: string): boolean {
  try {
    fillPath('/{subject}', { subject });
    return true;
  } catch {
    return false;
  }
}
