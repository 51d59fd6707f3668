import { expect } from '@open-wc/testing';
import { createInPageRelink } from '@relink/server/browser';
import { createRelinkClient, createRelinkStore, type RelinkClient, type RelinkStore } from '@relink/sdk';

/**
 * List, then watch: a change made after a list was read and before the event stream opened must still reach the
 * store. The stream opens after the list's `eventId` (or reopens from it when the list answers late), so the server
 * replays the change. Against the in-page reference backend; a second client makes the changes, as another tab would.
 */
async function setup() {
  const server = createInPageRelink({ rateLimit: false });
  const token = await server.mintToken('agency', 'prn_agency');
  // Holds the answer to a connections list (already read on the server) until `release()`.
  let gate: Promise<void> | undefined;
  let answered: (() => void) | undefined;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const response = await server.fetch(request);
    if (gate && new URL(request.url).pathname === '/v1/connections') {
      answered?.();
      await gate;
    }
    return response;
  };
  const holdListAnswer = () => {
    let release!: () => void;
    gate = new Promise((resolve) => (release = resolve));
    const read = new Promise<void>((resolve) => (answered = resolve));
    return {
      read,
      release: () => {
        gate = undefined;
        release();
      },
    };
  };
  const store = createRelinkStore(createRelinkClient({ baseUrl: server.baseUrl, fetch, token }));
  const other: RelinkClient = createRelinkClient({ baseUrl: server.baseUrl, fetch: server.fetch, token: await server.mintToken('agency', 'prn_agency') });
  return { server, store, other, holdListAnswer };
}

const until = async (predicate: () => boolean, what: string, timeout = 4000) => {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const statusOf = (store: RelinkStore, id: string) => store.getSnapshot().connections.byId.get(id)?.status;

/**
 * A later change on the server, awaited in the store: events arrive in order, so once it shows, every earlier event
 * the stream was going to deliver has been applied (a wait on a signal, not on a clock).
 */
async function marker(ctx: Awaited<ReturnType<typeof setup>>): Promise<void> {
  await ctx.other.connections.revoke('con_linkedin');
  await until(() => statusOf(ctx.store, 'con_linkedin') === 'revoked', 'the later change to arrive');
}

describe('list, then watch', () => {
  let ctx: Awaited<ReturnType<typeof setup>> | undefined;
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    ctx?.server.close();
  });

  it('every list page says where it stands in the event log', async () => {
    ctx = await setup();
    const page = await ctx.other.connections.list({ limit: 2 });
    expect(page.eventId).to.match(/^\d+$/);
    await ctx.other.connections.revoke('con_slack');
    const after = await ctx.other.connections.list({ limit: 2 });
    expect(Number(after.eventId)).to.be.greaterThan(Number(page.eventId));
  });

  it('replays a change made after the list loaded and before the stream opened', async () => {
    ctx = await setup();
    await ctx.store.connections.load();
    expect(statusOf(ctx.store, 'con_slack')).to.equal('active');

    await ctx.other.connections.revoke('con_slack');
    stop = ctx.store.startLive();
    await until(() => ctx!.store.getSnapshot().live === 'open', 'the stream to open');
    await marker(ctx);
    expect(statusOf(ctx.store, 'con_slack')).to.equal('revoked');
  });

  it('reopens the stream from a list that answers after it opened but was read before a change', async () => {
    ctx = await setup();
    const held = ctx.holdListAnswer();
    const loading = ctx.store.connections.load();
    await held.read; // the server has read the list: Slack is active in it
    await ctx.other.connections.revoke('con_slack');
    stop = ctx.store.startLive();
    await until(() => ctx!.store.getSnapshot().live === 'open', 'the stream to open');
    held.release();
    await loading;
    await marker(ctx);
    expect(statusOf(ctx.store, 'con_slack')).to.equal('revoked');
  });
});
