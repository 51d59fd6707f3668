import type { ErrorCode, FieldError } from '@relink/sdk/schema';

/**
 * A failure with its HTTP answer. Lifecycle modules throw it (they know which contract error a rule breaks);
 * the app's error handler writes `{ error: { code, message, fields?, requestId } }`.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503,
    // 'payload_too_large' and 'idempotency_key_in_use' are not in the SDK's list yet; the body's code is any string, so clients still parse it.
    readonly code: ErrorCode | 'payload_too_large' | 'idempotency_key_in_use',
    message: string,
    readonly extra: { fields?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

/** The seed's exact copy (seeds 001/002). */
export const NOT_REFRESHABLE_MESSAGE = 'Connection cannot be refreshed. Please reconnect your connection.';

export const notFound = (what: string): ApiError => new ApiError(404, 'not_found', `${what} not found.`);
export const forbidden = (message: string): ApiError => new ApiError(403, 'forbidden', message);
