import { html, type TemplateResult } from 'lit';
import type { SessionToken } from './session.js';
import { say, words } from './words.js';

/**
 * Demo mode only: levers to break things on purpose so a visitor can watch the kit react live. They call the
 * reference backend's `/v1/demo/*` routes (agency token); the elements on the page update from live events.
 */
/** The host's word for `error`, kept while the page lives (the panel re-renders on a language change). */
let errorWord = '';

/**
 * What a host does once to put its own word on a status everywhere (seed 000 calls `error` "Expired"): one
 * `setMessages()`, over every language; every Relink element on the page follows. Empty puts the kit's words back.
 */
function relabelError(event: SubmitEvent): void {
  event.preventDefault();
  errorWord = new FormData(event.target as HTMLFormElement).get('error-word')?.toString().trim() ?? '';
  // The whole kit's entry, loaded when a visitor first relabels: the page itself imports only the elements it shows.
  const messages = errorWord ? { common: { error: errorWord } } : {};
  void import('@relink/elements').then(({ setMessages }) => setMessages(messages));
}

export function demoPanel(token: SessionToken): TemplateResult {
  const w = words();
  const call = async (path: string, body?: unknown) => {
    const response = await fetch(`/v1/demo/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token()}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(((await response.json()) as { error?: { message?: string } }).error?.message ?? response.statusText);
  };
  const status = (text: string) => {
    const out = document.querySelector('#demo-status');
    if (out) out.textContent = text;
  };
  const act = (label: string, steps: () => Promise<void>) => async () => {
    status(say(w.working, { action: label }));
    try {
      await steps();
      status(say(w.done, { action: label }));
    } catch (error) {
      status(say(w.failed, { action: label, message: (error as Error).message }));
    }
  };
  const selected = () => (document.querySelector('#demo-connection') as HTMLSelectElement).value;

  const revokeGrant = act(w.revokeGrant, async () => {
    await call(`connections/${selected()}/revoke-grant`);
    await call(`connections/${selected()}/expire`);
    await call('refresher/run');
  });
  const transient = act(w.failRefreshes, async () => {
    await call('provider/fail-transiently', { count: 2 });
    await call(`connections/${selected()}/expire`);
    await call('refresher/run');
  });
  const expire = act(w.expireToken, async () => {
    await call(`connections/${selected()}/expire`);
    await call('refresher/run');
  });
  // Seed 004's scheduled posts: with LinkedIn broken the run fails and retries by itself once LinkedIn is reconnected.
  const runScheduledPosts = act(w.runScheduledPosts, () => call('workflows/wf_linkedin_posts/run'));
  const reset = act(w.resetDemo, async () => {
    await call('reset');
    location.reload();
  });

  return html`
    <details class="demo-panel">
      <summary>${w.demoControls}</summary>
      <p>${w.demoIntro}</p>
      <label for="demo-connection">${w.connection}</label>
      <select id="demo-connection">
        <option value="con_slack">Slack (${w.client})</option>
        <option value="con_hubspot">HubSpot (${w.agency})</option>
        <option value="con_quickbooks">QuickBooks (${w.client})</option>
        <option value="con_linkedin">LinkedIn (${w.agencyHardExpiry})</option>
      </select>
      <div class="demo-actions">
        <button type="button" @click=${revokeGrant}>${w.revokeGrant}</button>
        <button type="button" @click=${transient}>${w.failRefreshes}</button>
        <button type="button" @click=${expire}>${w.expireToken}</button>
        <button type="button" @click=${runScheduledPosts}>${w.runScheduledPosts}</button>
        <button type="button" @click=${reset}>${w.resetDemo}</button>
      </div>
      <form class="demo-words" @submit=${relabelError}>
        <label for="demo-error-word">${w.errorWord}</label>
        <input id="demo-error-word" name="error-word" .value=${errorWord} autocomplete="off" />
        <button type="submit">${w.apply}</button>
      </form>
      <p id="demo-status" role="status" aria-live="polite"></p>
    </details>
  `;
}
