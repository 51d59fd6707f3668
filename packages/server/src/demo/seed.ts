import type { App } from '@relink/sdk/schema';
import type { RelinkContext } from '../context.js';
import { emitConnection, emitConnectionRequest, emitNotification, emitRun } from '../events/emit.js';
import { sha256Base64url } from '../internal/ids.js';
import { FACEBOOK_PAGES } from '../provider/grant-policy.js';
import type { DemoProvider } from '../provider/provider.js';
import type { ConnectionRecord, NotificationRecord, RunRecord } from '../store/store.js';

/** The demo workspace's secret key (what a host backend sends to POST /v1/sessions). Demo only. */
export const DEMO_SECRET_KEY = 'sk_demo_northwind_relink';
export const DEMO_WORKSPACE_ID = 'ws_northwind';
export const DEMO_AGENCY_ID = 'prn_agency';
export const DEMO_CLIENT_ID = 'prn_client';

export const DEMO_APPS: App[] = [
  { key: 'slack', name: 'Slack', authMode: 'oauth2', managedAuthConfig: 'not_required' },
  { key: 'quickbooks', name: 'QuickBooks', authMode: 'oauth2', managedAuthConfig: 'not_required' },
  { key: 'google-drive', name: 'Google Drive', authMode: 'oauth2', managedAuthConfig: 'not_required' },
  { key: 'facebook-pages', name: 'Facebook Pages', authMode: 'oauth2', managedAuthConfig: 'not_required' },
  { key: 'hubspot', name: 'HubSpot', authMode: 'oauth2', managedAuthConfig: 'not_required' },
  { key: 'linkedin', name: 'LinkedIn', authMode: 'oauth2', managedAuthConfig: 'not_required' },
  {
    key: 'mailchimp', name: 'Mailchimp', authMode: 'api_key', managedAuthConfig: 'not_required',
    credentialFields: [{ name: 'api_key', label: 'API key', secret: true }],
  },
  { key: 'follow-up-boss', name: 'Follow Up Boss', authMode: 'oauth2', managedAuthConfig: 'missing' },
  { key: 'gohighlevel', name: 'GoHighLevel', authMode: 'oauth2', managedAuthConfig: 'invalid' },
  { key: 'salesforce', name: 'Salesforce', authMode: 'oauth2', managedAuthConfig: 'not_required' },
];

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * The demo workspace, as issue 3 describes it. One agency (Northwind) and one client (Acme Bakery):
 * - client-owned: Slack active + refreshable; QuickBooks `error` after a permanent refresh failure, still holding its
 *   rejected refresh token (Refresh credential shows, and fails); Google Drive `pending`: consented, its first sync
 *   finishing on its own (the refresher's `firstSyncDelayMs` after the seed, seed 001); Facebook Pages `revoked`
 *   (the "Bakery Main St" page; its consent grants that page and "Bakery Harbor", and asks which to connect).
 * - agency-owned: HubSpot `error` (reconnect through consent); LinkedIn active with a hard expiry in 5 days and no
 *   refresh token; Mailchimp (API key) `error` after its key was rejected; Follow Up Boss and GoHighLevel `pending`
 *   with no credentials, their managed auth config missing / invalid (seed 000: the connect flow cannot even start;
 *   reconnect → 409 auth_config_missing; `app.managedAuthConfig` says so before the click). They never sync.
 * - unread critical reauth notifications for HubSpot, QuickBooks and Mailchimp (the banner: "3 connections need to
 *   be reauthorized", HubSpot first) and LinkedIn's read `expiring_soon` warning; an outstanding Salesforce request to the client; runs: agent + operator paused
 *   for reauth on HubSpot (both also use Slack: revoke Slack and they wait for both), one running, one failed (to
 *   replay), one completed, the Mailchimp newsletter paused for approval; a workflow triggered by HubSpot; LinkedIn's
 *   scheduled posts retry after reconnect (seed 004).
 * Every call replaces the whole store and the provider's grants: this *is* the documented reset.
 */
export async function seedDemo(ctx: RelinkContext, provider: DemoProvider): Promise<void> {
  const { store } = ctx;
  const now = ctx.clock.now();
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
  const ws = DEMO_WORKSPACE_ID;

  // Only the demo workspace: other tenants on the same store keep their data.
  await store.clearWorkspace(ws);
  await provider.demo.reset();
  for (const app of DEMO_APPS) {
    await store.putApp(app);
    if (app.authMode === 'oauth2') provider.registerClient?.(app.key, app.name);
  }
  await store.putWorkspace({ id: ws, name: 'Northwind Agency', secretKeyHash: await sha256Base64url(DEMO_SECRET_KEY), createdAt: at(-90 * DAY) });
  await store.putPrincipal({ id: DEMO_AGENCY_ID, workspaceId: ws, role: 'agency', name: 'Northwind Agency', createdAt: at(-90 * DAY) });
  await store.putPrincipal({ id: DEMO_CLIENT_ID, workspaceId: ws, role: 'client', name: 'Acme Bakery', createdAt: at(-60 * DAY) });

  const ada = provider.demo.accounts().find((a) => a.id === 'acct_ada') ?? { id: 'acct_ada', email: 'ada@acmebakery.example' };
  const ops = provider.demo.accounts().find((a) => a.id === 'acct_ops') ?? { id: 'acct_ops', email: 'ops@northwind.example' };
  const mainStPage = FACEBOOK_PAGES[0]!;
  const grant = (appKey: string, accountId: string, options: { withRefreshToken?: boolean; expiresInMs?: number } = {}) =>
    provider.demo.issueGrant({ appKey, accountId, ...options });

  const slackTokens = await grant('slack', ada.id, { expiresInMs: HOUR });
  const quickbooksTokens = await grant('quickbooks', ada.id);
  const gdriveTokens = await grant('google-drive', ada.id);
  const hubspotTokens = await grant('hubspot', ops.id);
  const linkedinTokens = await grant('linkedin', ops.id, { withRefreshToken: false, expiresInMs: 5 * DAY });
  // The permanent failures: the provider no longer honours these grants (a password change, an app removed).
  await provider.demo.revokeGrant({ accountId: ada.id, appKey: 'quickbooks' });
  await provider.demo.revokeGrant({ accountId: ops.id, appKey: 'hubspot' });

  const base = (id: string, appKey: string, label: string, owner: 'agency' | 'client', createdDaysAgo: number): ConnectionRecord => ({
    id, workspaceId: ws, appKey, label, owner, status: 'active',
    ownerPrincipalId: owner === 'client' ? DEMO_CLIENT_ID : DEMO_AGENCY_ID,
    secrets: {}, refresh: { attempts: 0 }, createdAt: at(-createdDaysAgo * DAY), updatedAt: at(-createdDaysAgo * DAY),
  });
  const rejected = (message: string, minutesAgo: number) => ({ code: 'invalid_grant', message, at: at(-minutesAgo * 60_000), transient: false });

  const connections: ConnectionRecord[] = [
    {
      ...base('con_slack', 'slack', 'Acme team workspace', 'client', 40),
      externalAccountId: ada.id, externalAccountEmail: ada.email, lastRefreshedAt: at(-5 * 60_000), updatedAt: at(-5 * 60_000),
      secrets: { accessToken: slackTokens.accessToken, accessTokenExpiresAt: slackTokens.expiresAt, ...(slackTokens.refreshToken ? { refreshToken: slackTokens.refreshToken } : {}) },
      refresh: { attempts: 0, nextAt: new Date(Date.parse(slackTokens.expiresAt) - ctx.refreshAheadMs).toISOString() },
    },
    {
      ...base('con_quickbooks', 'quickbooks', 'Acme bookkeeping', 'client', 35),
      status: 'error', externalAccountId: ada.id, externalAccountEmail: ada.email, lastRefreshedAt: at(-2 * DAY), updatedAt: at(-3 * HOUR),
      lastError: rejected('The provider rejected the stored refresh token.', 180),
      secrets: { accessToken: quickbooksTokens.accessToken, accessTokenExpiresAt: at(-3 * HOUR), ...(quickbooksTokens.refreshToken ? { refreshToken: quickbooksTokens.refreshToken } : {}) },
    },
    {
      // Consented just now; pending until its first sync (from `updatedAt`) finishes on its own.
      ...base('con_gdrive', 'google-drive', 'Shared recipes drive', 'client', 2), status: 'pending', updatedAt: at(0),
      externalAccountId: ada.id, externalAccountEmail: ada.email,
      secrets: { accessToken: gdriveTokens.accessToken, accessTokenExpiresAt: gdriveTokens.expiresAt, ...(gdriveTokens.refreshToken ? { refreshToken: gdriveTokens.refreshToken } : {}) },
    },
    {
      // A Page, not a person (seed 004): Ada's consent grants it and the bakery's Harbor page; reconnecting asks which.
      ...base('con_facebook', 'facebook-pages', 'Acme Bakery page', 'client', 30),
      status: 'revoked', externalAccountId: mainStPage.id, externalAccountEmail: mainStPage.email, lastRefreshedAt: at(-8 * DAY), updatedAt: at(-7 * DAY),
    },
    {
      ...base('con_hubspot', 'hubspot', 'Northwind CRM', 'agency', 50),
      status: 'error', externalAccountId: ops.id, externalAccountEmail: ops.email, lastRefreshedAt: at(-DAY), updatedAt: at(-HOUR),
      lastError: rejected('The provider rejected the stored refresh token.', 60),
      secrets: { accessToken: hubspotTokens.accessToken, accessTokenExpiresAt: at(-HOUR), ...(hubspotTokens.refreshToken ? { refreshToken: hubspotTokens.refreshToken } : {}) },
    },
    {
      ...base('con_linkedin', 'linkedin', 'Northwind company page', 'agency', 360),
      externalAccountId: ops.id, externalAccountEmail: ops.email, lastRefreshedAt: at(-360 * DAY), expiresAt: linkedinTokens.expiresAt,
      secrets: { accessToken: linkedinTokens.accessToken, accessTokenExpiresAt: linkedinTokens.expiresAt },
    },
    {
      ...base('con_mailchimp', 'mailchimp', 'Client newsletter', 'agency', 20),
      status: 'error', lastRefreshedAt: at(-10 * DAY), updatedAt: at(-2 * HOUR),
      lastError: { code: 'invalid_credentials', message: 'Mailchimp rejected the API key.', at: at(-2 * HOUR), transient: false },
      secrets: { apiKeyFields: { api_key: '0123456789abcdef0123456789abcdef' } },
    },
    { ...base('con_fub', 'follow-up-boss', 'Lead routing', 'agency', 1), status: 'pending' },
    { ...base('con_ghl', 'gohighlevel', 'Client sub-accounts', 'agency', 1), status: 'pending' },
  ];

  const reauth = (id: string, connectionId: string, appName: string, label: string, minutesAgo: number): NotificationRecord => ({
    id, workspaceId: ws, kind: 'reauth_required', severity: 'critical', title: `${appName} reauth required`,
    body: `${label}: reconnect ${appName} to resume the workflows that use it.`, appName, connectionId,
    connectionLabel: label, read: false, createdAt: at(-minutesAgo * 60_000),
  });
  const notifications: NotificationRecord[] = [
    reauth('ntf_hubspot', 'con_hubspot', 'HubSpot', 'Northwind CRM', 60),
    reauth('ntf_mailchimp', 'con_mailchimp', 'Mailchimp', 'Client newsletter', 120),
    reauth('ntf_quickbooks', 'con_quickbooks', 'QuickBooks', 'Acme bookkeeping', 180),
    // LinkedIn entered the 14-day expiry window 9 days ago: its one warning was raised then (and read); renewing
    // resolves it. Seeded, so the refresher never raises a second one and the demo's bell is the same at every start.
    {
      id: 'ntf_linkedin_expiring', workspaceId: ws, kind: 'expiring_soon', severity: 'warning', title: 'LinkedIn connection expires soon',
      body: 'Northwind company page: reconnect within 14 days to keep workflows running.', appName: 'LinkedIn', connectionId: 'con_linkedin',
      connectionLabel: 'Northwind company page', expiresAt: linkedinTokens.expiresAt, read: true, createdAt: at(-9 * DAY),
    },
  ];

  await store.putWorkflow({
    id: 'wf_lead_sync', workspaceId: ws, name: 'New HubSpot leads to Slack',
    nodes: [{ id: 'trigger', kind: 'trigger', connectionId: 'con_hubspot' }, { id: 'notify', kind: 'action', connectionId: 'con_slack' }],
  });
  await store.putWorkflow({ id: 'wf_slack_digest', workspaceId: ws, name: 'Daily Slack digest', nodes: [{ id: 'post', kind: 'action', connectionId: 'con_slack' }] });
  // Seed 004: "Posts that failed while disconnected will retry automatically". The other workflows keep Replay (seed 002).
  await store.putWorkflow({
    id: 'wf_linkedin_posts', workspaceId: ws, name: 'Publish scheduled LinkedIn posts', retryAfterReconnect: true,
    nodes: [{ id: 'publish', kind: 'action', connectionId: 'con_linkedin' }],
  });
  await store.putWorkflow({ id: 'wf_newsletter', workspaceId: ws, name: 'Monthly client newsletter', nodes: [{ id: 'send', kind: 'action', connectionId: 'con_mailchimp' }] });

  const run = (id: string, workflowId: string, workflowName: string, kind: 'agent' | 'operator', connectionIds: string[], startedMinutesAgo: number, extra: Partial<RunRecord>): RunRecord => ({
    id, workspaceId: ws, workflowId, workflowName, kind, status: 'running', connectionIds, retryAfterReconnect: workflowId === 'wf_linkedin_posts',
    startedAt: at(-startedMinutesAgo * 60_000), updatedAt: at(-Math.max(0, startedMinutesAgo - 1) * 60_000), ...extra,
  });
  const runs: RunRecord[] = [
    run('run_agent_reauth', 'wf_lead_sync', 'New HubSpot leads to Slack', 'agent', ['con_hubspot', 'con_slack'], 70, { status: 'paused', pauseReason: 'reauth', blockedConnectionIds: ['con_hubspot'], updatedAt: at(-HOUR) }),
    run('run_operator_reauth', 'wf_lead_sync', 'New HubSpot leads to Slack', 'operator', ['con_hubspot', 'con_slack'], 65, { status: 'paused', pauseReason: 'reauth', blockedConnectionIds: ['con_hubspot'], updatedAt: at(-HOUR) }),
    run('run_running', 'wf_linkedin_posts', 'Publish scheduled LinkedIn posts', 'agent', ['con_linkedin'], 3, {}),
    run('run_failed', 'wf_slack_digest', 'Daily Slack digest', 'operator', ['con_slack'], 26 * 60, {
      status: 'failed', error: { code: 'step_failed', message: 'Slack answered 500 on "Post message".' }, finishedAt: at(-26 * HOUR + 60_000), updatedAt: at(-26 * HOUR + 60_000),
    }),
    run('run_completed', 'wf_slack_digest', 'Daily Slack digest', 'agent', ['con_slack'], 2 * 60, { status: 'completed', finishedAt: at(-2 * HOUR + 60_000), updatedAt: at(-2 * HOUR + 60_000) }),
    // The campaign waits for the client's approval before Mailchimp sends it: what Remove names as stopping (seed 004).
    run('run_newsletter', 'wf_newsletter', 'Monthly client newsletter', 'agent', ['con_mailchimp'], 3 * 60, { status: 'paused', pauseReason: 'approval', blockedConnectionIds: ['con_mailchimp'], updatedAt: at(-150 * 60_000) }),
  ];

  const request = {
    id: 'req_salesforce', workspaceId: ws, appKey: 'salesforce', requestedBy: { principalId: DEMO_AGENCY_ID, name: 'Northwind Agency' },
    requestedFor: DEMO_CLIENT_ID, requestedAt: at(-DAY), state: 'outstanding' as const, note: 'We need Salesforce to sync your sales pipeline.',
  };

  // Announce the seeded state too, so a live client sees a reset without reloading.
  await store.transaction(async (tx) => {
    for (const c of connections) {
      await tx.putConnection(c);
      await emitConnection(ctx, tx, c);
    }
    for (const n of notifications) {
      await tx.putNotification(n);
      await emitNotification(ctx, tx, n);
    }
    for (const r of runs) {
      await tx.putRun(r);
      await emitRun(ctx, tx, r);
    }
    await tx.putConnectionRequest(request);
    await emitConnectionRequest(ctx, tx, request);
  });
}
