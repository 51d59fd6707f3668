// The consent flow's first use on a page that has loaded nothing of the SDK's on-demand chunk (on-demand.ts, with
// consent-wait.ts): only the popup's opening is up front, so it must still happen inside the caller's click, and the
// rest must load and run. Its own file, so no earlier test has loaded the chunk. Real consent page, as consent.test.ts.
import { expect } from '@open-wc/testing';
import { createRelinkClient, startReconnect } from '@relink/sdk';

const baseUrl = `${location.origin}/v1`;
const DEMO_SECRET_KEY = 'sk_demo_northwind_relink';

const loaded = () => performance.getEntriesByType('resource').some((entry) => /\/sdk\/src\/(on-demand|consent-wait)\.ts/.test(entry.name));

async function until<T>(read: () => T | undefined | null | false, what: string, timeout = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the consent flow on a cold page', function () {
  this.timeout(20_000);

  afterEach(() => window.open('', 'relink-connect')?.close());

  it('opens the popup before anything loads, then loads the rest of the flow, which runs to "completed"', async () => {
    // Raw fetches, so the SDK has made no request (a request would load the chunk).
    const headers = { authorization: `Bearer ${DEMO_SECRET_KEY}`, 'content-type': 'application/json' };
    const { token } = (await (await fetch(`${baseUrl}/sessions`, { method: 'POST', headers, body: JSON.stringify({ role: 'agency', principalId: 'prn_agency' }) })).json()) as { token: string };
    await fetch(`${baseUrl}/demo/reset`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    const client = createRelinkClient({ baseUrl, token });
    expect(loaded(), 'the on-demand chunk before the flow').to.equal(false);

    // Watch window.open (and still open the real popup): it must be called before startReconnect returns.
    const open = window.open;
    let openedInTheCall = false;
    window.open = (...args) => {
      openedInTheCall = true;
      return open.apply(window, args);
    };
    let outcome;
    try {
      outcome = startReconnect(client, 'con_hubspot');
    } finally {
      window.open = open;
    }
    expect(openedInTheCall, 'the popup opened synchronously, inside the call').to.equal(true);

    // The provider's real consent page, in that popup: approve as the account the connection had.
    const doc = await until(() => {
      try {
        const d = window.open('', 'relink-connect')!.document;
        return d.querySelector('button[value=approve]') ? d : undefined;
      } catch {
        return undefined;
      }
    }, 'the consent page');
    expect(loaded(), 'the on-demand chunk once the flow ran').to.equal(true);
    doc.querySelector<HTMLInputElement>('input[name=account][value="acct_ops"]')!.click();
    doc.querySelector<HTMLButtonElement>('button[value=approve]')!.click();
    const result = await outcome;
    expect(result.status).to.equal('completed');
    expect((await client.connections.get('con_hubspot')).status).to.equal('active');
  });
});
