/**
 * English: the kit's own words and the reference every other language translates. One default-exported catalog, as
 * every language file is (`{ $code, $name, $dir, common, '<element>': {...} }`), and one named export per part so an
 * element imports only the English it prints (a page with one badge does not ship the table's copy).
 *
 * `common` holds the words several elements print, once: relabel one there (`setMessages({ common: { error:
 * 'Expired' } })`) and every element that prints it follows. `{name}` placeholders are filled with values isolated for
 * bidi; plural messages are one template per `Intl.PluralRules` category (`other` is required), `{n}` the count.
 */
import type { ErrorCode, NotificationKind, NotificationPreferenceLock, PauseReason, RunStatus } from '@relink/sdk';
import type { PluralForms } from '../internal/format.js';
import type { Translation } from './translation.js';

// --- common -----------------------------------------------------------------------------------------------------

/** A connection's status, as the badge, the table's filter and its announcements print it (seed 001's words, lower case). */
export const statusWords = {
  active: 'active',
  error: 'error',
  pending: 'pending',
  revoked: 'revoked',
  /** A status this version does not know (a newer server, a typo). */
  unknown: 'Unknown',
};

/** What an element says when a request got no (good) answer, by the SDK's error kind. */
export const errorKinds = {
  /** The request never got an answer: nothing was changed. */
  errorNetwork: 'The service cannot be reached right now. Nothing was changed.',
  /** No answer in time. */
  errorTimeout: 'The service took too long to answer. Nothing was changed that we know of; try again.',
  /** The session expired and could not be renewed. */
  errorSession: 'Your session has expired. Sign in again to continue.',
  /** A response that broke the contract, or a bug. */
  errorUnknown: 'Something went wrong. Try again.',
  /** A part of the page that loads when needed did not load (trying again without a reload may not help). */
  errorLoad: 'Part of this page did not load. Reload the page and try again.',
};

/**
 * The server's refusals, by error code, in the page's language. On an English page the server's own message is
 * shown (it names the app or the run); these generic sentences are what other languages translate, and a code no
 * language covers shows the server's message.
 */
export const codes = {
  bad_request: 'The request was not accepted. Nothing was changed.',
  validation_failed: 'Some of the information sent was not valid. Nothing was changed.',
  unauthorized: 'Your session has expired. Sign in again to continue.',
  forbidden: 'You are not allowed to do this.',
  not_found: 'This no longer exists. It may have been removed.',
  not_refreshable: 'Connection cannot be refreshed. Please reconnect your connection.',
  already_revoked: 'This connection is already revoked.',
  auth_config_missing: 'This app needs a managed auth config before it can connect. Ask your administrator or support to set it up.',
  invalid_credentials: 'The app did not accept these credentials. Check the highlighted fields.',
  not_reconnectable: 'This connection cannot be reconnected this way.',
  run_not_paused: 'Only a paused run can be resumed.',
  connection_not_active: 'Reconnect the connections this run needs before resuming it.',
  resumes_automatically: 'This run resumes by itself once its connections are reconnected.',
  retries_automatically: 'This run retries by itself once its connections are reconnected.',
  run_not_terminal: 'Only a completed, failed or cancelled run can be replayed.',
  request_not_outstanding: 'This request was already completed or cancelled.',
  session_not_confirmable: 'This sign-in can no longer be confirmed. Start the reconnect again.',
  demo_mode_off: 'Demo controls are available only in demo mode.',
  preference_locked: 'Reauthorization alerts are always on for the agency.',
  rate_limited: 'Too many requests. Wait a moment, then try again.',
  payload_too_large: 'What was sent is too large.',
  idempotency_key_in_use: 'The same request is still in progress. Try again in a moment.',
  provider_unavailable: "The app's service is temporarily unavailable. Try again in a moment.",
  internal: 'Something went wrong on our side. Try again.',
} satisfies Record<ErrorCode, string>;

/** Seed 000's account-mismatch prompt, said by every element that runs a consent flow. */
export const mismatch = {
  /** `{new}` / `{old}`: the account just authorised and the one the connection had; `{app}` the app. */
  mismatch: 'You authorized {new} instead of {old}. Switch this connection to {new}?',
  mismatchWarning: 'Reconnect with the same login you used originally. Authorizing a different account can point your workflow steps at the wrong data.',
  switchAccount: 'Switch to {new}',
  keepAccount: 'Keep {old}',
  /** Said after "Keep": nothing changed. */
  kept: 'Nothing was switched: the connection still uses {old}.',
  /** Stands in for `{new}` / `{old}` when the provider did not say which account. */
  unknownAccount: 'another account',
};

