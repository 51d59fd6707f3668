// The Relink contract: the single source of truth. The SDK parses with these, the server validates and serialises
// with them, and `/openapi.json` is generated from them.
export * from './common.js';
export * from './app.js';
export * from './connection.js';
export * from './connect-session.js';
export * from './connection-request.js';
export * from './notification.js';
export * from './run.js';
export * from './publish-check.js';
export * from './session.js';
export * from './events.js';
export * from './requests.js';
export * from './app-catalog.js';
export * from './connection-add.js';
export * from './connection-removal.js';
export * from './notification-preferences.js';
