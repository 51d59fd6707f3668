// The consent flow after the popup is open (or the page is about to redirect), and the return from a redirect:
// loaded with the on-demand chunk (on-demand.ts), since a host pays for it only once a user reconnects. consent.ts
// opens the popup synchronously in the click, then hands over here.
import type { RelinkClient } from './client.js';
import type { BeginConsent, ConnectSessionOutcome, StartReconnectOptions } from './consent.js';
import { aborted, outcomeOf } from './consent-outcome.js';
import { kit } from './internal/kit.js';
import { sleep } from './internal/sleep.js';
import { ConnectResultMessage, type ConnectSession } from './schema/connect-session.js';

/**
 * Asks the server for the session (`begin`), then sends the popup — or, without one, the page — to the provider's
 * consent page, and resolves with how the flow ended. The popup is closed on any failure before it was used.
 */
export async function followConsent(
  client: RelinkClient,
  begin: BeginConsent,
  popup: Window | null,
  win: Window,
  options: StartReconnectOptions,
): Promise<ConnectSessionOutcome> {
  const { signal } = options;
  // With a popup the callback page answers by postMessage; only a redirect needs somewhere to come back to.
  const params = popup ? {} : { returnTo: options.returnTo ?? win.location.href };
  let session: ConnectSession;
  try {
    session = await begin(params, signal);
  } catch (error) {
    popup?.close();
    if (kit.isAuthConfigMissing(error)) return { status: 'auth_config_missing', message: (error as Error).message, error };
    throw error;
  }
  if (signal?.aborted) {
    popup?.close();
    throw aborted(signal);
  }
  const connectUrl = inLanguage(session.connectUrl, options.locale ?? (win.document as Document | undefined)?.documentElement?.lang);
  if (!popup) {
    win.location.assign(connectUrl);
    return { status: 'redirected', session };
  }
  if (popup.closed) return { status: 'cancelled', session };
  popup.location.href = connectUrl;
  return waitForOutcome(client, session, popup, win, options);
}

/** The consent URL asking for `locale` (OpenID Connect's `ui_locales`), unless it names a language already. */
function inLanguage(connectUrl: string, locale: string | undefined): string {
  if (!locale) return connectUrl;
  const url = new URL(connectUrl);
  if (url.searchParams.has('ui_locales')) return connectUrl;
  url.searchParams.set('ui_locales', locale);
  return url.href;
}

/** How a flow that came back by redirect ended (`resumeRedirect`): the server's session, if its `state` matches. */
export async function resumeFromRedirect(client: RelinkClient, sessionId: string, state: string, signal: AbortSignal | undefined): Promise<ConnectSessionOutcome | undefined> {
  const session = await client.connectSessions.get(sessionId, { signal });
  if (session.state !== state) return undefined;
  // Still pending: the user came back without answering the provider (its Back button).
  return outcomeOf(client, session) ?? { status: 'cancelled', session };
}

/**
 * Resolves with how the flow ended: the popup's answer by `postMessage` (only from the backend's origin, only with
 * this session's `state`) prompts a check of the server's session; polling covers a popup that lost its opener.
 */
function waitForOutcome(
  client: RelinkClient,
  session: ConnectSession,
  popup: Window,
  win: Window,
  { signal, pollInterval = 1_500, timeout = 600_000 }: StartReconnectOptions,
): Promise<ConnectSessionOutcome> {
  const backendOrigin = new URL(kit.transportOf(client).baseUrl, win.location.href).origin;
  // Aborted when the flow ends for any reason: stops the polling loop, its wait, and a check in flight.
  const done = new AbortController();
  return new Promise((resolve, reject) => {
    let failures = 0;
    let checking = false;

    const finish = (result: ConnectSessionOutcome | Error) => {
      if (done.signal.aborted) return;
      done.abort();
      clearInterval(closedWatch);
      clearTimeout(deadline);
      win.removeEventListener('message', onMessage);
      signal?.removeEventListener('abort', onAbort);
      if (!popup.closed) popup.close();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };

    // Ask the server where the flow stands; `closed` means the user shut the popup, so pending means cancelled.
    const check = async (closed = false) => {
      if (done.signal.aborted || checking) return;
      checking = true;
      try {
        const current = await client.connectSessions.get(session.id, { signal: done.signal });
        failures = 0;
        const outcome = outcomeOf(client, current);
        if (outcome) finish(outcome);
        else if (closed) finish({ status: 'cancelled', session: current });
      } catch (error) {
        failures += 1;
        if (closed) finish(error instanceof Error ? error : new Error(String(error)));
      } finally {
        checking = false;
      }
    };

    function onMessage(event: MessageEvent) {
      if (event.origin !== backendOrigin) return;
      const parsed = ConnectResultMessage.safeParse(event.data);
      if (!parsed.success || parsed.data.sessionId !== session.id || parsed.data.state !== session.state) return;
      void check();
    }
    function onAbort() {
      finish(aborted(signal!));
    }

    // Closing the popup is a local fact: watch it often, ask the server only when it happens.
    const closedWatch = setInterval(() => {
      if (popup.closed) void check(true);
    }, 400);
    const deadline = setTimeout(() => finish({ status: 'failed', session, message: 'The connection was not completed in time.' }), timeout);
    win.addEventListener('message', onMessage);
    signal?.addEventListener('abort', onAbort, { once: true });
    // Poll as a fallback for a popup that lost its opener; after failed checks, back off (the SDK's one backoff).
    void (async () => {
      while (!done.signal.aborted) {
        await sleep(pollInterval + (failures > 0 ? kit.backoffDelay(failures - 1, pollInterval, 30_000) : 0), done.signal);
        await check();
      }
    })();
  });
}
