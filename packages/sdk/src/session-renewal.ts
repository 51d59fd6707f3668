import type { RelinkApiError } from './errors.js';
import { kit } from './internal/kit.js';

/** What renewing a refused session needs from the request that was refused (http.ts). */
export interface Renewal {
  /** The 401 that started it. */
  error: RelinkApiError;
  label: string;
  /** Whether the token is a getter (a fixed string cannot be renewed). */
  getter: boolean;
  /** The renewed token: a new one, or the one a renewal finished since the request was sent got. */
  renew(): Promise<string | undefined>;
  /** Throws if the caller's signal fired meanwhile. */
  checkSignal(): void;
  /** The request once more, with the renewed token. */
  retry(token: string): Promise<unknown>;
}

/**
 * An expired session: ask the host for a new token and try once more (a POST keeps its Idempotency-Key; the server did
 * not act on a request it refused), or say why the session is over (`RelinkSessionError`). In the on-demand chunk: a
 * request only learns it was refused once that chunk has read the 401's error envelope, so it is always there by then.
 */
export async function renewSession({ error, label, getter, renew, checkSignal, retry }: Renewal): Promise<unknown> {
  let renewed: string | undefined;
  try {
    renewed = await renew();
  } catch (cause) {
    throw new kit.RelinkSessionError(`The session expired and the token getter failed to renew it: ${label}`, { cause, requestId: error.requestId });
  }
  checkSignal();
  if (renewed === undefined) {
    const why = getter ? 'the token getter returned no token' : 'a fixed token cannot be renewed';
    throw new kit.RelinkSessionError(`The session token was refused and ${why}: ${label}`, { cause: error, requestId: error.requestId });
  }
  try {
    return await retry(renewed);
  } catch (retryError) {
    if (!kit.isRelinkApiError(retryError) || retryError.status !== 401) throw retryError;
    throw new kit.RelinkSessionError(`The session token was refused, and so was the renewed one: ${label}`, {
      cause: retryError,
      requestId: retryError.requestId,
    });
  }
}
