/** Shares one promise between identical calls while the first is in flight (two clicks → one request). */
export class Inflight {
  #pending = new Map<string, Promise<unknown>>();

  once<T>(key: string, run: () => Promise<T>): Promise<T> {
    const pending = this.#pending.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const promise = run().finally(() => this.#pending.delete(key));
    this.#pending.set(key, promise);
    return promise;
  }
}
