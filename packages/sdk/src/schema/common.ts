import * as z from 'zod/mini';

/** Resource ids: short, URL-safe, prefixed by kind (`con_…`, `run_…`). Anything else is a bad id (400). */
export const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Expected an id of 1–64 letters, digits, "_" or "-".'));
export type Id = z.infer<typeof Id>;

/** ISO 8601 instant in UTC, as the server writes it (`new Date().toISOString()`). */
// The pattern z.iso.datetime({ offset: true }) checks with (zod's regexes.datetime, leap days included), and the
// same `date-time` format in /openapi.json, as a plain string format: z.iso pulls in zod's whole ISO family (date,
// time, duration) and z.regexes every pattern zod has, about 0.7 KiB gzip more in the browser's schema chunk.
// test/schema.test.ts checks it against z.iso.datetime.
const DATETIME =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;
export const Timestamp = z.stringFormat('datetime', DATETIME);
export type Timestamp = z.infer<typeof Timestamp>;

/** An absolute URL (a connect link). */
// What z.url() accepts (the URL parser's verdict on the trimmed string) and the same `uri` format in /openapi.json, as
// a plain string format: z.url() brings zod's URL schema with its hostname, protocol and normalising options, about
// 0.4 KiB gzip more in the browser's schema chunk. Unlike z.url() it hands the string back as sent (z.url() trims it
// and drops tabs and newlines, which the URL parser ignores anyway). test/schema.test.ts checks it against z.url().
export const Url = z.stringFormat('url', (value) => {
  try {
    return Boolean(new URL(value.trim()));
  } catch {
    return false;
  }
});

/** An opaque pagination cursor; the server decides its shape. */
export const Cursor = z.string().check(z.minLength(1), z.maxLength(512));

/** Page size bounds shared by every list route. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

/** An event's id: the `id:` of its server-sent event, what `Last-Event-ID` resumes after. */
export const EventId = z.string().check(z.regex(/^\d{1,15}$/));

/**
 * The paged list envelope every list route answers with. `nextCursor` is null on the last page. `eventId` is where
 * the list stands in the workspace's event log: every change up to it is in the page. Opening the event stream with
 * it as `Last-Event-ID` replays every change made since, so nothing falls between a list and its live updates
 * (list, then watch); the SDK's store does that with the smallest it has seen.
 */
export function Page<T extends z.ZodMiniType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.nullable(Cursor), eventId: z.optional(EventId) });
}
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
  /** How many items match the filters in all (first page only, on the lists that count: connections, runs). */
  total?: number | undefined;
  /** The event id this page is current to: open the event stream after it to hear every later change. */
  eventId?: string | undefined;
}

/** A page of a list that sorts, searches and counts on the server: `total` comes with the first page (no cursor). */
export function CountedPage<T extends z.ZodMiniType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.nullable(Cursor), total: z.optional(z.int().check(z.gte(0))), eventId: z.optional(EventId) });
}

/** Direction of a list's `sort`. */
export const SortOrder = z.enum(['asc', 'desc']);
export type SortOrder = z.infer<typeof SortOrder>;

/**
 * Error codes the contract names. The body's `code` is any string so a newer server's codes still parse;
 * these are the ones clients can rely on and the SDK has guards for.
 */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'not_refreshable',
  'already_revoked',
  'auth_config_missing',
  'invalid_credentials',
  'not_reconnectable',
  'run_not_paused',
  /** Resume refused: a connection the run needs is not active. The message names it. */
  'connection_not_active',
  /** Resume refused: an agent run parked on reauth resumes by itself once its connections are healthy. */
  'resumes_automatically',
  /** Replay refused: a failed run of a workflow that retries after reconnect is replayed by the server once it is. */
  'retries_automatically',
  'run_not_terminal',
  'request_not_outstanding',
  'session_not_confirmable',
  'demo_mode_off',
  /** A notification preference the caller may not change (the agency's reauth alerts are always on). */
  'preference_locked',
  'rate_limited',
  /** The request body is larger than the server accepts (413). */
  'payload_too_large',
  /** Another request with the same Idempotency-Key is still in flight (409): retry after it answers. */
  'idempotency_key_in_use',
  /** The provider's token endpoint failed transiently (5xx, 429, network); the server retries by itself. */
  'provider_unavailable',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** A field-level problem, for forms (API-key credentials: 422 `invalid_credentials`). */
export const FieldError = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/** Every error response: `{ error: { code, message } }`, plus field errors where a form caused it. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string().check(z.minLength(1)),
    message: z.string(),
    fields: z.optional(z.array(FieldError)),
    requestId: z.optional(z.string()),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
