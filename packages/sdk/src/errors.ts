import type { ErrorCode, FieldError } from './schema/common.js';

/** Which member of the error family an error is; switch on it instead of chains of `instanceof`. */
export type RelinkErrorKind = 'api' | 'network' | 'timeout' | 'abort' | 'response' | 'session' | 'chunk';

/**
 * An error code from the server's error envelope. The contract's codes autocomplete; any other string still
 * arrives as-is (a newer server), and `unknown_error` marks a non-2xx answer that had no error envelope at all.
 */
export type RelinkErrorCode = ErrorCode | 'unknown_error' | (string & {});

/** One problem with a response body, with the path into the body where it was found (`['data', 0, 'status']`). */
export interface RelinkIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * Base of every error the SDK throws for a request (or for its code that loads on demand). Check `kind`, or use the `is*` guards, which also work
 * across realms (iframes, duplicated bundles) where `instanceof` does not.
 */
export abstract class RelinkError extends Error {
  abstract readonly kind: RelinkErrorKind;
}

/** The server answered with a non-2xx status. `message` is the server's message, word for word. */
export class RelinkApiError extends RelinkError {
  override readonly name = 'RelinkApiError';
  readonly kind = 'api';
  /** HTTP status, e.g. 409. */
  readonly status: number;
  /** The envelope's `error.code`, or `unknown_error` when the body was not an error envelope. */
  readonly code: RelinkErrorCode;
  /** From the body's `error.requestId`, else the `x-request-id` header; quote it to support. */
  readonly requestId: string | undefined;
  /** Field-level problems of a form (422), by field name. */
  readonly fields: FieldError[] | undefined;

  constructor(init: { status: number; code: RelinkErrorCode; message: string; requestId?: string | undefined; fields?: FieldError[] | undefined }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.fields = init.fields;
  }
}

/** The request never got an answer: offline, DNS, CORS, connection reset, or a `fetch` that threw. */
export class RelinkNetworkError extends RelinkError {
  override readonly name = 'RelinkNetworkError';
  readonly kind = 'network';
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
  }
}

/** No response within the client's `timeout` (per attempt), or the caller's `AbortSignal.timeout()` fired. */
export class RelinkTimeoutError extends RelinkError {
  override readonly name = 'RelinkTimeoutError';
  readonly kind = 'timeout';
}

/** The caller's `signal` aborted the request; `cause` is the signal's reason. */
export class RelinkAbortError extends RelinkError {
  override readonly name = 'RelinkAbortError';
  readonly kind = 'abort';
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
  }
}

/**
 * A 2xx response whose body breaks the contract's schema (or is not JSON). The SDK owns the schema, so this is the
 * SDK's error, not the caller's: the message names the first bad field's path, e.g. `data[0].status`.
 */
export class RelinkResponseError extends RelinkError {
  override readonly name = 'RelinkResponseError';
  readonly kind = 'response';
  readonly status: number;
  readonly issues: readonly RelinkIssue[];
  constructor(init: { status: number; issues: readonly RelinkIssue[]; message: string; cause?: unknown }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.issues = init.issues;
  }
}

/**
 * The server refused the session token (401) and the SDK could not get a good one: the token is a fixed string (or
 * there is none), the host's token getter failed to renew it (`cause` is what it threw), or the server refused the
 * renewed token too (`cause` is that 401 `RelinkApiError`). Show "your session expired", not a credential problem.
 * A network failure or timeout while retrying stays a `RelinkNetworkError` / `RelinkTimeoutError`.
 */
export class RelinkSessionError extends RelinkError {
  override readonly name = 'RelinkSessionError';
  readonly kind = 'session';
  /** Always 401: the status that started it. */
  readonly status = 401;
  /** The request id of the last 401, to quote to support. */
  readonly requestId: string | undefined;
  constructor(message: string, options: { cause: unknown; requestId?: string | undefined }) {
    super(message, { cause: options.cause });
    this.requestId = options.requestId;
  }
}

/**
 * A part of the SDK that loads on demand (an `import()`: the response schemas, a list window, live events, the consent
 * flow) did not load: the network dropped it, or a deploy removed the page's old chunks. `cause` is the browser's
 * error. Reloading the page helps; trying again may not, as Chromium keeps a module that failed as failed until the
 * page reloads. The elements throw it for their own on-demand parts too. A write the server did whose answer could not
 * be read for this reason is a `RelinkResponseError` instead (with this error as `cause`): the change was made.
 */
export class RelinkChunkLoadError extends RelinkError {
  override readonly name = 'RelinkChunkLoadError';
  readonly kind = 'chunk';
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
  }
}

// Cross-realm checks: `instanceof` fails for an error from another copy of the SDK, so fall back to the name.
const hasName = (error: unknown, name: string): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;

const NAMES = ['RelinkApiError', 'RelinkNetworkError', 'RelinkTimeoutError', 'RelinkAbortError', 'RelinkResponseError', 'RelinkSessionError', 'RelinkChunkLoadError'];

