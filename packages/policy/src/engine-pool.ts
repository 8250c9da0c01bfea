import { Engine } from 'json-rules-engine';

/** How many idle engines a policy keeps for concurrent evaluations. */
const MAX_IDLE = 8;

/**
 * json-rules-engine keeps its run state (`status`) on the Engine: when one `run()` finishes it
 * marks the engine FINISHED, and a second `run()` still in flight on the same engine skips its
 * remaining priority sets. So each evaluation borrows an engine of its own from this pool.
 */
export class EnginePool {
  readonly #idle: Engine[] = [];
  constructor(private readonly create: () => Engine) {}

  async use<T>(work: (engine: Engine) => Promise<T>): Promise<T> {
    const engine = this.#idle.pop() ?? this.create();
    try {
      return await work(engine);
    } finally {
      if (this.#idle.length < MAX_IDLE) this.#idle.push(engine);
    }
  }
}
