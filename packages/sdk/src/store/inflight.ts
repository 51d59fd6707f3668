import { RelinkAbortError } from '../errors.js';

interface Shared {
  readonly promise: Promise<unknown>;
  readonly controller: AbortController;
  waiters: number;
}

/**
 * Shares one promise between identical calls while the first is in flight (two clicks → one request). A caller may
 * pass a `signal`: it stops waiting at once (`RelinkAbortError`), and the shared call itself is aborted only when every
 * caller waiting on it has aborted, so one element leaving the page never cancels another's load.
 */
export class Inflight {
  #pending = new Map<string, Shared>();

  once<T>(key: string, run: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(aborted(key, signal));
    let shared = this.#pending.get(key);
    if (!shared) {
      const controller = new AbortController();
      const entry: Shared = {
        controller,
        waiters: 0,
        promise: run(controller.signal).finally(() => this.#forget(key, entry)),
      };
      this.#pending.set(key, entry);
      shared = entry;
    }
    const entry = shared;
    entry.waiters += 1;
    // A caller without a signal waits to the end, so the shared call is never aborted under it.
    if (!signal) return entry.promise as Promise<T>;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        entry.waiters -= 1;
        if (entry.waiters === 0) {
          // The next identical call starts afresh rather than joining one being torn down.
          this.#forget(key, entry);
          entry.controller.abort(signal.reason);
        }
        reject(aborted(key, signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      (entry.promise as Promise<T>).then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  #forget(key: string, entry: Shared): void {
    if (this.#pending.get(key) === entry) this.#pending.delete(key);
  }
}

const aborted = (key: string, signal: AbortSignal) => new RelinkAbortError(`Load aborted: ${key}`, { cause: signal.reason });
