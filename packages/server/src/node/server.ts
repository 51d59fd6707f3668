// The reference backend as Node runs it: a SQL store (embedded PGlite or PostgreSQL) or memory, the real OAuth
// provider (oidc-provider) mounted under /provider, and one request listener for both. Node only; the browser entry
// never reaches this file.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createRelinkServer, type RelinkApp, type RelinkServerOptions } from '../app.js';
import { SystemClock } from '../clock.js';
import { SECURITY_HEADERS } from '../http/security-headers.js';
import { OidcProvider } from '../provider/oidc/oidc-provider.js';
import { MemoryStore } from '../store/memory-store.js';
import { SqlStore } from '../store/sql/sql-store.js';
import type { Store } from '../store/store.js';

/** Where the data lives: a PostgreSQL URL, a PGlite directory, an in-memory PGlite, plain memory, or a store you opened. */
export type DatabaseChoice = { url: string } | { dataDir: string } | { pglite: 'memory' } | 'memory' | { store: Store };

export interface NodeRelinkOptions extends Omit<RelinkServerOptions, 'store' | 'provider'> {
  database?: DatabaseChoice;
  /** Access-token lifetime at the demo provider (seconds). */
  accessTokenTtlSeconds?: number;
}

export interface NodeRelink {
  app: RelinkApp;
  store: Store;
  provider: OidcProvider;
  /** Serves `/provider/*` from oidc-provider and everything else from the Hono app. */
  listener: RequestListener;
  /** Stop the refresher and close the database this call opened. */
  close(): Promise<void>;
}

/** One Node request listener: the provider's Koa app under `/provider`, the Hono app for the rest. */
export function createNodeListener(app: RelinkApp): RequestListener {
  const hono = getRequestListener(app.fetch);
  const provider = app.relink.provider;
  return (req, res) => {
    const url = req.url ?? '/';
    if (provider.nodeHandler && (url === '/provider' || url.startsWith('/provider/') || url.startsWith('/provider?'))) {
      // The provider's pages (the consent screen) get the same headers as everything else: never framed.
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      provider.nodeHandler(req, res);
      return;
    }
    void hono(req, res);
  };
}

async function openStore(choice: DatabaseChoice | undefined): Promise<{ store: Store; owned: boolean }> {
  if (choice === undefined || choice === 'memory') return { store: new MemoryStore(), owned: false };
  if ('store' in choice) return { store: choice.store, owned: false };
  if ('url' in choice) return { store: await SqlStore.open({ url: choice.url }), owned: true };
  if ('dataDir' in choice) return { store: await SqlStore.open({ dataDir: choice.dataDir }), owned: true };
  return { store: await SqlStore.open({}), owned: true };
}

/** Build the app on Node: store, OIDC provider (its grants in the same database), startup seeding done. */
export async function createNodeRelink(options: NodeRelinkOptions): Promise<NodeRelink> {
  const { database, accessTokenTtlSeconds, ...rest } = options;
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const clock = options.clock ?? new SystemClock();
  const { store, owned } = await openStore(database);
  const provider = new OidcProvider({
    clock,
    issuer: `${publicUrl}/provider`,
    redirectUris: [`${publicUrl}/v1/connect/callback`],
    secret: options.secretKey,
    ...(store instanceof SqlStore ? { database: store.db } : {}),
    ...(accessTokenTtlSeconds ? { accessTokenTtlSeconds } : {}),
  });
  const app = createRelinkServer({ ...rest, publicUrl, clock, store, provider });
  try {
    await app.relink.ready;
  } catch (error) {
    app.relink.close();
    if (owned && store instanceof SqlStore) await store.close();
    throw error;
  }
  return {
    app, store, provider,
    listener: createNodeListener(app),
    close: async () => {
      app.relink.close();
      if (owned && store instanceof SqlStore) await store.close();
    },
  };
}

export interface RunningRelink extends NodeRelink {
  server: Server;
  /** The public URL, e.g. `http://127.0.0.1:4000`. */
  url: string;
}

/**
 * Listen first (port 0 picks a free one), then build the app with the URL it is reachable at: the OAuth issuer and
 * redirect URI are absolute. `close()` ends open event streams, stops the server and closes the database.
 */
export async function startNodeRelink(
  options: Omit<NodeRelinkOptions, 'publicUrl'> & {
    port?: number;
    hostname?: string;
    publicUrl?: string;
    /** Wrap the listener, e.g. to serve a host app's own routes and pages next to the API (the demo does). */
    around?: (relink: NodeRelink, url: string) => RequestListener;
  },
): Promise<RunningRelink> {
  const { port = 0, hostname = '127.0.0.1', around, ...rest } = options;
  // Requests that arrive before the app is built get a 503; then the real listener takes over.
  const slot: { handler?: RequestListener } = {};
  const server = createServer((req, res) => {
    if (slot.handler) return slot.handler(req, res);
    res.statusCode = 503;
    res.setHeader('retry-after', '1');
    res.end('starting');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = (rest.publicUrl ?? `http://${hostname}:${address.port}`).replace(/\/+$/, '');
  const relink = await createNodeRelink({ ...rest, publicUrl: url }).catch((error: unknown) => {
    server.close();
    throw error;
  });
  slot.handler = around ? around(relink, url) : relink.listener;
  return {
    ...relink, server, url,
    close: async () => {
      relink.app.relink.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await relink.close();
    },
  };
}

/**
 * Ctrl-C / SIGTERM: close (which ends open event streams, the server and the database), then exit; give up after
 * three seconds so a stuck connection cannot hold the process.
 */
export function stopOnSignals(close: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.warn(`\n${signal}: stopping Relink…`);
    setTimeout(() => process.exit(0), 3_000).unref();
    void close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
