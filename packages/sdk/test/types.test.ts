// Type tests: `tsc --noEmit` (part of `npm test`) checks this file. Each `@ts-expect-error` line must fail to
// compile, and each `Equal` must hold, or the type check fails. The runtime test only proves the file loads.
import { expect } from '@open-wc/testing';
import {
  createRelinkClient,
  isNotRefreshable,
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
// @ts-expect-error — baseUrl is required
createRelinkClient({ token: 'tok' });
// @ts-expect-error — a token is a string or a getter
createRelinkClient({ baseUrl: '/v1', token: 42 });
// @ts-expect-error — ky 1's prefixUrl is gone in ky 2 and not an SDK option either
createRelinkClient({ baseUrl: '/v1', prefixUrl: '/v1' });

describe('types', () => {
  it('compile (checked by tsc; this file also loads in the browser)', () => {
    expect(typeof typeChecks).to.equal('function');
  });
});
