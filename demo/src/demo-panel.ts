import { html, type TemplateResult } from 'lit';
import type { SessionToken } from './session.js';

/**
 * Demo mode only: levers to break things on purpose so a visitor can watch the kit react live. They call the
 * reference backend's `/v1/demo/*` routes (agency token); the elements on the page update from live events.
 */
export function demoPanel(token: SessionToken): TemplateResult {
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
    status(`${label}…`);
    try {
      await steps();
      status(`${label}: done.`);
    } catch (error) {
      status(`${label} failed: ${(error as Error).message}`);
    }
  };
  const selected = () => (document.querySelector('#demo-connection') as HTMLSelectElement).value;

  const revokeGrant = act('Revoke the grant at the provider', async () => {
    await call(`connections/${selected()}/revoke-grant`);
    await call(`connections/${selected()}/expire`);
    await call('refresher/run');
  });
  const transient = act('Two 503s from the provider', async () => {
    await call('provider/fail-transiently', { count: 2 });
    await call(`connections/${selected()}/expire`);
    await call('refresher/run');
  });
  const expire = act('Expire the access token', async () => {
    await call(`connections/${selected()}/expire`);
    await call('refresher/run');
  });
  const reset = act('Reset the demo', async () => {
    await call('reset');
    location.reload();
  });

  return html`
    <details class="demo-panel">
      <summary>Demo controls</summary>
      <p>Break a connection on purpose and watch the banner, bell, table and runs react.</p>
      <label for="demo-connection">Connection</label>
      <select id="demo-connection">
        <option value="con_slack">Slack (client)</option>
        <option value="con_hubspot">HubSpot (agency)</option>
        <option value="con_quickbooks">QuickBooks (client)</option>
        <option value="con_linkedin">LinkedIn (agency, hard expiry)</option>
      </select>
      <div class="demo-actions">
        <button type="button" @click=${revokeGrant}>Revoke grant at the provider</button>
        <button type="button" @click=${transient}>Fail the next two refreshes (503)</button>
        <button type="button" @click=${expire}>Expire the token now</button>
        <button type="button" @click=${reset}>Reset the demo</button>
      </div>
      <p id="demo-status" role="status" aria-live="polite"></p>
    </details>
  `;
}
