import type { RelinkApiError, RelinkIssue, RelinkResponseError } from './errors.js';
import { kit } from './internal/kit.js';
import { ErrorBody } from './schema/common.js';

/** What a response schema offers (zod's `safeParse`). */
interface ResponseSchema {
  safeParse(body: unknown): { success: true; data: unknown } | { success: false; error: { issues: readonly { message: string; path: readonly PropertyKey[] }[] } };
}

/** `['data', 0, 'status']` → `data[0].status`, the way a developer would write the access. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(root)';
}

function responseError(status: number, issues: RelinkIssue[], label: string): RelinkResponseError {
  const [first] = issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  const where = first ? `${formatPath(first.path)}: ${first.message}` : 'invalid body';
  return new kit.RelinkResponseError({ status, issues, message: `Unexpected response to ${label}: ${where}${more}` });
}

/**
 * Reads a 2xx answer (http.ts) and parses it with `schema`, or throws the `RelinkResponseError` that says how it broke
 * the contract. In the on-demand chunk with the schemas: a request waits for that chunk before it reads its answer
 * anyway, so what only reads answers need not load before the page's first request.
 */
export async function readBody(response: Response, schema: ResponseSchema, label: string): Promise<unknown> {
  // A 204 has no body to parse; every route this client calls answers with one, so its absence is a contract break.
  if (response.status === 204) throw responseError(204, [{ path: [], message: 'expected a JSON body, got 204 No Content' }], label);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw responseError(response.status, [{ path: [], message: 'the body is not JSON' }], label);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw responseError(response.status, parsed.error.issues.map(({ message, path }) => ({ message, path: [...path] })), label);
  return parsed.data;
}

/** An HTTP error answer: the server's `{ error: { code, message } }` when it sent one, else the status. */
export async function readApiError(response: Response, label: string): Promise<RelinkApiError> {
  const { status, headers } = response;
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = ErrorBody.safeParse(body);
  const requestId = (parsed.success ? parsed.data.error.requestId : undefined) ?? headers.get('x-request-id') ?? undefined;
  return parsed.success
    ? new kit.RelinkApiError({ ...parsed.data.error, status, requestId })
    : new kit.RelinkApiError({ status, requestId, code: 'unknown_error', message: `Request failed with status ${status}: ${label}` });
}
