import type { Clock } from './clock.js';
import type { Provider } from './provider/provider.js';
import type { PrincipalRecord, Store } from './store/store.js';

/** Everything lifecycle code needs, and nothing about HTTP, so a worker process can reuse it. */
export interface RelinkContext {
  store: Store;
  provider: Provider;
  clock: Clock;
  /** Absolute base of this server, e.g. `http://127.0.0.1:4000`. */
  publicUrl: string;
  /** The OAuth redirect URI: `${publicUrl}/v1/connect/callback`. */
  callbackUrl: string;
  /** Where a client opens a connection request (the host's portal). */
  portalUrl: string;
  /** Origins allowed to start consent flows and receive their result; undefined = the caller's own origin. */
  allowedOrigins: string[] | undefined;
  /** Renew access tokens this long before they expire. */
  refreshAheadMs: number;
  /** Random source for backoff jitter (tests pin it). */
  random: () => number;
  log: Logger;
}

/** Structured, secret-free logging: callers pass ids and codes, never tokens. */
export interface Logger {
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface AuthInfo {
  workspaceId: string;
  principal: PrincipalRecord;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    auth: AuthInfo;
  };
}
