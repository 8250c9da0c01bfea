import type { Engine } from 'json-rules-engine';

/** How many evaluations of one policy run at once unless `PolicyOptions.maxEngines` says otherwise. */
export const DEFAULT_MAX_ENGINES = 8;

/**
 * json-rules-engine keeps its run state (`status`) on the Engine: when one `run()` finishes it
 * marks the engine FINISHED, and a second `run()` still in flight on the same engine skips its
 * remaining priority sets. So each evaluation borrows an engine of its own from this pool. The
 * pool holds at most `size` engines (each holds every rule); evaluations beyond that wait for one,
 * first come, first served.
 */
export class EnginePool<E = Engine> {
  readonly #idle: E[] = [];
  /** Evaluations waiting for an engine, oldest first. */
  readonly #waiting: ((engine: E) => void)[] = [];
  #engines = 0;

  /**
   * @param create makes one engine; called only while fewer than `size` exist.
   * @param size the most engines that may exist at once, a whole number ≥ 1.
   */
  constructor(
    private readonly create: () => E,
    readonly size: number = DEFAULT_MAX_ENGINES,
  ) {
    if (!(Number.isInteger(size) && size > 0))
      throw new RangeError(`maxEngines must be a whole number ≥ 1, got ${size}`);
  }

  /** How many engines exist now, in use or idle. */
  get engines(): number {
    return this.#engines;
  }

  /**
   * Runs `work` with an engine no other work is using, waiting for one when all `size` are busy.
   * An engine whose work threw is dropped (its run state is unknown) and its place freed.
   */
  async use<T>(work: (engine: E) => Promise<T>): Promise<T> {
    const engine = await this.#acquire();
    let result: T;
    try {
      result = await work(engine);
    } catch (error) {
      this.#engines--;
      if (this.#waiting.length > 0) this.#release(this.#make());
      throw error;
    }
    this.#release(engine);
    return result;
  }

  #make(): E {
    const engine = this.create();
    this.#engines++;
    return engine;
  }

  #acquire(): E | Promise<E> {
    const idle = this.#idle.pop();
    if (idle !== undefined) return idle;
    if (this.#engines < this.size) return this.#make();
    return new Promise<E>((resolve) => this.#waiting.push(resolve));
  }

  #release(engine: E): void {
    const next = this.#waiting.shift();
    if (next) next(engine);
    else this.#idle.push(engine);
  }
}
