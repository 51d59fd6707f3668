// The caller's AbortSignal, against the in-page reference backend: every method forwards it, and a long-lived
// signal (a page's, a provider's) collects nothing per request.
import { expect } from '@open-wc/testing';
import { createInPageRelink, type InPageRelink } from '@relink/server/browser';
import { createRelinkClient, type RelinkClient } from '@relink/sdk';

let server: InPageRelink;
let requests: string[];
let client: RelinkClient;

beforeEach(async () => {
  server = createInPageRelink({ rateLimit: false });
  requests = [];
  const token = await server.mintToken('agency', 'prn_agency');
  client = createRelinkClient({
    baseUrl: server.baseUrl,
    token,
    retry: 0,
    fetch: (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      return server.fetch(request);
    },
  });
});
afterEach(() => server.close());

/**
 * Counts the `abort` listeners that are added to signals and not removed (a `{ once }` listener stays until the
 * signal aborts, which for a page-long signal is never).
 */
function countAbortListeners() {
  const live = new Set<unknown>();
  const { addEventListener, removeEventListener } = AbortSignal.prototype;
  AbortSignal.prototype.addEventListener = function (this: AbortSignal, type: string, listener: unknown, options?: unknown) {
    if (type === 'abort') live.add(listener);
    return addEventListener.call(this, type, listener as EventListener, options as AddEventListenerOptions);
  } as typeof addEventListener;
  AbortSignal.prototype.removeEventListener = function (this: AbortSignal, type: string, listener: unknown, options?: unknown) {
    if (type === 'abort') live.delete(listener);
    return removeEventListener.call(this, type, listener as EventListener, options as EventListenerOptions);
  } as typeof removeEventListener;
  return {
    get live() {
      return live.size;
    },
    restore() {
      Object.assign(AbortSignal.prototype, { addEventListener, removeEventListener });
    },
  };
}

describe('the caller\'s signal', () => {
  it('leaves no abort listener behind after 20 requests on one long-lived signal', async () => {
    const page = new AbortController();
    const listeners = countAbortListeners();
    try {
      for (let i = 0; i < 20; i += 1) await client.connections.get('con_slack', { signal: page.signal });
      await client.connections.get('con_nope', { signal: page.signal }).catch(() => undefined); // a failure, too
      expect(requests).to.have.length(21);
      expect(listeners.live).to.equal(0);
    } finally {
      listeners.restore();
    }
  });
});
