// A small, real HTTP implementation of the Relink contract that runs in the test page: Hono routes with the contract's
// status codes, error envelope, x-request-id and Idempotency-Key semantics, over in-memory data, plus controls a test
// uses to script failures ("the next 2 GETs of /connections answer 503 with Retry-After: 1"), delays and raw bodies.
// The SDK reaches it through `fetch: server.fetch`, exactly as it would reach a backend.
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { App, Connection, ConnectionRequest, ConnectSession, Notification, Run, Viewer } from '@relink/sdk/schema';

export const BASE_URL = 'http://relink.test/v1';
export const TOKENS: Record<string, Viewer> = {
  'tok_agency': { workspaceId: 'ws_1', role: 'agency', principalId: 'pr_agency', name: 'Acme Agency' },
  'tok_client': { workspaceId: 'ws_1', role: 'client', principalId: 'pr_client', name: 'Bob Client' },
};

export const NOT_REFRESHABLE = 'Connection cannot be refreshed. Please reconnect your connection.';
const T0 = '2026-11-01T10:00:00.000Z';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | null;
  idempotencyKey: string | null;
  body: unknown;
}

export interface Rule {
  method?: string;
  /** Path under /v1, e.g. `/connections`. */
  path: string;
  /** How many matching requests the rule applies to. */
  times: number;
  /** Wait before answering (ms). */
  delay?: number;
  /** Answer with this instead of the route (omitted: the route answers after `delay`). */
  status?: number;
  body?: string | object;
  headers?: Record<string, string>;
  /** Throw from fetch instead of answering (a network failure). */
  throws?: unknown;
}

const apps: Record<string, App> = {
  slack: { key: 'slack', name: 'Slack', authMode: 'oauth2', managedAuthConfig: 'not_required' },
  hubspot: { key: 'hubspot', name: 'HubSpot', authMode: 'oauth2', managedAuthConfig: 'not_required' },
  fub: { key: 'follow-up-boss', name: 'Follow Up Boss', authMode: 'oauth2', managedAuthConfig: 'missing' },
  mailchimp: {
    key: 'mailchimp',
    name: 'Mailchimp',
    authMode: 'api_key',
    managedAuthConfig: 'not_required',
    credentialFields: [
      { name: 'api_key', label: 'API key', secret: true },
      { name: 'server_prefix', label: 'Server prefix', secret: false },
    ],
  },
};

