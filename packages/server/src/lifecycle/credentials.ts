import type { App, FieldError } from '@relink/sdk/schema';
import type { RelinkContext } from '../context.js';
import { ApiError } from '../errors.js';
import type { ConnectionRecord } from '../store/store.js';
import { restoreConnection } from './health.js';
import { appOf } from './views.js';

/** Per-app checks on API-key fields, as the provider would reject them. Keyed by app key, then field name. */
const FIELD_RULES: Record<string, Record<string, (value: string) => string | undefined>> = {
  mailchimp: {
    api_key: (v) => (/^[0-9a-f]{32}-us\d+$/i.test(v) ? undefined : 'Mailchimp API keys are 32 hexadecimal characters followed by a data-center suffix such as -us21.'),
  },
};

export function validateCredentialFields(app: App, fields: Record<string, string>): FieldError[] {
  const declared = app.credentialFields ?? [];
  const errors: FieldError[] = [];
  for (const name of Object.keys(fields)) {
    if (!declared.some((f) => f.name === name)) errors.push({ field: name, message: `${app.name} has no field "${name}".` });
  }
  for (const field of declared) {
    const value = fields[field.name]?.trim() ?? '';
    if (value === '') {
      errors.push({ field: field.name, message: `${field.label} is required.` });
      continue;
    }
    const problem = FIELD_RULES[app.key]?.[field.name]?.(value);
    if (problem) errors.push({ field: field.name, message: problem });
  }
  return errors;
}

/** `POST /connections/{id}/credentials`: reconnect an API-key app. Bad fields → 422 with per-field errors. */
export async function submitCredentials(ctx: RelinkContext, connection: ConnectionRecord, fields: Record<string, string>): Promise<ConnectionRecord> {
  const app = await appOf(ctx, connection);
  if (app.authMode !== 'api_key') {
    throw new ApiError(409, 'not_reconnectable', `${app.name} connects through OAuth consent, not with credentials. Use reconnect instead.`);
  }
  const errors = validateCredentialFields(app, fields);
  if (errors.length > 0) {
    throw new ApiError(422, 'invalid_credentials', `${app.name} did not accept these credentials. Check the highlighted fields.`, { fields: errors });
  }
  const apiKeyFields = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.trim()]));
  return ctx.store.transaction(async (tx) => {
    const current = (await tx.getConnection(connection.workspaceId, connection.id)) ?? connection;
    return restoreConnection(ctx, tx, current, { secrets: { apiKeyFields } });
  });
}
