// The real reference backend in the page, behind a fetch that records every request and can inject the faults a
// healthy server never produces: a 503 or 429 with Retry-After, a gateway's HTML 502, a garbage 200, a slow answer,
// a dropped connection, an answer lost after the server acted. Everything else — every status, code, message and
// rule a test asserts — comes from the reference backend itself.
import { createInPageRelink, type InPageRelink, type InPageRelinkOptions } from '@relink/server/browser';
import type { FetchLike } from '@relink/sdk';

export interface RecordedRequest {
  method: string;
  /** Path under the API root, e.g. `/connections`. */
  path: string;
  query: Record<string, string>;
  authorization: string | null;
  idempotencyKey: string | null;
  body: unknown;
}

export interface Fault {
  method?: string;
  /** Path under the API root, e.g. `/connections`. */
  path: string;
  /** How many matching requests it applies to. */
  times: number;
  /** Wait this long (ms, on the page's clock) before answering or failing. */
  delay?: number;
  /** Answer with this instead of the server. */
  status?: number;
  body?: string | object;
  headers?: Record<string, string>;
  /** Fail the fetch instead of answering (a network failure). */
  throws?: unknown;
  /** Let the server act, then lose its answer (the fetch fails with this). */
  loseAnswer?: unknown;
  /** Let the server answer, then rewrite the body (headers and status kept). */
  rewriteBody?: string;
}

export interface Backend {
  server: InPageRelink;
  baseUrl: string;
  /** The fetch to hand to the SDK. */
  fetch: FetchLike;
  requests: RecordedRequest[];
  /** Requests for a path under the API root (every method unless given). */
  seen(path: string, method?: string): RecordedRequest[];
  inject(fault: Fault): void;
  token(role?: 'agency' | 'client', ttlSeconds?: number): Promise<string>;
  close(): void;
}

export function startBackend(options: InPageRelinkOptions = {}): Backend {
  // No background refresher: its timers would run on a test's fake clock.
  const server = createInPageRelink({ rateLimit: false, refresher: { autoStart: false }, ...options });
  const root = new URL(server.baseUrl).pathname; // `/v1`
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];

  const fetch: FetchLike = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const path = url.pathname.slice(root.length);
    const text = request.method === 'GET' ? '' : await request.clone().text();
    requests.push({
      method: request.method,
      path,
      query: Object.fromEntries(url.searchParams),
      authorization: request.headers.get('authorization'),
      idempotencyKey: request.headers.get('idempotency-key'),
      body: text ? (JSON.parse(text) as unknown) : undefined,
    });
    const index = faults.findIndex((f) => f.path === path && (!f.method || f.method === request.method));
    const fault = faults[index];
    if (!fault) return server.fetch(request);
    if ((fault.times -= 1) === 0) faults.splice(index, 1);
    if (fault.delay) await new Promise((resolve) => setTimeout(resolve, fault.delay));
    if (fault.throws !== undefined) throw fault.throws;
    if (fault.loseAnswer !== undefined) {
      await server.fetch(request);
      throw fault.loseAnswer;
    }
    if (fault.rewriteBody !== undefined) {
      const real = await server.fetch(request);
      return new Response(fault.rewriteBody, { status: real.status, headers: real.headers });
    }
    if (fault.status === undefined) return server.fetch(request);
    const body = typeof fault.body === 'object' ? JSON.stringify(fault.body) : fault.body;
    const headers = { 'content-type': typeof fault.body === 'object' ? 'application/json' : 'text/plain', ...fault.headers };
    return new Response(fault.status === 204 ? null : (body ?? null), { status: fault.status, headers });
  };

  return {
    server,
    baseUrl: server.baseUrl,
    fetch,
    requests,
    seen: (path, method) => requests.filter((r) => r.path === path && (!method || r.method === method)),
    inject: (fault) => void (fault.times > 0 && faults.push({ ...fault })),
    token: (role = 'agency', ttlSeconds) => server.mintToken(role, role === 'agency' ? 'prn_agency' : 'prn_client', ttlSeconds),
    close: () => server.close(),
  };
}
