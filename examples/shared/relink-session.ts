/**
 * The host app's side of Relink auth, shared by the examples: the API's URL comes from the page
 * (`<meta name="relink-api">`, filled in by the host's server), and the session token from the host's *own* backend
 * (`POST /host/session`, see host/serve.mjs), which calls Relink with the workspace's secret key. The secret never
 * reaches the browser; the token lives in memory only (never in a URL or storage) and is renewed a minute before it
 * expires, or at once when the SDK says the server refused it (`{ renew: true }`).
 */
export function relinkApiUrl(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="relink-api"]');
  if (!meta?.content || meta.content.startsWith('%')) throw new Error('The page has no <meta name="relink-api">: serve it with host/serve.mjs.');
  return meta.content;
}

export type SessionToken = (request?: { renew?: boolean }) => string | Promise<string>;

export function sessionToken(role: 'agency' | 'client'): SessionToken {
  let current: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return (request) => {
    if (request?.renew) current = undefined;
    if (current && current.expiresAt - Date.now() > 60_000) return current.token;
    pending ??= fetch(`/host/session?role=${role}`, { method: 'POST' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`The host could not start a ${role} session (${response.status}).`);
        const body = (await response.json()) as { token: string; expiresAt: string };
        current = { token: body.token, expiresAt: Date.parse(body.expiresAt) };
        return body.token;
      })
      .finally(() => (pending = undefined));
    return pending;
  };
}
