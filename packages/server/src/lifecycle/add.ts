import type { CreateConnectionBody } from '@relink/sdk/schema';
import type { AuthInfo, RelinkContext } from '../context.js';
import { ApiError } from '../errors.js';
import { newId } from '../internal/ids.js';
import type { ConnectionRecord, ConnectSessionRecord } from '../store/store.js';
import { validateCredentialFields } from './credentials.js';
import { restoreConnection } from './health.js';
import { authConfigMissingMessage, startConsent } from './reconnect.js';

/** What adding a connection started: a consent flow to follow (OAuth), or the connection itself (API key). */
export type AddOutcome = { type: 'consent'; session: ConnectSessionRecord } | { type: 'connection'; connection: ConnectionRecord };

/**
 * Add a connection of a catalog app (seed 000: "link apps directly while building an automation"), owned by the
 * caller: the agency adds agency-owned connections, a client its own. An OAuth app starts the consent flow with the
 * connection planned, not written: it exists once the consent completes, so a denied or failed consent leaves no
 * stray `pending` row (as a connection request for a new app does). An API-key app is checked like a reconnect's
 * credentials (422 with field errors) and written `active`.
 */
export async function addConnection(
  ctx: RelinkContext,
  auth: AuthInfo,
  body: CreateConnectionBody,
  target: { origin: string; returnTo?: string },
): Promise<AddOutcome> {
  const app = await ctx.store.getApp(body.appKey);
  if (!app) throw new ApiError(400, 'validation_failed', `Unknown app "${body.appKey}".`);
  if (app.managedAuthConfig === 'missing' || app.managedAuthConfig === 'invalid') {
    throw new ApiError(409, 'auth_config_missing', authConfigMissingMessage(app.name));
  }
  const now = ctx.clock.now().toISOString();
  const owner = auth.principal.role;
  const planned: ConnectionRecord = {
    id: newId('con'),
    workspaceId: auth.workspaceId,
    appKey: app.key,
    label: body.label?.trim() || app.name,
    status: 'pending',
    owner,
    ownerPrincipalId: auth.principal.id,
    secrets: {},
    refresh: { attempts: 0 },
    createdAt: now,
    updatedAt: now,
  };

  if (app.authMode === 'oauth2') {
    if (body.fields !== undefined) {
      throw new ApiError(400, 'validation_failed', `${app.name} connects through OAuth consent: send no "fields".`);
    }
    const session = await startConsent(ctx, auth, planned, {
      ...target,
      newConnection: { appKey: planned.appKey, label: planned.label, owner, ownerPrincipalId: planned.ownerPrincipalId },
    });
    return { type: 'consent', session };
  }

  const fields = body.fields ?? {};
  const errors = validateCredentialFields(app, fields);
  if (errors.length > 0) {
    throw new ApiError(422, 'invalid_credentials', `${app.name} did not accept these credentials. Check the highlighted fields.`, { fields: errors });
  }
  const apiKeyFields = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.trim()]));
  const connection = await ctx.store.transaction((tx) => restoreConnection(ctx, tx, planned, { secrets: { apiKeyFields } }));
  return { type: 'connection', connection };
}
