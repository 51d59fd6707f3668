import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RelinkStore } from '@relink/sdk';

export { initialState };

export interface ResourceOptions<A extends readonly unknown[], T> {
  /** The inputs of the load (a store, an id): a change starts a new load and aborts the one in flight. */
  args: () => A;
  /**
   * Loads. `signal` aborts when the inputs change or the host leaves the page: hand it to the SDK call. Return
   * `initialState` when there is nothing to load.
   */
  load: (args: A, options: { signal: AbortSignal }) => Promise<T | typeof initialState>;
}

/**
 * The one way an element loads data (lit.dev's "NamesController" pattern around `@lit/task`): the load runs when its
 * inputs change, a superseded load is aborted through its `signal` and its answer dropped, a host removed from the
 * page aborts its load (and starts it again if it comes back), so no load outlives its element or a changed id.
 */
export class ResourceController<A extends readonly unknown[], T = unknown> implements ReactiveController {
  private readonly task: Task<A, T>;
  private interrupted = false;

  constructor(host: ReactiveControllerHost, options: ResourceOptions<A, T>) {
    host.addController(this);
    this.task = new Task<A, T>(host, {
      args: options.args,
      task: (args, { signal }) => untilAborted(options.load(args, { signal }) as Promise<T>, signal),
    });
  }

  /** Whether a load is in flight. */
  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** The value of the last load that completed; kept while the next one runs, cleared when one fails. */
  get value(): T | undefined {
    return this.task.value;
  }

  /** The SDK error of the last load, unchanged (undefined unless it failed). */
  get error(): unknown {
    return this.task.status === TaskStatus.ERROR ? this.task.error : undefined;
  }

  /** Loads again with the current inputs (what "Try again" does). */
  run(): Promise<void> {
    return this.task.run();
  }

  hostConnected(): void {
    if (!this.interrupted) return;
    this.interrupted = false;
    void this.task.run();
  }

  hostDisconnected(): void {
    if (!this.pending) return;
    this.interrupted = true;
    this.task.abort();
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
