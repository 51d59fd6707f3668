// Seed 004's "Select the accounts you want to reconnect" through the SDK over real HTTP: the client reconnects its
// Facebook Page in a popup showing the oidc-provider consent page (both Pages ticked), the outcome is
// `choose_accounts`, and `choose()` connects the chosen Pages; the store shows every connection the choice touched.
import { expect } from '@open-wc/testing';
import { createRelinkClient, createRelinkStore, isRelinkApiError, type ConnectSessionOutcome, type RelinkClient, type RelinkStore } from '@relink/sdk';

const baseUrl = `${location.origin}/v1`;
const DEMO_SECRET_KEY = 'sk_demo_northwind_relink';

async function session(role: 'agency' | 'client', principalId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_SECRET_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ role, principalId }),
  });
  return ((await response.json()) as { token: string }).token;
}

const until = async <T>(read: () => T | undefined | null | false, what: string, timeout = 8000): Promise<T> => {
  const start = Date.now();
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

/** Approve on the provider's consent page in the popup as Ada, with the Pages as they are ticked. */
async function approve(): Promise<void> {
  const doc = await until(() => {
    try {
      const d = window.open('', 'relink-connect')?.document;
      return d?.querySelector('button[value=approve]') ? d : undefined;
    } catch {
      return undefined;
    }
  }, 'the consent page');
  (doc.querySelector('input[name=account][value="acct_ada"]') as HTMLInputElement).click();
  (doc.querySelector('button[value=approve]') as HTMLButtonElement).click();
}

type Choice = Extract<ConnectSessionOutcome, { status: 'choose_accounts' }>;

describe('choose accounts after consent (SDK)', function () {
  this.timeout(20_000);
  let client: RelinkClient;
  let store: RelinkStore;

  beforeEach(async () => {
    const agency = await session('agency', 'prn_agency');
    await fetch(`${baseUrl}/demo/reset`, { method: 'POST', headers: { authorization: `Bearer ${agency}` } });
    client = createRelinkClient({ baseUrl, token: await session('client', 'prn_client') });
    store = createRelinkStore(client);
    await store.connections.load();
  });

  afterEach(() => window.open('', 'relink-connect')?.close());

  async function reconnectFacebook(): Promise<Choice> {
    const pending = store.reconnect('con_facebook');
    await approve();
    const outcome = await pending;
    if (outcome.status !== 'choose_accounts') throw new Error(`expected choose_accounts, got ${outcome.status}`);
    return outcome;
  }

  it('the outcome lists the granted Pages with the connection each has; choose() connects both and the store shows both', async () => {
    const choice = await reconnectFacebook();
    expect(choice.accounts.map((a) => [a.id, a.name, a.connectionId])).to.deep.equal([
      ['page_bakery_main', 'Bakery Main St', 'con_facebook'],
      ['page_bakery_harbor', 'Bakery Harbor', undefined],
    ]);
    expect(store.getSnapshot().connections.byId.get('con_facebook')?.status).to.equal('revoked');

    const done = await choice.choose(['page_bakery_main', 'page_bakery_harbor']);
    if (done.status !== 'completed') throw new Error(`expected completed, got ${done.status}`);
    const [main, harbor] = done.session.connectionIds!;
    expect(main).to.equal('con_facebook');
    const snapshot = store.getSnapshot().connections.byId;
    expect([snapshot.get(main!)?.status, snapshot.get(harbor!)?.status, snapshot.get(harbor!)?.label]).to.deep.equal(['active', 'active', 'Bakery Harbor']);
  });

  it('choose() with no account or one the consent did not grant rejects with the server\'s 400; the choice stays open', async () => {
    const choice = await reconnectFacebook();
    for (const [ids, message] of [[[], /Choose at least one account/], [['page_elsewhere'], /did not grant "page_elsewhere"/]] as const) {
      const error = await choice.choose(ids).then(() => undefined, (e: unknown) => e);
      expect(isRelinkApiError(error) && [error.status, error.code]).to.deep.equal([400, 'validation_failed']);
      expect((error as Error).message).to.match(message);
    }
    expect((await client.connectSessions.get(choice.session.id)).status).to.equal('choose_accounts');
    await choice.decline();
    expect((await client.connectSessions.get(choice.session.id)).status).to.equal('cancelled');
  });
});