/** Any error of the SDK's family. */
export const isRelinkError = (error: unknown): error is RelinkError =>
  error instanceof RelinkError || NAMES.some((name) => hasName(error, name));

/** The server answered with a non-2xx status. */
export const isRelinkApiError = (error: unknown): error is RelinkApiError =>
  error instanceof RelinkApiError || hasName(error, 'RelinkApiError');
/** The request never got an answer. */
export const isNetworkError = (error: unknown): error is RelinkNetworkError =>
  error instanceof RelinkNetworkError || hasName(error, 'RelinkNetworkError');
/** The request timed out. */
export const isTimeoutError = (error: unknown): error is RelinkTimeoutError =>
  error instanceof RelinkTimeoutError || hasName(error, 'RelinkTimeoutError');
/** The caller aborted the request. */
export const isAbortError = (error: unknown): error is RelinkAbortError =>
  error instanceof RelinkAbortError || hasName(error, 'RelinkAbortError');
/** The session expired and could not be renewed: ask the user to sign in again (or reload). */
export const isSessionExpired = (error: unknown): error is RelinkSessionError =>
  error instanceof RelinkSessionError || hasName(error, 'RelinkSessionError');
/** A 2xx body broke the schema. */
export const isResponseError = (error: unknown): error is RelinkResponseError =>
  error instanceof RelinkResponseError || hasName(error, 'RelinkResponseError');

/** Part of the SDK's (or the elements') code that loads on demand did not load: offer a reload of the page. */
export const isChunkLoadError = (error: unknown): error is RelinkChunkLoadError =>
  error instanceof RelinkChunkLoadError || hasName(error, 'RelinkChunkLoadError');

const apiError = (code: RelinkErrorCode, status?: number) => (error: unknown): error is RelinkApiError =>
  isRelinkApiError(error) && (error.code === code || (status !== undefined && error.status === status));

/** 400 `not_refreshable`: no stored refresh token; the user must reconnect instead. */
export const isNotRefreshable = apiError('not_refreshable');
/** 409 `already_revoked`. */
export const isAlreadyRevoked = apiError('already_revoked');
/** 409 `auth_config_missing`: the app's managed auth config is missing or invalid; the consent flow cannot start. */
export const isAuthConfigMissing = apiError('auth_config_missing');
/** 422 `invalid_credentials`: see `error.fields`. */
export const isInvalidCredentials = apiError('invalid_credentials');
/** 404, with or without the `not_found` envelope. */
export const isNotFound = apiError('not_found', 404);
/**
 * 401: the session token is missing, expired or unknown. The client itself throws `RelinkSessionError` for a 401 it
 * could not recover from; this guard matches that too, and a bare `RelinkApiError` 401 (from a hook, another realm).
 */
export const isUnauthorized = (error: unknown): error is RelinkApiError | RelinkSessionError =>
  isSessionExpired(error) || apiError('unauthorized', 401)(error);
/** 403: the caller's role may not do this (e.g. a client cancelling a connection request). */
export const isForbidden = apiError('forbidden', 403);
/** 429, after the SDK's own retries. */
export const isRateLimited = apiError('rate_limited', 429);
/** 409 `run_not_paused`: only paused runs resume. */
export const isRunNotPaused = apiError('run_not_paused');
/** 409 `run_not_terminal`: only completed, failed or cancelled runs replay. */
export const isRunNotTerminal = apiError('run_not_terminal');
/** 409 `connection_not_active`: a connection the run needs is broken; reconnect it before resuming (seed 000). */
export const isConnectionNotActive = apiError('connection_not_active');
/** 409 `resumes_automatically`: an agent run parked on reauth resumes by itself once reconnected (seed 002). */
export const isResumesAutomatically = apiError('resumes_automatically');
/** 409 `retries_automatically`: a failed run the server replays by itself once its connection is reconnected (seed 004). */
export const isRetriesAutomatically = apiError('retries_automatically');
/** 409 `preference_locked`: a notification kind the caller cannot turn off (the agency's reauth alerts). */
export const isPreferenceLocked = apiError('preference_locked');

/**
 * Which member of the family an error is, also across realms, or `unknown` for anything else (a bug, an error
 * thrown by a hook): the one switch an element needs to pick its copy. Network trouble, a timeout, an expired
 * session, an API answer (see `code`, e.g. `not_refreshable`) and code that did not load are always told apart.
 */
export function errorKind(error: unknown): RelinkErrorKind | 'unknown' {
  if (isSessionExpired(error)) return 'session';
  if (isRelinkApiError(error)) return 'api';
  if (isNetworkError(error)) return 'network';
  if (isTimeoutError(error)) return 'timeout';
  if (isAbortError(error)) return 'abort';
  if (isResponseError(error)) return 'response';
  if (isChunkLoadError(error)) return 'chunk';
  return 'unknown';
}

/**
 * Per-field messages of a 422 `invalid_credentials`, keyed by field name, ready for a form
 * (`aria-invalid` + the message under the input). Empty for any other error.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRelinkApiError(error)) for (const { field, message } of error.fields ?? []) out[field] ??= message;
  return out;
}
