// What the SDK loads on demand, as one chunk in a host's bundle: the zod schemas it parses what it receives with
// (responses, error bodies) and the code that reads answers with them (read-response.ts, session-renewal.ts), the
// live-events reader, and the consent flow once its popup is open (consent-wait.ts: asking for the session,
// following the popup, the return from a redirect), which parse with them too.
// Loaded through internal/on-demand.ts, which every request calls as it starts, so the chunk downloads in parallel
// with the first response, and a subscription made after the first request finds it loaded. Never imported
// statically from the browser side of the SDK.
export { readBody, readApiError } from './read-response.js';
export { renewSession } from './session-renewal.js';
export { Connection, ConnectionPage } from './schema/connection.js';
export { AppList } from './schema/app-catalog.js';
export { CreatedConnection } from './schema/connection-add.js';
export { ConnectionUsage, RemovedConnection } from './schema/connection-removal.js';
export { ConnectSession } from './schema/connect-session.js';
export { ConnectionRequest, ConnectionRequestPage } from './schema/connection-request.js';
export { Notification, NotificationPage } from './schema/notification.js';
export { NotificationPreferences } from './schema/notification-preferences.js';
export { Run, RunPage } from './schema/run.js';
export { PublishCheck } from './schema/publish-check.js';
export { Viewer } from './schema/session.js';
export { createEvents } from './events.js';
export { followConsent, resumeFromRedirect } from './consent-wait.js';
export { provideKit } from './internal/kit.js';
