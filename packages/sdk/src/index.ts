export { createRelinkClient, type RelinkClient } from './client.js';
export type { FetchLike, RelinkClientOptions, RequestOptions, TokenRequest, TokenSource } from './http.js';
export type { ConnectionListParams, ConnectionsResource, ReconnectParams } from './resources/connections.js';
export type { ConnectSessionsResource } from './resources/connect-sessions.js';
export type { AppsResource } from './resources/apps.js';
export type { ConnectionRequestListParams, ConnectionRequestsResource } from './resources/connection-requests.js';
export type { NotificationListParams, NotificationsResource } from './resources/notifications.js';
export type { NotificationPreferenceChange, NotificationPreferencesResource } from './resources/notification-preferences.js';
export type { RunListParams, RunsResource } from './resources/runs.js';
export type { WorkflowsResource } from './resources/workflows.js';
export type { ViewerResource } from './resources/viewer.js';
export type { LiveStatus, RelinkEvents, SubscribeOptions } from './events.js';
export { backoffDelay } from './backoff.js';
export { paginate } from './paging.js';
export { createRelinkStore, RelinkStore, replacedSince, type Collection, type ConnectionWindow, type ConnectionWindowOptions, type ConnectionWindowQuery, type LoadOptions, type RelinkSnapshot, type RelinkStoreOptions, type RunWindow, type RunWindowOptions, type RunWindowQuery, type StoreWindowOptions } from './store.js';
export {
  selectReauthNeeded,
  selectPausedForReauth,
  selectExpiringSoon,
  selectConnection,
  selectRun,
  type ReauthNeeded,
  type ExpiringConnection,
} from './selectors.js';
export { daysUntil, expiryHintDays } from './rules/expiry.js';
export { isTerminalRun, isPausedForReauth, blockedConnectionIds, canResume } from './rules/runs.js';
export { startConnect, startReconnect, startConnectRequest, resumeRedirect, REDIRECT_RESULT_PARAMS, type ConnectSessionOutcome, type StartReconnectOptions, type ResumeRedirectOptions } from './consent.js';
export {
  RelinkError,
  RelinkApiError,
  RelinkNetworkError,
  RelinkTimeoutError,
  RelinkAbortError,
  RelinkResponseError,
  RelinkSessionError,
  RelinkChunkLoadError,
  isRelinkError,
  isRelinkApiError,
  isNetworkError,
  isTimeoutError,
  isAbortError,
  isResponseError,
  isSessionExpired,
  isChunkLoadError,
  isNotRefreshable,
  isAlreadyRevoked,
  isAuthConfigMissing,
  isPreferenceLocked,
  isInvalidCredentials,
  isNotFound,
  isUnauthorized,
  isForbidden,
  isRateLimited,
  isRunNotPaused,
  isRunNotTerminal,
  isConnectionNotActive,
  isResumesAutomatically,
  isRetriesAutomatically,
  fieldErrors,
  errorKind,
  type RelinkErrorKind,
  type RelinkErrorCode,
  type RelinkIssue,
} from './errors.js';
export type {
  App,
  AuthMode,
  ConnectSession,
  ConnectSessionStatus,
  ConnectionDependent,
  ConnectionUsage,
  CreateConnectionBody,
  CreatedConnection,
  RemovedConnection,
  Connection,
  ConnectionError,
  ConnectionOwner,
  ConnectionRequest,
  ConnectionRequestState,
  ConnectionStatus,
  CreateConnectionRequestBody,
  CredentialField,
  ErrorCode,
  FieldError,
  ManagedAuthConfig,
  Notification,
  NotificationKind,
  NotificationPreference,
  NotificationPreferenceLock,
  NotificationPreferences,
  NotificationSeverity,
  Page,
  PauseReason,
  PublishCheck,
  PublishProblem,
  RelinkEvent,
  RelinkEventType,
  Role,
  Run,
  RunKind,
  RunPreset,
  RunRetry,
  RunStatus,
  Viewer,
} from './schema/index.js';
