import ky, { isHTTPError, isTimeoutError as isKyTimeoutError } from 'ky';
import type { HTTPError, Hooks, Options, RetryOptions } from 'ky';
import type { infer as Infer } from 'zod/mini';
import {
  RelinkAbortError,
  RelinkChunkLoadError,
  RelinkNetworkError,
  RelinkResponseError,
  RelinkTimeoutError,
  isChunkLoadError,
  isRelinkApiError,
  isRelinkError,
} from './errors.js';
import { backoffDelay } from './backoff.js';
import type { Transport } from './internal/transport.js';
import { randomId } from './internal/uuid.js';
import { loadOnDemand, type Schemas } from './internal/on-demand.js';

/** A fetch-compatible function: `globalThis.fetch`, a framework's fetch, or an in-page server's `app.fetch`. */
export type FetchLike = (input: Request | string | URL, init?: RequestInit) => Response | Promise<Response>;

/** What the SDK tells a token getter about the token it needs. */
export interface TokenRequest {
  /**
   * `true` when the server refused the token the getter gave last (401: expired, or signed with a key the server no
   * longer has): return a freshly minted one, not a cached one. The SDK then retries the request once.
   */
  readonly renew: boolean;
}

/**
 * The session token, or a function the SDK calls before every request (so a short-lived token can be renewed), and
 * with `{ renew: true }` after the server refused one. A string cannot be renewed: its 401 is final. The SDK always
 * passes the request; it is optional in the type only so getters written as `() => token` keep fitting.
 */
export type TokenSource = string | ((request?: TokenRequest) => string | undefined | Promise<string | undefined>);

/** Options of one SDK call. */
export interface RequestOptions {
  /** Aborts the call, including any wait between retries; the call then rejects with `RelinkAbortError`. */
  signal?: AbortSignal | undefined;
}

/** Options of `createRelinkClient`. Where ky has a name for an option, this is ky's name and shape. */
export interface RelinkClientOptions {
  /** The API root, e.g. `https://api.example.com/v1`; resource paths are resolved under it. */
  baseUrl: string | URL;
  /** Sent as `Authorization: Bearer <token>`; a function is called before every request and every retry. */
  token?: TokenSource | undefined;
  /** Any fetch-compatible function; it receives a `Request`. Defaults to the global `fetch`. */
  fetch?: FetchLike | undefined;
  /** Per-attempt timeout in ms, or `false` for none (ky's `timeout`). Default 10 000. */
  timeout?: number | false | undefined;
  /**
   * ky's `retry`: a limit, or options. Default: 2 retries, exponential backoff (0.3 s, 0.6 s, …) with full jitter,
   * `Retry-After` honoured up to `maxRetryAfter` (default 60 s). `methods` is decided per call by the SDK:
   * reads (GET) retry on network errors and `statusCodes` (default 408, 429, 500, 502, 503, 504); writes (POST) carry an
   * `Idempotency-Key` and retry only on network errors and on those of `statusCodes` that are 408, 429 or 503.
   */
  retry?: RetryOptions | number | undefined;
  /**
   * ky's hooks, run after the SDK's own (auth first). `beforeError` hooks run once a call has failed for good, on
   * every failure (HTTP, network, timeout), and receive the SDK's mapped error (a `RelinkError`).
   */
  hooks?: ClientHooks | undefined;
}

/** ky's hooks, except that `beforeError` sees the SDK's error rather than ky's `HTTPError`. */
export type ClientHooks = Omit<Hooks, 'beforeError'> & { beforeError?: ((error: Error) => Error | Promise<Error>)[] };

type Query = Record<string, string | number | boolean | undefined>;

/** The response schemas (loaded on demand with internal/on-demand.ts); a call names the one its answer is parsed with. */
export type SchemaName = Exclude<keyof Schemas, 'readBody' | 'readApiError' | 'renewSession' | 'createEvents' | 'followConsent' | 'resumeFromRedirect' | 'provideKit'>;
type Parsed<K extends SchemaName> = Infer<Schemas[K]>;

/** The SDK's transport: typed GET/POST/DELETE that parse with a named schema and only ever throw the RelinkError family. */
export interface Http {
  readonly transport: Transport;
  get<K extends SchemaName>(path: string, schema: K, query?: Query, options?: RequestOptions): Promise<Parsed<K>>;
  post<K extends SchemaName>(path: string, schema: K, json?: unknown, options?: RequestOptions): Promise<Parsed<K>>;
  /** Replace (idempotent by nature: no Idempotency-Key, retried like DELETE). */
  put<K extends SchemaName>(path: string, schema: K, json: unknown, options?: RequestOptions): Promise<Parsed<K>>;
  delete<K extends SchemaName>(path: string, schema: K, options?: RequestOptions): Promise<Parsed<K>>;
}

const READ_STATUSES = [408, 429, 500, 502, 503, 504];
// A write is replayed only where the status says the server did not act on it (408, 429, 503), or where we cannot
// know (network error) and the Idempotency-Key lets the server answer a replay with the first outcome.
const WRITE_STATUSES = [408, 429, 503];