/** Seed 004's "Select the accounts you want to reconnect": a consent that granted several accounts (Facebook Pages). */
export const accountChoice = {
  /** `{app}`: the app's name. */
  chooseAccounts: 'Select the {app} accounts you want to connect',
  chooseAccountsHelp: '{app} gave access to these accounts. Each one you select gets its own connection.',
  selectAllAccounts: 'Select all',
  /** Beside an account that already has a connection: choosing it reconnects that one. */
  accountConnected: 'Already connected: reconnects it',
  accountNew: 'New connection',
  connectAccounts: 'Connect selected accounts',
  cancelAccounts: 'Cancel',
  noAccountChosen: 'Select at least one account to connect.',
};

/** An app whose consent flow needs a managed auth config that is missing or invalid (seed 000). */
export const authConfig = {
  /** `{app}`: the app's name. */
  authConfigMissing: '{app} needs a managed auth config, and it is missing: the connection cannot start.',
  authConfigInvalid: '{app} needs a managed auth config, and it is invalid: the connection cannot start.',
  /** Who can fix it. */
  authConfigHelp: 'Ask your administrator or support to set up the auth config for this app, then reconnect.',
};

/** Reconnecting, wherever it is offered (the Reconnect button, the refresh failure toast, a redirect's return). */
export const reconnection = {
  reconnect: 'Reconnect',
  /** For an agency on a client's connection: the client reconnects from the request. */
  requestReconnection: 'Send reconnection request',
  requestSent: 'Reconnection request sent',
  reconnected: 'Connection reconnected.',
  reconnectFailed: 'Could not reconnect',
};

/** The button that loads again what failed to load. */
export const retry = {
  retry: 'Try again',
};

/** Said by the data elements (banner, bell, runs) while the service cannot be reached: old data is not passed off as current. */
export const stale = {
  stale: 'This may be out of date: the service cannot be reached right now.',
};

/** The run vocabulary shared by the runs list and the run detail (seed 002). */
export const runVocabulary = {
  statusLabels: { running: 'Running', paused: 'Paused', waiting: 'Waiting', completed: 'Completed', failed: 'Failed', cancelled: 'Cancelled' } satisfies Record<RunStatus, string>,
  /** Why a paused run is paused. */
  pauseReasons: { reauth: 'Needs reauthorization', approval: 'Waiting for approval', spend_cap: 'Spend cap reached', operator: 'Paused by an operator', connection_removed: 'A connection it uses was removed' } satisfies Record<PauseReason, string>,
  agent: 'Agent',
  operator: 'Operator',
  /** Before the blocked connections' links: "Blocked by HubSpot (Northwind CRM)". */
  blockedBy: 'Blocked by',
  /** A run paused for reauth whose connections are all fixed again: it waits only for Resume. */
  reauthFixed: 'Reconnected · ready to resume',
};

// --- one namespace per element (its tag without `relink-`) ----------------------------------------------------------

export const statusBadge = {
  activeDescription: 'Connected and working.',
  errorDescription: 'Reconnection needed.',
  pendingDescription: 'Waiting for the first sync.',
  revokedDescription: 'This connection was revoked. Reconnect to keep workflows running.',
  /** The expiry hint beside an active badge; `{n}` is the number of days. */
  expiresHint: { one: 'Reconnect within {n} day', other: 'Reconnect within {n} days' } as PluralForms,
};

export const connectionsTable = {
  caption: 'Connections',
  app: 'App',
  label: 'Label',
  status: 'Status',
  actions: 'Actions',
  manage: 'Manage',
  emptyTitle: 'No connections yet',
  emptyBody: 'When your team asks you to connect an app, it will show up here.',
  noMatches: 'No connections match this filter.',
  filterLabel: 'Status',
  allStatuses: 'All statuses',
  /** The search field's label: it narrows the rows by app name or label. */
  searchLabel: 'Search by app or label',
  searchPlaceholder: 'Slack, Acme…',
  loading: 'Loading connections…',
  /** Announced when a connection's status changes live; `{app}`, `{label}`, `{status}` (a status word). */
  statusChanged: '{app} ({label}) is now {status}.',
  /** The expiry hint beside an active connection's badge; `{n}` is the number of days (as the badge's). */
  expiresHint: { one: 'Reconnect within {n} day', other: 'Reconnect within {n} days' },
};

