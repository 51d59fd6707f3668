
/**
 * The host app's side of Relink auth: the browser asks *its own* backend for a short-lived session token, and that
 * backend calls `POST /v1/sessions` with the workspace's secret key (see demo/server.ts). The secret never reaches
 * the browser; the token lives in memory only and is renewed a minute before it expires, or at once when the SDK says
 * the server refused it (`{ renew: true }`: the server restarted with a new secret, or the clock moved).
 */
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
