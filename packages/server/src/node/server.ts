// The reference backend as Node runs it: a SQL store (embedded PGlite or PostgreSQL) or memory, the real OAuth
// provider (oidc-provider) mounted under /provider, and one request listener for both. Node only; the browser entry
// never reaches this file.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createRelinkServer, type RelinkApp, type RelinkServerOptions } from '../app.js';
import { SystemClock } from '../clock.js';
import { SECURITY_HEADERS } from '../http/security-headers.js';
import { randomSecret } from '../internal/ids.js';
import { generateSigningKey } from '../provider/oidc/authorization-server.js';
import { OidcProvider } from '../provider/oidc/oidc-provider.js';
import { parseEncryptionKeys, SecretBox, type EncryptionKeys } from '../store/secret-box.js';
import { MemoryStore } from '../store/memory-store.js';
import { SqlStore } from '../store/sql/sql-store.js';
import type { Store } from '../store/store.js';

/** Where the data lives: a PostgreSQL URL, a PGlite directory, an in-memory PGlite, plain memory, or a store you opened. */
export type DatabaseChoice = { url: string; preparedStatements?: boolean } | { dataDir: string } | { pglite: 'memory' } | 'memory' | { store: Store };

export interface NodeRelinkOptions extends Omit<RelinkServerOptions, 'store' | 'provider' | 'secretKey'> {
  /**
   * Signs session tokens and derives the provider's client secrets and cookie keys; instances behind one URL must
   * share it. Omitted: generated once and kept in the store, so tokens and open consent pages survive a restart.
   */
  secretKey?: string;
  /**
   * Seal provider tokens, API keys and PKCE verifiers at rest (AES-256-GCM), SQL stores only: `{ current, keys }`
   * or `kid:base64key,kid:base64key` text (current first; see `parseEncryptionKeys`). Omitted: a key is generated
   * and kept in the database beside the data — fine for the demo, a warning otherwise.
   */
  encryptionKeys?: EncryptionKeys | string;
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
  if ('url' in choice) return { store: await SqlStore.open({ url: choice.url, preparedStatements: choice.preparedStatements }), owned: true };
  if ('dataDir' in choice) return { store: await SqlStore.open({ dataDir: choice.dataDir }), owned: true };
  return { store: await SqlStore.open({}), owned: true };
}

/**
 * Seal secrets with the configured keys. Without any, a generated key kept in the database (the demo's default; a
 * warning otherwise, since the key then sits beside what it protects). A generated key stays readable after keys
 * are configured, so `rotateSecrets` can move its values to the configured current key.
 */
async function configureEncryption(store: SqlStore, configured: EncryptionKeys | string | undefined, options: NodeRelinkOptions): Promise<void> {
  const given = typeof configured === 'string' ? parseEncryptionKeys(configured) : configured;
  const generated = given ? await store.getSetting<EncryptionKeys>('encryption.generated-keys') : await store.initSetting<EncryptionKeys>('encryption.generated-keys', { current: 'generated-1', keys: { 'generated-1': SecretBox.generateKey() } });
  if (!given && !options.demo) {
    options.logger?.warn('no encryption keys configured: provider tokens are sealed with a generated key stored in the same database; set RELINK_ENCRYPTION_KEYS');
  }
  const keys: EncryptionKeys = given ? { current: given.current, keys: { ...generated?.keys, ...given.keys } } : generated!;
  store.useEncryption(new SecretBox(keys));
}

/** Build the app on Node: store, OIDC provider (its grants in the same database), startup seeding done. */
export async function createNodeRelink(options: NodeRelinkOptions): Promise<NodeRelink> {
  const { database, accessTokenTtlSeconds, encryptionKeys, ...rest } = options;
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const clock = options.clock ?? new SystemClock();
  const { store, owned } = await openStore(database);
  // What must outlive a restart and be the same on every instance comes from the options or, once generated, the store.
  const secretKey = options.secretKey ?? (await store.initSetting('session.signing-secret', randomSecret()));
  const signingKey = (await store.getSetting<Record<string, unknown>>('oidc.signing-key')) ?? (await store.initSetting('oidc.signing-key', generateSigningKey()));
  if (store instanceof SqlStore) await configureEncryption(store, encryptionKeys, options);
  const provider = new OidcProvider({
    clock,
    issuer: `${publicUrl}/provider`,
    redirectUris: [`${publicUrl}/v1/connect/callback`],
    secret: secretKey,
    signingKey,
    ...(store instanceof SqlStore ? { database: store.db } : {}),
    ...(accessTokenTtlSeconds ? { accessTokenTtlSeconds } : {}),
  });
  const app = createRelinkServer({ ...rest, secretKey, publicUrl, clock, store, provider });
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