export const connectionDetail = {
  account: 'Account',
  lastRefreshed: 'Last refreshed',
  never: 'Never',
  /** For a client viewer whose connection cannot be refreshed (seed 001). */
  contactAgency: 'Contact your agency if this integration needs to be reconnected.',
  loading: 'Loading connection…',
  notFound: 'This connection was not found.',
  /**
   * The connection's last error on a non-English page, by its `lastError.code` (an English page shows the server's
   * own message, which names the app; a code not listed here shows no sentence in other languages).
   */
  lastErrors: {
    invalid_grant: 'The app no longer accepts the stored sign-in. Reconnect to continue.',
    token_expired: 'Access to the app has expired. Reconnect to continue.',
    invalid_credentials: 'The app rejected the stored credentials. Enter them again to continue.',
  },
  /** After the connection was removed, here or elsewhere (the page shows no stale record); `{app}`: the app's name. */
  removedTitle: '{app} was removed',
  removedBody: 'The connection and its stored credentials were deleted. Workflows that used it stay paused until you add the app again.',
  /** The link back to the list, when the host gave one (`list-href`). */
  backToList: 'Back to connections',
};

export const refreshButton = {
  label: 'Refresh credential',
  success: 'Connection refreshed.',
  failure: 'Failed to refresh connection',
  failureDescription: 'You may need to reconnect.',
  requestFailed: 'Could not send the reconnection request',
};

export const revokeDialog = {
  trigger: 'Revoke',
  title: 'Revoke this connection?',
  body:
    'Workflows that depend on this credential will pause until you (or another team member) reconnect it. ' +
    'You can reconnect at any time from this page or from a future request email.',
  confirm: 'Revoke connection',
  cancel: 'Keep connection',
  /** The toast after revoking. */
  revoked: 'Connection revoked',
  revokedDescription: 'Workflows using this connection will pause until reconnected.',
};

export const reconnectButton = {
  /** `{app}` is the app's name. */
  requestSentDescription: 'Your client will find it under Outstanding connection requests in their portal, ready to reconnect {app}.',
  save: 'Save',
  cancel: 'Cancel',
  cancelled: 'Reconnection cancelled. Nothing changed.',
};

export const reauthBanner = {
  /** The banner's title for `{n}` affected connections. */
  title: { one: 'A connection needs to be reauthorized', other: '{n} connections need to be reauthorized' } as PluralForms,
  /** The row's link, titled after the first affected app (`{app}`). */
  link: '{app} reauth required',
  /** How many more affected apps (`{n}`) remain after the first (only shown when there are more). */
  more: { other: 'and {n} more' } as PluralForms,
};

export const notificationBell = {
  /** The button's accessible name with nothing unread. */
  label: 'Notifications',
  /** The button's accessible name with `{n}` unread notifications: "Notifications, 3 unread". */
  labelUnread: { other: 'Notifications, {n} unread' } as PluralForms,
  /** The popover's heading. */
  heading: 'Notifications',
  empty: 'No notifications',
  /** Read out after an unread notification. */
  unread: 'Unread',
  /** Title of a `reauth_required` notification; `{app}` is its app: "HubSpot reauth required". */
  reauthTitle: '{app} reauth required',
  /** Title of an `expiring_soon` notification; `{app}` is its app: "LinkedIn connection expires soon". */
  expiringTitle: '{app} connection expires soon',
  /** Body of a `reauth_required` notification; `{label}` is the connection's label, `{app}` its app. */
  reauthBody: '{label}: reconnect {app} to resume the workflows that use it.',
  /** Body of an `expiring_soon` notification; `{label}` is the connection's label, `{n}` the days left. */
  expiringBody: { one: '{label}: reconnect within {n} day to keep workflows running.', other: '{label}: reconnect within {n} days to keep workflows running.' } as PluralForms,
  /** Title of a `run_failed` notification; `{workflow}` is its workflow: "Publish scheduled LinkedIn posts failed". */
  runFailedTitle: '{workflow} failed',
  /** Body of a `run_failed` notification whose run waits for Replay (seed 002); `{app}` is the app that broke it. */
  runFailedReplay: '{app} needs to be reconnected. Replay the run once the connection is healthy.',
  /** Body of a `run_failed` notification whose run retries by itself after the reconnect (seed 004). */
  runFailedWillRetry: '{app} needs to be reconnected. Will retry automatically after you reconnect.',
  /** Body of a `run_failed` notification once the server retried its run. */
  runFailedRetried: 'Retried automatically after {app} was reconnected.',
  critical: 'Critical',
  warning: 'Warning',
  info: 'Info',
  loading: 'Loading notifications…',
};

