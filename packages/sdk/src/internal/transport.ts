/**
 * What the SDK's own modules need to speak HTTP outside ky (live events over SSE, the consent flow's origin check):
 * the API root, the fetch, and the token read and renewed the way every call does it. Kept off the public client in
 * a module-private WeakMap, so a host (or a script on its page) cannot reach the raw fetch or the token getter
 * through `client`.
 */
export interface Transport {
  /** The API root, with a trailing slash. */
  readonly baseUrl: string;
  readonly fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /** The token for the next request (the getter is called each time). */
  getToken(): Promise<string | undefined>;
  /**
   * After a 401: ask the host's getter for a new token (`{ renew: true }`). Concurrent callers share one renewal.
   * Resolves `undefined` when the token cannot be renewed (a string, or none); rejects with what the getter threw.
   */
  renewToken(): Promise<string | undefined>;
}

const transports = new WeakMap<object, Transport>();

export function attachTransport(client: object, transport: Transport): void {
  transports.set(client, transport);
}

export function transportOf(client: object): Transport {
  const transport = transports.get(client);
  if (!transport) throw new TypeError('Expected a client made by createRelinkClient().');
  return transport;
}
