// The schemas the SDK parses what it receives with, by name: responses, error bodies and the consent popup's message.
// Loaded on demand through internal/schemas.ts, never imported statically from the browser side of the SDK.
export { ErrorBody } from './schema/common.js';
export { Connection, ConnectionPage } from './schema/connection.js';
export { ConnectSession, ConnectResultMessage } from './schema/connect-session.js';
export { ConnectionRequest, ConnectionRequestPage } from './schema/connection-request.js';
export { Notification, NotificationPage } from './schema/notification.js';
export { Run, RunPage } from './schema/run.js';
export { PublishCheck } from './schema/publish-check.js';
export { Viewer } from './schema/session.js';