export const connectionRequests = {
  heading: 'Outstanding connection requests',
  /** "Requested by Northwind Agency"; `{name}` is who asked. */
  requestedBy: 'Requested by {name}',
  connect: 'Connect',
  cancel: 'Cancel',
  /** Toast after a completed consent flow; `{app}` is the app. */
  connected: '{app} connected.',
  /** Toast after a cancelled request. */
  cancelled: 'Request cancelled.',
  connectFailed: 'Could not connect',
  cancelFailed: 'Could not cancel the request',
  empty: 'No outstanding requests',
  loading: 'Loading requests…',
};

export const runsList = {
  caption: 'Runs',
  filters: 'Show runs',
  all: 'All',
  paused_for_reauth: 'Paused for reauth',
  running: 'Running',
  failed: 'Failed',
  workflow: 'Workflow',
  status: 'Status',
  kind: 'Kind',
  started: 'Started',
  updated: 'Updated',
  actions: 'Actions',
  empty: 'No runs yet',
  noMatches: 'No runs match this filter.',
  /** Beside the status of a failed run the server replayed by itself after a reconnect (seed 004). */
  retried: 'Retried automatically',
  loading: 'Loading runs…',
};

export const runActions = {
  /** Accessible name of the group of buttons. */
  label: 'Run actions',
  resume: 'Resume',
  replay: 'Replay',
  resumed: 'Run resumed.',
  replayed: 'Run replayed.',
  /** The success toasts' link to the run (with `run-href`). */
  viewRun: 'View run',
  resumeFailed: 'Could not resume the run',
  replayFailed: 'Could not replay the run',
  /** Why Resume is not offered: a connection it needs is broken. `{connections}`: their names, each a link with `connection-href`. */
  resumeNeedsConnection: 'Reconnect {connections} before resuming this run.',
  /** Why Resume is not offered: an agent run resumes by itself once `{connections}` (one) is reconnected. */
  resumesAutomatically: 'This run resumes by itself once {connections} is reconnected.',
  /** The same, for several connections. */
  resumesAutomaticallyMany: 'This run resumes by itself once {connections} are reconnected.',
  /** Why a failed run offers no Replay: the server replays it once `{connections}` (a link with `connection-href`) is reconnected (seed 004). */
  retriesAutomatically: 'Will retry automatically after you reconnect {connections}.',
};

export const runDetail = {
  /** Accessible name of the status line (status, reason, blocked connection and actions). */
  statusLabel: 'Run status',
  kind: 'Kind',
  started: 'Started',
  updated: 'Updated',
  finished: 'Finished',
  /** Label of the failed run's error message. */
  error: 'Error',
  /** Before the link to the run this one re-ran: "Replay of the run started yesterday". */
  replayOf: 'Replay of',
  /** Text of the link to the original run; `{time}` is when it started (its id while unknown). */
  originalRun: 'the run started {time}',
  /** Before the link to this run's latest replay: "Replayed as the run started now". */
  replayedAs: 'Replayed as',
  /** Text of the link to the latest replay; `{time}` is when it started. */
  replayRun: 'the run started {time}',
  /** Before the link to the run the server replayed this one as, after a reconnect: "Retried automatically as the run started now". */
  retriedAs: 'Retried automatically as',
  loading: 'Loading run…',
  notFound: 'This run was not found.',
};

export const publishCheck = {
  /** The OK line when the workflow may be published; empty to show nothing. */
  ok: 'Ready to publish: every connection is active.',
  /** Each problem's link to the connection. */
  fix: 'Fix connection',
  checking: 'Checking connections…',
};

export const toaster = {
  /** Accessible name of each toast's close button; the toast's title is its description. */
  dismiss: 'Dismiss',
  /** Accessible name of the list of toasts. */
  region: 'Notifications',
};

export const appCatalog = {
  /** The list's accessible name. */
  caption: 'Apps',
  searchLabel: 'Search apps',
  searchPlaceholder: 'Slack, HubSpot…',
  /** How each app connects. */
  oauth: 'Connect by signing in',
  apiKey: 'Connect with an API key',
  managedMissing: 'Needs a managed auth config',
  loading: 'Loading apps…',
  emptyTitle: 'No apps to connect',
  emptyBody: 'Your workspace has no apps available yet.',
  /** `{query}`: what was typed. */
  noMatches: 'No apps match “{query}”.',
};

