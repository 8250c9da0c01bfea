import type { MockHost, MockHostRecords, MockIdentity, ScenarioName, ScenarioTweaks } from '@raincheck/mock-host';

// Where the playground's widgets send their calls: the reference host (`npm start` runs it beside
// the page) or the mock host running in the page. Both give the widgets what a partner's page
// would: a base URL, a scenario's ids and tokens for the people in it.

/** What in the current scenario the widgets can be pointed at. */
export interface ScenarioView {
  /** Its sessions: `id` as the widget takes it, `name` as the scenario calls it (`ses-1`). */
  readonly sessions: readonly { readonly id: string; readonly name: string; readonly status?: string }[];
  /** The offer links' tokens by name (`open`, `expired`, `answered`). */
  readonly offerTokens: Readonly<Record<string, string>>;
  /** The therapist the widgets act as. */
  readonly therapistId: string;
}

/** One of the two hosts the playground can talk to. */
export interface PlaygroundBackend {
  readonly kind: 'reference' | 'mock';
  readonly baseUrl: string;
  readonly view: ScenarioView;
  /** Puts the scenario in place (with the facts tweaked). */
  reset(scenario: ScenarioName, tweaks: ScenarioTweaks): Promise<void>;
  /** A token for `who`; a fresh one when `refresh` (after a 401). */
  token(who: MockIdentity, refresh: boolean): Promise<string>;
  /** Makes edited rule files the ones the host decides with. */
  setRules(files: Readonly<Record<string, unknown>>): Promise<void>;
  /** The mock host's records (only it has them to show). */
  readonly records?: MockHostRecords;
}

/** The mock host in the page as a backend. */
export function mockBackend(host: MockHost, baseUrl: string): PlaygroundBackend {
  return {
    kind: 'mock',
    baseUrl,
    get view(): ScenarioView {
      return {
        sessions: host.state.seed.sessions.map((s) => ({ id: s.id, name: s.id, status: s.status })),
        offerTokens: host.offerTokens,
        therapistId: host.identities.therapist.subject,
      };
    },
    reset: async (scenario, tweaks) => {
      host.reset(scenario, tweaks);
      await host.ready;
    },
    token: (who) => host.token(who),
    setRules: (files) => {
      host.setRules(files);
      return Promise.resolve();
    },
    get records() {
      return host.records;
    },
  };
}