export function makeConnection(over: Partial<Connection> & { id: string }): Connection {
  return {
    app: apps.slack!,
    label: over.id,
    status: 'active',
    owner: 'client',
    refreshable: true,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function makeRun(over: Partial<Run> & { id: string }): Run {
  return {
    workflowId: 'wf_1',
    workflowName: 'Sync leads',
    kind: 'operator',
    status: 'running',
    connectionIds: ['con_slack'],
    startedAt: T0,
    updatedAt: T0,
    ...over,
  };
}

function seed() {
  const connections: Connection[] = [
    makeConnection({ id: 'con_slack', label: 'Team workspace', externalAccountEmail: 'ops@acme.test' }),
    makeConnection({
      id: 'con_hubspot',
      app: apps.hubspot!,
      status: 'error',
      refreshable: false,
      owner: 'agency',
      lastError: { code: 'invalid_grant', message: 'Token revoked by the provider.', at: T0, transient: false },
    }),
    makeConnection({ id: 'con_fub', app: apps.fub!, status: 'error', owner: 'agency' }),
    makeConnection({ id: 'con_revoked', status: 'revoked', refreshable: false }),
    makeConnection({ id: 'con_mailchimp', app: apps.mailchimp!, refreshable: false }),
  ];
  const notifications: Notification[] = [
    { id: 'ntf_1', kind: 'reauth_required', severity: 'critical', title: 'HubSpot reauth required', appName: 'HubSpot', connectionId: 'con_hubspot', read: false, createdAt: T0 },
    { id: 'ntf_2', kind: 'run_failed', severity: 'warning', title: 'Sync leads failed', runId: 'run_failed', read: true, createdAt: T0 },
  ];
  const runs: Run[] = [
    makeRun({ id: 'run_paused', status: 'paused', pauseReason: 'reauth', blockedConnectionId: 'con_hubspot', connectionIds: ['con_hubspot'] }),
    makeRun({ id: 'run_running' }),
    makeRun({ id: 'run_failed', status: 'failed', finishedAt: T0, error: { code: 'boom', message: 'Step 2 failed.' } }),
  ];
  const requests: ConnectionRequest[] = [
    {
      id: 'req_1',
      app: apps.slack!,
      requestedBy: { principalId: 'pr_agency', name: 'Acme Agency' },
      requestedFor: 'pr_client',
      requestedAt: T0,
      state: 'outstanding',
      connectUrl: 'https://relink.test/connect/req_1',
    },
  ];
  const sessions: ConnectSession[] = [
    {
      id: 'cs_mismatch',
      connectionId: 'con_slack',
      status: 'account_mismatch',
      connectUrl: 'https://relink.test/consent/cs_mismatch',
      state: 'state-cs_mismatch-0123456789',
      expiresAt: '2026-11-01T11:00:00.000Z',
      previousAccountEmail: 'ops@acme.test',
      newAccountEmail: 'other@acme.test',
    },
  ];
  return { connections, notifications, runs, requests, sessions };
}

type Data = ReturnType<typeof seed>;

/** Cursor pagination over an array: the cursor is the next offset, as the server's would be opaque. */
function paginate<T>(items: T[], query: Record<string, string>) {
  const limit = query.limit ? Number(query.limit) : 50;
  const offset = query.cursor ? Number(query.cursor.replace('o', '')) : 0;
  const data = items.slice(offset, offset + limit);
  return { data, nextCursor: offset + limit < items.length ? `o${offset + limit}` : null };
}

export class ContractServer {
  readonly app = new Hono().basePath('/v1');
  readonly requests: RecordedRequest[] = [];
  data: Data = seed();
  #rules: Rule[] = [];
  #idempotent = new Map<string, Response>();
  #seq = 0;

  constructor() {
    const app = this.app;
    const err = (c: Context, status: number, code: string, message: string, extra: object = {}) =>
      c.json({ error: { code, message, ...extra } }, status as 400);
    const byId = <T extends { id: string }>(c: Context, list: T[]): T | Response =>
      list.find((item) => item.id === c.req.param('id')) ?? err(c, 404, 'not_found', `No such resource: ${c.req.param('id')}.`);
    const now = () => new Date().toISOString();

    app.use('*', async (c, next) => {
      c.header('x-request-id', `req_${++this.#seq}`);
      const auth = c.req.header('authorization');
      const viewer = auth?.startsWith('Bearer ') ? TOKENS[auth.slice(7)] : undefined;
      if (!viewer) return err(c, 401, 'unauthorized', 'Missing or expired session token.');
      c.set('viewer' as never, viewer as never);
      // Idempotency-Key: a replayed POST gets the first outcome, and the action is not done twice.
      const key = c.req.method === 'POST' ? c.req.header('idempotency-key') : undefined;
      const seen = key ? this.#idempotent.get(key) : undefined;
      if (seen) return seen.clone();
      await next();
      if (key) this.#idempotent.set(key, c.res.clone());
    });
    const viewer = (c: Context) => c.get('viewer' as never) as Viewer;

    app.get('/me', (c) => c.json(viewer(c)));

    app.get('/connections', (c) => {
      const q = c.req.query();
      const items = this.data.connections.filter(
        (item) => (!q.status || item.status === q.status) && (!q.app || item.app.key === q.app),
      );
      return c.json(paginate(items, q));
    });
    app.get('/connections/:id', (c) => {
      const found = byId(c, this.data.connections);
      return found instanceof Response ? found : c.json(found);
    });
    app.post('/connections/:id/refresh', (c) => {
      const found = byId(c, this.data.connections);
      if (found instanceof Response) return found;
      if (!found.refreshable) return err(c, 400, 'not_refreshable', NOT_REFRESHABLE);
      Object.assign(found, { lastRefreshedAt: now(), updatedAt: now(), status: 'active' });
      return c.json(found);
    });
    app.post('/connections/:id/revoke', (c) => {
      const found = byId(c, this.data.connections);
      if (found instanceof Response) return found;
      if (found.status === 'revoked') return err(c, 409, 'already_revoked', 'This connection is already revoked.');
      Object.assign(found, { status: 'revoked', refreshable: false, updatedAt: now() });
      for (const run of this.data.runs) {
        if (run.connectionIds.includes(found.id) && run.status === 'running') Object.assign(run, { status: 'paused', pauseReason: 'reauth' });
      }
      return c.json(found);
    });
    app.post('/connections/:id/reconnect', async (c) => {
      const found = byId(c, this.data.connections);
      if (found instanceof Response) return found;
      if (found.app.managedAuthConfig === 'missing' || found.app.managedAuthConfig === 'invalid') {
        return err(c, 409, 'auth_config_missing', `${found.app.name} needs its managed auth config before it can be connected.`);
      }
      const body = (await c.req.json().catch(() => ({}))) as { returnTo?: string };
      const id = `cs_${this.data.sessions.length + 1}`;
      const session: ConnectSession = {
        id,
        connectionId: found.id,
        status: 'pending',
        connectUrl: `https://relink.test/consent/${id}?return_to=${encodeURIComponent(body.returnTo ?? '')}`,
        state: `state-${id}-0123456789abcdef`,
        expiresAt: '2026-11-01T11:00:00.000Z',
      };
      this.data.sessions.push(session);
      return c.json(session, 201);
    });
    app.post('/connections/:id/credentials', async (c) => {
      const found = byId(c, this.data.connections);
      if (found instanceof Response) return found;
      const { fields = {} } = (await c.req.json()) as { fields?: Record<string, string> };
      const problems = (found.app.credentialFields ?? [])
        .filter((field) => !fields[field.name])
        .map((field) => ({ field: field.name, message: `${field.label} is required.` }));
      if (fields.api_key === 'wrong') problems.push({ field: 'api_key', message: 'Mailchimp rejected this API key.' });
      if (problems.length > 0) return err(c, 422, 'invalid_credentials', 'Check the highlighted fields.', { fields: problems });
      Object.assign(found, { status: 'active', updatedAt: now() });
      return c.json(found);
    });

    app.get('/connect-sessions/:id', (c) => {
      const found = byId(c, this.data.sessions);
      return found instanceof Response ? found : c.json(found);
    });
    app.post('/connect-sessions/:id/confirm', (c) => {
      const found = byId(c, this.data.sessions);
      if (found instanceof Response) return found;
      if (found.status !== 'account_mismatch') return err(c, 409, 'session_not_confirmable', 'Only a session with an account mismatch can be confirmed.');
      found.status = 'completed';
      return c.json(found);
    });

    app.get('/connection-requests', (c) => {
      const q = c.req.query();
      return c.json(paginate(this.data.requests.filter((item) => !q.state || item.state === q.state), q));
    });
    app.post('/connection-requests', async (c) => {
      if (viewer(c).role !== 'agency') return err(c, 403, 'forbidden', 'Only the agency can send connection requests.');
      const body = (await c.req.json()) as { connectionId?: string; note?: string };
      const connection = this.data.connections.find((item) => item.id === body.connectionId);
      if (!connection) return err(c, 400, 'bad_request', 'Unknown connectionId.');
      const request: ConnectionRequest = {
        id: `req_${this.data.requests.length + 1}`,
        app: connection.app,
        requestedBy: { principalId: viewer(c).principalId, name: viewer(c).name },
        requestedFor: 'pr_client',
        requestedAt: now(),
        state: 'outstanding',
        connectUrl: `https://relink.test/connect/req_${this.data.requests.length + 1}`,
        connectionId: connection.id,
        ...(body.note ? { note: body.note } : {}),
      };
      this.data.requests.push(request);
      return c.json(request, 201);
    });
    app.post('/connection-requests/:id/cancel', (c) => {
      if (viewer(c).role !== 'agency') return err(c, 403, 'forbidden', 'Only the agency can cancel connection requests.');
      const found = byId(c, this.data.requests);
      if (found instanceof Response) return found;
      if (found.state !== 'outstanding') return err(c, 409, 'request_not_outstanding', 'This request is no longer outstanding.');
      found.state = 'cancelled';
      return c.json(found);
    });

    app.get('/notifications', (c) => {
      const q = c.req.query();
      const items = this.data.notifications.filter((item) => q.unread === undefined || item.read === (q.unread === 'false'));
      return c.json(paginate(items, q));
    });
    app.post('/notifications/:id/read', (c) => {
      const found = byId(c, this.data.notifications);
      if (found instanceof Response) return found;
      found.read = true;
      return c.json(found);
    });

    app.get('/runs', (c) => {
      const q = c.req.query();
      const items = this.data.runs.filter(
        (run) =>
          (!q.preset || (run.status === 'paused' && run.pauseReason === 'reauth')) &&
          (!q.status || run.status === q.status) &&
          (!q.workflowId || run.workflowId === q.workflowId),
      );
      return c.json(paginate(items, q));
    });
    app.get('/runs/:id', (c) => {
      const found = byId(c, this.data.runs);
      return found instanceof Response ? found : c.json(found);
    });
    app.post('/runs/:id/resume', (c) => {
      const found = byId(c, this.data.runs);
      if (found instanceof Response) return found;
      if (found.status !== 'paused') return err(c, 409, 'run_not_paused', 'Only a paused run can be resumed.');
      const { pauseReason: _reason, blockedConnectionId: _blocked, ...rest } = found;
      const resumed: Run = { ...rest, status: 'running', updatedAt: now() };
      this.data.runs.splice(this.data.runs.indexOf(found), 1, resumed);
      return c.json(resumed);
    });
    app.post('/runs/:id/replay', (c) => {
      const found = byId(c, this.data.runs);
      if (found instanceof Response) return found;
      if (!['completed', 'failed', 'cancelled'].includes(found.status)) {
        return err(c, 409, 'run_not_terminal', 'Only a completed, failed or cancelled run can be replayed.');
      }
      const replay = makeRun({ id: `run_${this.data.runs.length + 1}`, workflowId: found.workflowId, workflowName: found.workflowName, connectionIds: found.connectionIds, replayOf: found.id, startedAt: now(), updatedAt: now() });
      this.data.runs.push(replay);
      return c.json(replay, 201);
    });

    app.get('/workflows/:id/publish-check', (c) => {
      const inactive = this.data.connections.filter((item) => item.status !== 'active' && item.id === 'con_hubspot');
      const problems = inactive.map((item) => ({ node: 'trigger' as const, nodeId: 'node_1', connectionId: item.id, message: 'Trigger node has an inactive connection' }));
      return c.json({ workflowId: c.req.param('id'), ok: problems.length === 0, problems });
    });

    app.notFound((c) => err(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`));
  }

  /** Script the next `times` matching requests. Rules apply in the order they were added. */
  on(rule: Rule): this {
    this.#rules.push(rule);
    return this;
  }

  reset(): void {
    this.data = seed();
    this.requests.length = 0;
    this.#rules = [];
    this.#idempotent.clear();
  }

  /** Requests seen for a path under /v1 (all methods unless given). */
  seen(path: string, method?: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path && (!method || request.method === method));
  }

  /** The fetch-compatible entry point: record, apply a scripted rule if one matches, else route. */
  fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/v1/, '');
    // Recorded before any await, so a test sees the request in the same tick it was sent.
    const recorded: RecordedRequest = {
      method: request.method,
      path,
      query: Object.fromEntries(url.searchParams),
      authorization: request.headers.get('authorization'),
      idempotencyKey: request.headers.get('idempotency-key'),
      body: undefined,
    };
    this.requests.push(recorded);
    const text = request.method === 'GET' ? '' : await request.clone().text();
    if (text) recorded.body = JSON.parse(text) as unknown;
    const rule = this.#rules.find((item) => item.times > 0 && item.path === path && (!item.method || item.method === request.method));
    if (rule) {
      rule.times -= 1;
      if (rule.times === 0) this.#rules.splice(this.#rules.indexOf(rule), 1);
      if (rule.delay) await new Promise((resolve) => setTimeout(resolve, rule.delay));
      if (rule.throws !== undefined) throw rule.throws;
      if (rule.status !== undefined) {
        const body = typeof rule.body === 'string' ? rule.body : rule.body === undefined ? null : JSON.stringify(rule.body);
        const headers = new Headers(rule.headers);
        if (body !== null && typeof rule.body !== 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
        if (!headers.has('x-request-id')) headers.set('x-request-id', `req_rule_${++this.#seq}`);
        return new Response(rule.status === 204 ? null : body, { status: rule.status, headers });
      }
    }
    return this.app.fetch(request);
  };
}

/** Adds `n` active connections (`con_gen_0…`) so list pages fill up. */
export function addConnections(server: ContractServer, n: number): void {
  for (let index = 0; index < n; index += 1) {
    server.data.connections.push(makeConnection({ id: `con_gen_${index}`, label: `Generated ${index}` }));
  }
}
