import type { Hono } from 'hono';
import { z } from 'zod/mini';
import { ChooseAccountsBody, ConnectSession, type ConnectResultMessage } from '@relink/sdk/schema';
import { loadConnectSession } from '../auth/access.js';
import type { AppEnv, RelinkContext } from '../context.js';
import { route, type RouteRegistry } from '../http/route.js';
import { idParam, parseBody, send } from '../http/validate.js';
import { escapeHtml } from '../internal/html.js';
import { accountsView, chooseAccounts } from '../lifecycle/accounts.js';
import { completeConsent, confirmConsent, declineConsent } from '../lifecycle/reconnect.js';
import { toConnectSession } from '../lifecycle/views.js';
import type { ConnectSessionRecord } from '../store/store.js';

const CallbackQuery = z.object({
  state: z.optional(z.string()),
  code: z.optional(z.string()),
  error: z.optional(z.string()),
  error_description: z.optional(z.string()),
});

/** A session on the wire, with the choice of accounts when it has one. */
const view = (record: ConnectSessionRecord) => ({ ...toConnectSession(record), ...accountsView(record) });

const TITLES: Record<string, string> = {
  completed: 'Connected',
  choose_accounts: 'Choose the accounts to connect',
  account_mismatch: 'A different account was authorised',
  cancelled: 'Connection cancelled',
  failed: 'Connection failed',
  pending: 'Still connecting',
};

/** The callback page's script, served as a file so the page needs no inline script (CSP `script-src 'self'`). */
export const CALLBACK_SCRIPT_PATH = '/v1/connect/callback.js';
const CALLBACK_SCRIPT = `(function(){var data=JSON.parse(document.getElementById('relink-result').textContent);
if(window.opener){try{window.opener.postMessage(data.message,data.origin);}finally{window.close();}}})();`;

/**
 * The page the provider redirects to. It posts the result to the window that opened it — only to the origin that
 * started the flow — then closes. Without an opener (the user navigated here) it just says what happened.
 * The result travels as a JSON data block (never executed) read by the script file.
 */
export function renderCallbackPage(session: ConnectSessionRecord): string {
  const message: ConnectResultMessage = { type: 'relink:connect-result', sessionId: session.id, state: session.state, status: session.status };
  // JSON in a <script> element: escape "<" so a value can never close it.
  const data = JSON.stringify({ message, origin: session.origin }).replace(/</g, '\\u003c');
  const title = escapeHtml(TITLES[session.status] ?? 'Connection finished');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><h1>${title}</h1><p role="status">You can close this window and return to the app.</p></main>
<script type="application/json" id="relink-result">${data}</script><script src="${CALLBACK_SCRIPT_PATH}"></script></body></html>`;
}

function html(body: string, status: 200 | 400): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } });
}

export function connectSessionRoutes(v1: Hono<AppEnv>, registry: RouteRegistry, ctx: RelinkContext): void {
  const tag = 'connect-sessions';
  route(v1, registry, {
    method: 'get', path: '/v1/connect-sessions/{id}', tag, auth: 'session',
    summary: 'State of a consent flow (the fallback when the popup cannot post its result).',
    response: { status: 200, schema: ConnectSession, description: 'The connect session' }, errors: [400, 404],
  }, async (c) => send(c, ConnectSession, view(await loadConnectSession(ctx, c.get('auth'), idParam(c)))));

  route(v1, registry, {
    method: 'post', path: '/v1/connect-sessions/{id}/confirm', tag, auth: 'session',
    summary: 'After account_mismatch: switch the connection to the newly authorised account and complete.',
    response: { status: 200, schema: ConnectSession, description: 'The completed session' }, errors: [400, 404, 409],
  }, async (c) => {
    const session = await loadConnectSession(ctx, c.get('auth'), idParam(c));
    return send(c, ConnectSession, view(await confirmConsent(ctx, session)));
  });

  route(v1, registry, {
    method: 'post', path: '/v1/connect-sessions/{id}/accounts', tag, auth: 'session',
    summary: 'After choose_accounts: connect the chosen accounts, one connection each (an account keeps the connection it had); the others get no token.',
    body: ChooseAccountsBody,
    response: { status: 200, schema: ConnectSession, description: 'The completed session, with the connections' }, errors: [400, 404, 409],
  }, async (c) => {
    const session = await loadConnectSession(ctx, c.get('auth'), idParam(c));
    const body = await parseBody(c, ChooseAccountsBody);
    return send(c, ConnectSession, view(await chooseAccounts(ctx, session, body.accountIds)));
  });

  route(v1, registry, {
    method: 'get', path: CALLBACK_SCRIPT_PATH, tag, auth: 'none',
    summary: "The callback page's script (a file, so the page's CSP allows no inline script).",
    response: { status: 200, contentType: 'text/javascript', description: 'JavaScript' },
  }, () => new Response(CALLBACK_SCRIPT, {
    headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=300' },
  }));

  route(v1, registry, {
    method: 'post', path: '/v1/connect-sessions/{id}/decline', tag, auth: 'session',
    summary: "After account_mismatch: keep the connection's original account; after choose_accounts: connect none. The held tokens are revoked and dropped.",
    response: { status: 200, schema: ConnectSession, description: 'The cancelled session' }, errors: [400, 404, 409],
  }, async (c) => {
    const session = await loadConnectSession(ctx, c.get('auth'), idParam(c));
    return send(c, ConnectSession, view(await declineConsent(ctx, session)));
  });

  route(v1, registry, {
    method: 'get', path: '/v1/connect/callback', tag, auth: 'none',
    summary: "OAuth redirect URI. Exchanges the code and answers a page that postMessages a ConnectResultMessage to its opener, or redirects to the flow's returnTo.",
    query: CallbackQuery, response: { status: 200, contentType: 'text/html', description: 'A page that reports the result to its opener' }, errors: [302, 400], errorPages: true,
  }, async (c) => {
    const q = c.req.query();
    const callbackParams = new URL(c.req.url).searchParams;
    const session = q.state ? await completeConsent(ctx, { state: q.state, callbackParams, ...(q.code ? { code: q.code } : {}), ...(q.error ? { error: q.error } : {}) }) : undefined;
    if (!session) {
      return html('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Connect link not valid</title></head><body><main><h1>Connect link not valid</h1><p role="alert">This connect link is not valid or has already been used. Start the reconnect again from the app.</p></main></body></html>', 400);
    }
    if (session.returnTo) {
      const target = new URL(session.returnTo);
      target.searchParams.set('relink_session', session.id);
      target.searchParams.set('relink_state', session.state);
      target.searchParams.set('relink_status', session.status);
      return c.redirect(target.toString(), 302);
    }
    return html(renderCallbackPage(session), 200);
  });
}
