export { createRelinkServer, type RelinkApp, type RelinkHandle, type RelinkServerOptions } from './app.js';
export { ManualClock, SystemClock, type Clock } from './clock.js';
export type { AppEnv, AuthInfo, Logger, RelinkContext } from './context.js';
export { ApiError, NOT_REFRESHABLE_MESSAGE } from './errors.js';
export * from './store/store.js';
export { MemoryStore } from './store/memory-store.js';
export * from './provider/provider.js';
export { InProcessProvider, DEMO_ACCOUNTS, type DemoAccount, type InProcessProviderOptions } from './provider/in-process-provider.js';
export { createPkcePair, verifyPkce } from './provider/pkce.js';
export { Refresher, type RefresherOptions } from './lifecycle/refresher.js';
export { backoffDelayMs } from './lifecycle/backoff.js';
export { buildOpenApi } from './openapi.js';
export { seedDemo, DEMO_APPS, DEMO_SECRET_KEY, DEMO_WORKSPACE_ID, DEMO_AGENCY_ID, DEMO_CLIENT_ID } from './demo/seed.js';
// Node only (the browser entry is ./browser): SQL store, the oidc-provider demo provider, the Node server.
export { SqlStore, type SqlStoreOptions } from './store/sql/sql-store.js';
export { openDatabase, type SqlDatabase, type SqlClient } from './store/sql/db.js';
export { migrate, loadMigrations } from './store/sql/migrate.js';
export { OidcProvider, type OidcProviderOptions } from './provider/oidc/oidc-provider.js';
export { createNodeRelink, startNodeRelink, stopOnSignals, createNodeListener, type NodeRelink, type NodeRelinkOptions, type RunningRelink, type DatabaseChoice } from './node/server.js';
