import type { Role } from '@relink/sdk/schema';
import { createRelinkServer, type RelinkApp, type RelinkServerOptions } from './app.js';
import { DEMO_WORKSPACE_ID } from './demo/seed.js';
import { randomSecret } from './internal/ids.js';

export interface InPageRelinkOptions extends Partial<RelinkServerOptions> {
  /** The workspace `mintToken` speaks for. Default: the demo workspace. */
  workspaceId?: string;
}

export interface InPageRelink {
  app: RelinkApp;
  /** A `fetch` that answers from the in-page app; hand it to the SDK (`createRelinkClient({ fetch, baseUrl })`). */
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** `${publicUrl}/v1`. */
  baseUrl: string;
  /** A fresh session token for a principal of the workspace (demo: 'prn_agency', 'prn_client'). */
  mintToken(role: Role, principalId: string, ttlSeconds?: number): Promise<string>;
  /** Back to the seed. */
  reset(): Promise<void>;
  /** Stop the background refresher. */
  close(): void;
}

/**
 * The reference backend running inside the page, for Storybook and browser tests: same app, same rules, no network.
 * Demo mode and an in-memory store by default; the signing secret is random per page.
 * URLs use a reserved origin (`https://relink.invalid`) so nothing leaves the page by accident; a consent popup
 * needs the host to route that origin to `fetch` (or to drive the consent page with `fetch`, as the tests do).
 */
export function createInPageRelink(options: InPageRelinkOptions = {}): InPageRelink {
  const { workspaceId = DEMO_WORKSPACE_ID, ...rest } = options;
  const app = createRelinkServer({
    demo: true,
    ...rest,
    publicUrl: rest.publicUrl ?? 'https://relink.invalid',
    secretKey: rest.secretKey ?? randomSecret(),
  });
  const publicUrl = app.relink.ctx.publicUrl;
  return {
    app,
    fetch: (input, init) => Promise.resolve(app.fetch(input instanceof Request && init === undefined ? input : new Request(input, init))),
    baseUrl: `${publicUrl}/v1`,
    mintToken: async (role, principalId, ttlSeconds) => (await app.relink.mintToken(workspaceId, role, principalId, ttlSeconds)).token,
    reset: () => app.relink.resetDemo(),
    close: () => app.relink.close(),
  };
}
