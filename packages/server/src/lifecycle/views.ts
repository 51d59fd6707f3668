import {
  Connection,
  ConnectionRequest,
  ConnectSession,
  Notification,
  Run,
  type App,
} from '@relink/sdk/schema';
import type { RelinkContext } from '../context.js';
import { blockersOf } from './blockers.js';
import type {
  ConnectionRecord,
  ConnectionRequestRecord,
  ConnectSessionRecord,
  NotificationRecord,
  RunRecord,
} from '../store/store.js';

// Records → contract resources. Each goes through its schema's parse, which drops secrets and workspace ids.

/**
 * Refresh credential is offered only for an OAuth connection that still holds a refresh token (seed 001). Not while
 * it is `pending`: it finishes setting up on its own (seed 001: "Wait").
 */
export function isRefreshable(record: ConnectionRecord, app: App): boolean {
  return app.authMode === 'oauth2' && record.status !== 'revoked' && record.status !== 'pending' && record.secrets.refreshToken !== undefined;
}

export function unknownApp(key: string): App {
  return { key, name: key, authMode: 'oauth2', managedAuthConfig: 'not_required' };
}

export async function appOf(ctx: RelinkContext, record: { appKey: string }): Promise<App> {
  return (await ctx.store.getApp(record.appKey)) ?? unknownApp(record.appKey);
}

/**
 * A connection as the contract shows it, built field by field from a trusted store record: no schema parse, so a
 * page of 100 costs what copying them does (the lists' hot path). Only what the contract names is copied, so secrets
 * and workspace ids never leave; test/lists.node.test.ts checks listed rows against the `Connection` schema.
 */
export function connectionView(record: ConnectionRecord, app: App): Connection {
  const error = record.lastError;
  return {
    id: record.id,
    app, // the catalog's entry, itself a contract `App`; shared by every row of a page
    label: record.label,
    status: record.status,
    owner: record.owner,
    ...(record.externalAccountEmail !== undefined ? { externalAccountEmail: record.externalAccountEmail } : {}),
    ...(record.lastRefreshedAt !== undefined ? { lastRefreshedAt: record.lastRefreshedAt } : {}),
    ...(record.expiresAt !== undefined ? { expiresAt: record.expiresAt } : {}),
    refreshable: isRefreshable(record, app),
    ...(error !== undefined ? { lastError: { code: error.code, message: error.message, at: error.at, transient: error.transient } } : {}),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** One connection, validated against the contract on the way out (single-resource answers). */
export function toConnection(record: ConnectionRecord, app: App): Connection {
  return Connection.parse(connectionView(record, app));
}

export function toNotification(record: NotificationRecord): Notification {
  return Notification.parse(record);
}

/**
 * A run as the contract shows it: what it waits for, and whether a manual Resume is offered — the same rule
 * `resumeRun` enforces, with the same codes as its 409s, so a page can explain a missing Resume before the click.
 */
export function toRun(record: RunRecord): Run {
  const paused = record.status === 'paused';
  const blocked = paused ? blockersOf(record) : [];
  const unavailable = !paused || blocked.length === 0 ? undefined
    : record.kind === 'agent' && record.pauseReason === 'reauth' ? 'resumes_automatically' as const : 'connection_not_active' as const;
  return Run.parse({
    ...record,
    blockedConnectionId: blocked[0],
    blockedConnectionIds: blocked,
    resumable: paused && blocked.length === 0,
    resumeUnavailable: unavailable,
  });
}

export function requestConnectUrl(ctx: RelinkContext, id: string): string {
  return `${ctx.portalUrl}/connection-requests/${encodeURIComponent(id)}`;
}

export function toConnectionRequest(ctx: RelinkContext, record: ConnectionRequestRecord, app: App): ConnectionRequest {
  return ConnectionRequest.parse({
    id: record.id,
    app,
    requestedBy: record.requestedBy,
    requestedFor: record.requestedFor,
    requestedAt: record.requestedAt,
    state: record.state,
    connectUrl: requestConnectUrl(ctx, record.id),
    connectionId: record.connectionId,
    note: record.note,
  });
}

export function toConnectSession(record: ConnectSessionRecord): ConnectSession {
  return ConnectSession.parse({
    id: record.id,
    connectionId: record.connectionId,
    status: record.status,
    connectUrl: record.connectUrl,
    state: record.state,
    expiresAt: record.expiresAt,
    previousAccountEmail: record.previousAccount?.email,
    newAccountEmail: record.newAccount?.email,
    error: record.error,
  });
}