// Marks the TypeError our fetch wrapper throws so ky classifies it as a network error; `cause` is the real failure.
const NETWORK_FAILURE = 'Failed to fetch';
const isNetworkFailure = (error: unknown): error is TypeError => error instanceof TypeError && error.message === NETWORK_FAILURE;

/**
 * The schema module could not be fetched (the network, or a deploy that removed the host's old chunk) to read an
 * answer that did arrive (`failed`: the loader's `RelinkChunkLoadError`). A read changed nothing: the SDK's code did
 * not load, said with the request it failed. A write that was answered with success was done by the server, so it is
 * never "nothing changed" but an answer that could not be read (a `RelinkResponseError`, the load failure its cause).
 */
function schemasUnavailable(label: string, failed: unknown, writeDone?: Response): RelinkChunkLoadError | RelinkResponseError {
  const message = `Could not load the SDK's response schemas to read the answer: ${label}`;
  return writeDone
    ? new RelinkResponseError({ status: writeDone.status, issues: [], message, cause: failed })
    : new RelinkChunkLoadError(message, { cause: isChunkLoadError(failed) ? failed.cause : failed });
}

/** The caller's signal fired: an abort, or a timeout when it was `AbortSignal.timeout()`. */
function abortError(signal: AbortSignal, label: string): RelinkAbortError | RelinkTimeoutError {
  const reason: unknown = signal.reason;
  return (reason as Error | undefined)?.name === 'TimeoutError'
    ? new RelinkTimeoutError(`Request timed out (the caller's signal): ${label}`)
    : new RelinkAbortError(`Request aborted: ${label}`, { cause: reason });
}

