// Type tests: `tsc --noEmit` (part of `npm test`) checks this file. Each `@ts-expect-error` line must fail to
// compile, and each `Equal` must hold, or the type check fails. The runtime tests below check that the server refuses what the types refuse.
import { expect } from '@open-wc/testing';
import { createInPageRelink, type InPageRelink } from '@relink/server/browser';
import {
  createRelinkClient,
  isNotRefreshable,
  isRelinkApiError,
  isRelinkError,
  type Connection,
  type ConnectSession,
  type Notification,
  type Page,
  type PublishCheck,
  type RelinkClient,
  type Run,
  type Viewer,
  type ConnectionRequest,
} from '@relink/sdk';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_proof?: T): void {}
type Result<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
type C = RelinkClient;

// Return types are the parsed, typed resources.
assertType<Equal<Result<C['connections']['list']>, Page<Connection>>>();
assertType<Equal<Result<C['connections']['get']>, Connection>>();
assertType<Equal<Result<C['connections']['refresh']>, Connection>>();
assertType<Equal<Result<C['connections']['revoke']>, Connection>>();
assertType<Equal<Result<C['connections']['reconnect']>, ConnectSession>>();
assertType<Equal<Result<C['connections']['submitCredentials']>, Connection>>();
assertType<Equal<ReturnType<C['connections']['listAll']>, AsyncGenerator<Connection, void, undefined>>>();
assertType<Equal<Result<C['connectSessions']['confirm']>, ConnectSession>>();
assertType<Equal<Result<C['connectionRequests']['cancel']>, ConnectionRequest>>();
assertType<Equal<Result<C['notifications']['list']>, Page<Notification>>>();
assertType<Equal<Result<C['notifications']['markRead']>, Notification>>();
assertType<Equal<Result<C['runs']['replay']>, Run>>();
assertType<Equal<Result<C['workflows']['publishCheck']>, PublishCheck>>();
assertType<Equal<Result<C['viewer']['get']>, Viewer>>();
assertType<Equal<Connection['status'], 'active' | 'error' | 'pending' | 'revoked'>>();

// Never called: these lines only have to compile, or fail to, as marked.
export async function typeChecks(client: RelinkClient, signal: AbortSignal): Promise<void> {
  await client.connections.list({ status: 'error', app: 'slack', cursor: 'o5', limit: 10 }, { signal });
  // @ts-expect-error — four statuses, no more: "expired" is a label, not a value
  await client.connections.list({ status: 'expired' });
  // @ts-expect-error — unknown filters are refused, as the server's strict query schema would
  await client.connections.list({ colour: 'red' });
  // @ts-expect-error — limit is a number
  await client.connections.list({ limit: '10' });
  // @ts-expect-error — `unread` is a boolean; the SDK writes the query string
  await client.notifications.list({ unread: 'true' });
  // @ts-expect-error — presets are not statuses
  await client.runs.list({ status: 'paused_for_reauth' });
  // @ts-expect-error — credential fields are strings
  await client.connections.submitCredentials('con_1', { api_key: 42 });
  // @ts-expect-error — an id is required
  await client.runs.resume();
  // @ts-expect-error — there is no raw HTTP escape hatch on the client
  void client.http;
  // @ts-expect-error — nor the resolved fetch and token getter (they stay inside the SDK)
  void client.options;

  const connection = await client.connections.get('con_1', { signal });
  // @ts-expect-error — comparing with a status that cannot occur
  if (connection.status === 'expired') return;

  for await (const _item of client.connections.listAll({ status: 'error' })) {
    assertType<Equal<typeof _item, Connection>>();
  }

  try {
    await client.connections.refresh('con_1');
  } catch (error) {
    if (isNotRefreshable(error)) {
      assertType<Equal<typeof error.status, number>>();
      const fields: { field: string; message: string }[] | undefined = error.fields;
      void fields;
    }
    if (isRelinkError(error)) {
      // `kind` discriminates the family.
      if (error.kind === 'response') void error;
    }
  }
}

// Options use ky's names and shapes.
createRelinkClient({ baseUrl: 'https://api.example.com/v1', token: async () => 'tok', timeout: false, retry: { limit: 3, jitter: true } });
createRelinkClient({ baseUrl: new URL('https://api.example.com/v1'), fetch: (request) => fetch(request) });
// A getter learns when the server refused its last token, so it can mint a new one instead of returning a cached one.
createRelinkClient({ baseUrl: '/v1', token: async (request) => (request?.renew ? 'fresh' : 'cached') });
// @ts-expect-error — baseUrl is required
createRelinkClient({ token: 'tok' });
// @ts-expect-error — a token is a string or a getter
createRelinkClient({ baseUrl: '/v1', token: 42 });
// @ts-expect-error — ky 1's prefixUrl is gone in ky 2 and not an SDK option either
createRelinkClient({ baseUrl: '/v1', prefixUrl: '/v1' });

// What the types refuse, the server refuses too: the compile-time checks above are not stricter or looser than the
// contract. Each call is sent anyway (cast past the type) to the reference backend, which must answer 400.
describe('types agree with the server', () => {
  let server: InPageRelink;
  let client: RelinkClient;
  beforeEach(async () => {
    server = createInPageRelink({ rateLimit: false, refresher: { autoStart: false } });
    client = createRelinkClient({ baseUrl: server.baseUrl, fetch: server.fetch, token: await server.mintToken('agency', 'prn_agency'), retry: 0 });
  });
  afterEach(() => server.close());

  const refused: Array<[string, () => Promise<unknown>]> = [
    ['a fifth connection status', () => client.connections.list({ status: 'expired' } as never)],
    ['an unknown connection filter', () => client.connections.list({ colour: 'red' } as never)],
    ['a preset passed as a run status', () => client.runs.list({ status: 'paused_for_reauth' } as never)],
    ['credential fields that are not strings', () => client.connections.submitCredentials('con_mailchimp', { api_key: 42 } as never)],
  ];
  for (const [what, call] of refused) {
    it(`refuses ${what} with a 400`, async () => {
      const error = await call().then(() => undefined, (caught: unknown) => caught);
      expect(isRelinkApiError(error), String(error)).to.equal(true);
      expect((error as { status: number }).status).to.be.oneOf([400, 422]);
    });
  }

  it('accepts what the types accept', async () => {
    const page = await client.connections.list({ status: 'error', app: 'hubspot', limit: 10 });
    expect(page.data.map((c) => c.id)).to.deep.equal(['con_hubspot']);
  });
});