export const connectButton = {
  connect: 'Connect',
  /** Read after "Connect" by screen readers, so each button of a catalog names its app; `{app}`. */
  connectApp: 'Connect {app}',
  /** `{app}`: the app's name. */
  connected: '{app} connected.',
  save: 'Save',
  cancel: 'Cancel',
  cancelled: 'Connection cancelled. Nothing changed.',
  failed: 'The connection could not be completed.',
  unknownApp: 'This app is not in your catalog.',
};

export const removeDialog = {
  trigger: 'Remove',
  /** `{app}`: the app's name. */
  title: 'Remove {app}?',
  body: 'This deletes the connection and its stored credentials. To use the app again, add it fresh.',
  /** Before the list of workflows that stop working. */
  usageLead: 'These workflows stop working:',
  /** How many runs pause; `{n}` is the count. */
  liveRuns: { one: '{n} run that uses it will pause.', other: '{n} runs that use it will pause.' } as PluralForms,
  unused: 'No workflow uses this connection.',
  loadingUsage: 'Checking what uses this connection…',
  /** The usage could not be loaded: the removal is still possible, but say what is not known. */
  usageUnknown: 'We could not check which workflows use this connection: any that do will stop working.',
  confirm: 'Remove connection',
  cancel: 'Keep connection',
  /** The toast after removing. */
  removed: 'Connection removed',
  removedDescription: 'Workflows that used it are paused. Add the app again to use it.',
};

/** The notification settings (seed 004: "Make sure … connection status notifications are turned on"). */
export const notificationSettings = {
  /** The group's name (the `<fieldset>`'s legend). */
  legend: 'Notifications',
  description: 'Choose which alerts appear in your notifications.',
  /** Each kind's label, by the contract's kind. */
  kinds: {
    reauth_required: 'Reauthorization needed',
    run_failed: 'Run failed',
    connection_revoked: 'Connection revoked',
    expiring_soon: 'Connection expiring soon',
  },
  /** What each kind is about. */
  descriptions: {
    reauth_required: 'A connection stopped working and must be reconnected.',
    run_failed: 'A workflow run failed because of one of its connections.',
    connection_revoked: 'Access to an app was revoked.',
    expiring_soon: 'A connection’s access ends soon: reconnect it before it expires.',
  },
  /** Why a kind cannot be turned off, by the server's reason (`locked`). */
  locked: {
    reauth_always_on: 'Always on for your agency: the reauthorization banner counts these alerts.',
  },
  /** Said while a change is being saved, and once it is. */
  saving: 'Saving…',
  saved: 'Notification settings saved.',
  /** Before the reason a change was not saved (the checkbox is back as it was). */
  saveFailed: 'Could not save your notification settings.',
  loading: 'Loading notification settings…',
  empty: 'There are no notifications to set up.',
} satisfies { kinds: Record<NotificationKind, string>; descriptions: Record<NotificationKind, string>; locked: Record<NotificationPreferenceLock, string> } & Record<string, unknown>;

/** The toasts the provider shows when the page comes back from a consent flow's redirect (its other words are common). */
export const provider = {
  cancelled: 'Reconnection cancelled. Nothing changed.',
};

/** Every common word (built by a call marked pure, so a bundle that never reads it drops it and its parts). */
export const common: typeof statusWords & typeof errorKinds & typeof mismatch & typeof accountChoice & typeof authConfig & typeof reconnection &
  typeof retry & typeof stale & typeof runVocabulary & { codes: typeof codes } =
  /* @__PURE__ */ Object.assign({}, statusWords, errorKinds, mismatch, accountChoice, authConfig, reconnection, retry, stale, runVocabulary, { codes });

const en: Translation = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',
  common,
  'status-badge': statusBadge,
  'connections-table': connectionsTable,
  'connection-detail': connectionDetail,
  'refresh-button': refreshButton,
  'revoke-dialog': revokeDialog,
  'reconnect-button': reconnectButton,
  'reauth-banner': reauthBanner,
  'notification-bell': notificationBell,
  'connection-requests': connectionRequests,
  'runs-list': runsList,
  'run-actions': runActions,
  'run-detail': runDetail,
  'publish-check': publishCheck,
  toaster,
  provider,
  'app-catalog': appCatalog,
  'connect-button': connectButton,
  'remove-dialog': removeDialog,
  'notification-settings': notificationSettings,
};

export default en;
