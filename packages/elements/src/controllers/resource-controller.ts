import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RelinkStore } from '@relink/sdk';

/** What a load returns when there is nothing to load: the resource goes back to its initial state. */
export const initialState: unique symbol = Symbol('initialState');

export interface ResourceOptions<A extends readonly unknown[], T> {
  /** The inputs of the load (a store, an id): a change starts a new load and aborts the one in flight. */
  args: () => A;
  /**
   * Loads. `signal` aborts when the inputs change or the host leaves the page: hand it to the SDK call. Return
   * `initialState` when there is nothing to load.
   */
  load: (args: A, options: { signal: AbortSignal }) => Promise<T | typeof initialState>;
  /**
   * Optional: true when `args` have nothing to load, known before any load starts. The resource then goes back to its
   * initial state at once, as a load returning `initialState` would a microtask later, without that load and the host's
   * second update.
   */
  idle?: (args: A) => boolean;
}

/**
 * The one way an element loads data (lit.dev's "NamesController" pattern, with `@lit/task`'s semantics in a few
 * lines of its own): the load runs when its inputs change (checked before each update, compared one by one), a
 * superseded load is aborted through its `signal` and its answer dropped, a host removed from the page aborts its load
 * (and starts it again if it comes back), so no load outlives its element or a changed id.
 */
export class ResourceController<A extends readonly unknown[], T = unknown> implements ReactiveController {
  private status: 'initial' | 'pending' | 'complete' | 'error' = 'initial';
  private args?: A;
  private result?: T;
  private failure?: unknown;
  /** Which run is the latest: an older one's answer is dropped. */
  private call = 0;
  private abortController?: AbortController;
  private interrupted = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ResourceOptions<A, T>,
  ) {
    host.addController(this);
  }

  /** Whether a load is in flight. */
  get pending(): boolean {
    return this.status === 'pending';
  }

  /** The value of the last load that completed; kept while the next one runs, cleared when one fails. */
  get value(): T | undefined {
    return this.result;
  }

  /** The SDK error of the last load, unchanged (undefined unless it failed). */
  get error(): unknown {
    return this.status === 'error' ? this.failure : undefined;
  }

  /** Loads again with the current inputs (what "Try again" does). */
  async run(args: A = this.options.args()): Promise<void> {
    this.args = args;
    if (this.status === 'pending') this.abortController?.abort();
    this.status = 'pending';
    this.host.requestUpdate();
    const call = ++this.call;
    const { signal } = (this.abortController = new AbortController());
    let result: T | typeof initialState | undefined;
    let failure: unknown;
    let failed = false;
    try {
      result = await untilAborted(this.options.load(args, { signal }), signal);
    } catch (error) {
      failed = true;
      failure = error;
    }
    if (call !== this.call) return;
    if (result === initialState) this.status = 'initial';
    else {
      this.status = failed ? 'error' : 'complete';
      this.result = result;
      this.failure = failure;
    }
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const args = this.options.args();
    const previous = this.args;
    this.args = args;
    if (previous && args.length === previous.length && args.every((arg, i) => arg === previous[i])) return;
    if (!this.options.idle?.(args)) return void this.run(args);
    // What a load answering `initialState` ends in: the one in flight aborted and dropped, the last value kept.
    if (this.status === 'pending') this.abortController?.abort();
    this.call++;
    this.status = 'initial';
  }

  hostConnected(): void {
    if (!this.interrupted) return;
    this.interrupted = false;
    void this.run();
  }

  hostDisconnected(): void {
    if (!this.pending) return;
    this.interrupted = true;
    this.abortController?.abort();
  }
}

/**
 * Settles with `promise`, or rejects as soon as `signal` aborts: an element stops waiting for an answer it no longer
 * wants even where the call itself cannot be aborted yet.
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  let onAbort!: () => void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([promise, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}

type CollectionKind = 'connections' | 'notifications' | 'runs' | 'connectionRequests';

/**
 * Loads the store's collections an element shows, once the store is known and unless they are loaded. A load another
 * element started is joined (the store shares it, no second request), so it is aborted only once every element
 * waiting on it has left. `run()` loads again after a failure ("Try again").
 */
export function collectionLoader(host: ReactiveControllerHost, store: () => RelinkStore | undefined, kinds: readonly CollectionKind[]) {
  return new ResourceController(host, {
    args: () => [store()] as const,
    load: async ([current], { signal }) => {
      if (!current) return initialState;
      const snapshot = current.getSnapshot();
      const wanted = kinds.filter((kind) => snapshot[kind].status !== 'ready');
      await Promise.allSettled(wanted.map((kind) => current[kind].load({ signal })));
      return undefined;
    },
  });
}
