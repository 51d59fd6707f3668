import type { Context } from 'hono';
import type { z } from 'zod/mini';
import { Id } from '@relink/sdk/schema';
import { ApiError } from '../errors.js';
import { findUnstorableText } from './text.js';

type Issue = z.core.$ZodIssue;

// zod/mini ships no locale ("Invalid input"), so the messages a developer reads are written here.
function describe(issue: Issue): string {
  const where = issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'the input';
  switch (issue.code) {
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${issue.path.length ? ` in ${where}` : ''}.`;
    case 'too_big':
      return issue.origin === 'number' ? `${where} must be at most ${String(issue.maximum)}.` : `${where} is too long (at most ${String(issue.maximum)}).`;
    case 'too_small':
      return issue.origin === 'number' ? `${where} must be at least ${String(issue.minimum)}.` : `${where} is too short (at least ${String(issue.minimum)}).`;
    case 'invalid_value':
      return `${where} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'invalid_type':
      return issue.input === undefined ? `${where} is required.` : `${where} must be ${issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}.`;
    case 'invalid_format':
      return `${where} is not a valid ${issue.format}.`;
    default:
      return issue.message && issue.message !== 'Invalid input' ? `${where}: ${issue.message}` : `${where} is invalid.`;
  }
}

export function formatIssues(issues: readonly Issue[]): string {
  return issues.map(describe).join(' ');
}

/** Parse a query or body against a contract schema; failure is a 400 `validation_failed` that says what is wrong. */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ApiError(400, 'validation_failed', formatIssues(result.error.issues));
  return result.data;
}

export function parseQuery<S extends z.ZodMiniType>(c: Context, schema: S): z.output<S> {
  return parseInput(schema, c.req.query());
}

const parsedBodies = new WeakMap<Request, unknown>();

/**
 * Read a JSON body, once per request (the idempotency fingerprint and the route share the parse). An empty body
 * reads as `{}` so optional bodies may be omitted. Text a database cannot store (NUL, a lone surrogate) is a 400.
 */
export async function readJson(c: Context): Promise<unknown> {
  if (parsedBodies.has(c.req.raw)) return parsedBodies.get(c.req.raw);
  const text = await c.req.text();
  let value: unknown = {};
  if (text.trim() !== '') {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/([a-z.+-]*\+)?json/i.test(type)) throw new ApiError(400, 'bad_request', 'Send the body as application/json.');
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      throw new ApiError(400, 'bad_request', 'The body is not valid JSON.');
    }
    const bad = findUnstorableText(value);
    if (bad) throw new ApiError(400, 'bad_request', `${bad.length ? `"${bad.join('.')}"` : 'The body'} contains a NUL character or an unpaired surrogate.`);
  }
  parsedBodies.set(c.req.raw, value);
  return value;
}

export async function parseBody<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.output<S>> {
  return parseInput(schema, await readJson(c));
}

/** A path id that breaks the Id pattern is a 400, not a 404: the caller has a bug, not a missing resource. */
export function idParam(c: Context, name = 'id'): string {
  const value = c.req.param(name);
  const result = Id.safeParse(value);
  if (!result.success) throw new ApiError(400, 'bad_request', `"${name}" is not a valid id: expected 1–64 letters, digits, "_" or "-".`);
  return result.data;
}

/** Serialise through the contract: unknown keys (secrets, workspace ids) are stripped, a bad value is our bug. */
export function send<S extends z.ZodMiniType>(c: Context, schema: S, value: z.input<S>, status: 200 | 201 | 202 = 200): Response {
  return c.json(schema.parse(value) as object, status);
}