/** Creates the ky instance with the SDK's auth, retry policy, error mapping and fetch wrapper. */
export function createHttp(options: RelinkClientOptions): Http {
  const baseUrl = new URL(String(options.baseUrl), globalThis.location?.href).href.replace(/\/?$/, '/');
  const rawFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const { token, hooks = {}, timeout = 10_000 } = options;
  const readToken = async (renew: boolean): Promise<string | undefined> => (typeof token === 'function' ? token({ renew }) : token) || undefined;
  const getToken = () => readToken(false);
  // One renewal at a time: ten requests refused together ask the host for one new token, not ten. A request sent
  // before a renewal that has since finished was refused for the old token: it takes the renewed one (`latest`).
  let renewal: Promise<string | undefined> | undefined;
  let renewals = 0;
  let latest: Promise<string | undefined> = Promise.resolve(undefined);
  const renewToken = (): Promise<string | undefined> => {
    if (typeof token !== 'function') return Promise.resolve(undefined);
    if (!renewal) {
      renewals += 1;
      latest = renewal = readToken(true).finally(() => (renewal = undefined));
    }
    return renewal;
  };

  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const signal = input instanceof Request ? input.signal : init?.signal;
    signal?.throwIfAborted();
    let onAbort: (() => void) | undefined;
    try {
      // Race the signal: an in-page server's `app.fetch` does not watch it, and abort must work with any fetch.
      return await new Promise<Response>((resolve, reject) => {
        onAbort = () => reject(signal?.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        Promise.resolve(rawFetch(input, init)).then(resolve, reject);
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      // Anything a fetch throws without an abort is a failure to get an answer; ky retries what it sees as one.
      throw new TypeError(NETWORK_FAILURE, { cause: error });
    } finally {
      // A page-long signal outlives thousands of requests: each one takes its listener away with it.
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  };

  // A call retried after a renewal carries the renewed token in ky's `context`, so its retries keep using it.
  const authorize = async (request: Request, { context }: { context: Record<string, unknown> }): Promise<void> => {
    const value = typeof context['token'] === 'string' ? context['token'] : await getToken();
    if (value) request.headers.set('authorization', `Bearer ${value}`);
    else request.headers.delete('authorization');
  };

  const { beforeError: userBeforeError = [], ...userHooks } = hooks;
  const api = ky.create({
    prefixUrl: baseUrl,
    timeout,
    fetch,
    headers: { accept: 'application/json' },
    hooks: {
      ...userHooks,
      // ky runs beforeRequest for every attempt, retries included (which may come seconds later): each one reads the
      // token again, so a renewed one is used.
      beforeRequest: [(request, { context }) => authorize(request, { context }), ...(userHooks.beforeRequest ?? [])],
    },
  });

  /** An HTTP error answer, read by the on-demand chunk (read-response.ts). */
  async function apiError(error: HTTPError, label: string, schemas: Promise<Schemas>): Promise<Error> {
    let readApiError: Schemas['readApiError'];
    try {
      ({ readApiError } = await schemas);
    } catch (cause) {
      // Its status stays in the message: the refusal itself cannot be read.
      return schemasUnavailable(`${label} (answered ${error.response.status})`, cause);
    }
    return readApiError(error.response, label);
  }

  const userRetry: RetryOptions = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  // The SDK's backoff (0.3 s, 0.6 s, … full jitter), unless the caller brings ky's own delay or jitter.
  const ownBackoff: RetryOptions =
    userRetry.delay === undefined && userRetry.jitter === undefined
      ? { delay: (attemptCount) => backoffDelay(attemptCount - 1, 300, userRetry.backoffLimit ?? Infinity), jitter: false }
      : { jitter: true };
  const readRetry: RetryOptions = {
    limit: 2,
    ...ownBackoff,
    maxRetryAfter: 60_000,
    statusCodes: READ_STATUSES,
    // ky 1 retries any failure; the SDK only network failures and the statuses above (not a throwing token getter).
    shouldRetry: ({ error }) => (isHTTPError(error) || isNetworkFailure(error) ? undefined : false),
    ...userRetry,
    methods: ['get'],
  };
  readRetry.afterStatusCodes ??= readRetry.statusCodes;
  const writeRetry: RetryOptions = {
    ...readRetry,
    // DELETE too: replayed only where the server did not act; a replay after it did answers 404 (the caller's to read).
    // PUT sets a value: a replay sets it again.
    methods: ['post', 'put', 'delete'],
    statusCodes: readRetry.statusCodes!.filter((status) => WRITE_STATUSES.includes(status)),
  };

  async function send<K extends SchemaName>(
    method: 'get' | 'post' | 'put' | 'delete',
    path: string,
    schema: K,
    init: Options,
    signal: AbortSignal | undefined,
  ): Promise<Parsed<K>> {
    const label = `${method.toUpperCase()} ${path}`;
    const renewalsBefore = renewals;
    try {
      return await attempt(method, path, schema, init, signal, label);
    } catch (error) {
      if (!isRelinkApiError(error) || error.status !== 401) throw error;
      // An expired session: renewed (or said to be over) by the on-demand chunk (session-renewal.ts), loaded by now.
      const { renewSession } = await loadOnDemand();
      return (await renewSession({
        error,
        label,
        getter: typeof token === 'function',
        // A renewal finished since this request was sent got the token to use; else ask for one (shared by all).
        renew: () => (renewals === renewalsBefore ? renewToken() : latest),
        checkSignal: () => {
          if (signal?.aborted) throw abortError(signal, label);
        },
        retry: (renewed) => attempt(method, path, schema, { ...init, context: { token: renewed } }, signal, label),
      })) as Parsed<K>;
    }
  }

  async function attempt<K extends SchemaName>(
    method: 'get' | 'post' | 'put' | 'delete',
    path: string,
    name: K,
    init: Options,
    signal: AbortSignal | undefined,
    label: string,
  ): Promise<Parsed<K>> {
    const schemas = loadOnDemand();
    schemas.catch(() => {}); // awaited below, once the response is in; until then a failure must not go unhandled
    try {
      const response = await api(path, { ...init, method, signal, retry: method === 'get' ? readRetry : writeRetry });
      let code: Schemas;
      try {
        code = await schemas;
      } catch (cause) {
        throw schemasUnavailable(label, cause, method === 'get' ? undefined : response);
      }
      // The body is read and checked against the contract's schema in the on-demand chunk (read-response.ts).
      return (await code.readBody(response, code[name], label)) as Parsed<K>;
    } catch (error) {
      throw await normalize(error, schemas, signal, label);
    }
  }

  // The one place every failure passes: it becomes a RelinkError, then the host's beforeError hooks see it.
  async function normalize(error: unknown, schemas: Promise<Schemas>, signal: AbortSignal | undefined, label: string): Promise<unknown> {
    let mapped = error;
    if (signal?.aborted) mapped = abortError(signal, label);
    else if (isHTTPError(error)) mapped = await apiError(error, label, schemas);
    else if (isNetworkFailure(error)) mapped = new RelinkNetworkError(`Could not reach the Relink API: ${label}`, { cause: error.cause });
    else if (isKyTimeoutError(error)) mapped = new RelinkTimeoutError(`Request timed out${timeout ? ` after ${timeout} ms` : ''}: ${label}`);
    if (!isRelinkError(mapped)) return mapped;
    for (const hook of userBeforeError) mapped = await hook(mapped as Error);
    return mapped;
  }

  return {
    transport: {
      baseUrl,
      fetch: async (input, init) => rawFetch(input, init),
      getToken,
      renewToken,
    },
    get: (path, schema, query, { signal } = {}) => send('get', path, schema, { searchParams: query }, signal),
    post: (path, schema, json, { signal } = {}) =>
      // One key per call, so ky's retries of this call replay it and the server can answer with the first outcome.
      send('post', path, schema, { json, headers: { 'idempotency-key': randomId() } }, signal),
    put: (path, schema, json, { signal } = {}) => send('put', path, schema, { json }, signal),
    delete: (path, schema, { signal } = {}) => send('delete', path, schema, {}, signal),
  };
}
