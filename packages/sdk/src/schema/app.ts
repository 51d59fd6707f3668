import * as z from 'zod/mini';

export const AuthMode = z.enum(['oauth2', 'api_key']);
export type AuthMode = z.infer<typeof AuthMode>;

/**
 * Whether the product's own (managed) auth config the app needs is in place (seed 000: Follow Up Boss, GoHighLevel).
 * `not_required` for ordinary apps; `missing` or `invalid` means the connect flow cannot even start.
 */
export const ManagedAuthConfig = z.enum(['not_required', 'ready', 'missing', 'invalid']);
export type ManagedAuthConfig = z.infer<typeof ManagedAuthConfig>;

/** One field of an API-key app's credential form (seed 003: "empty fields for you to fill out"). */
export const CredentialField = z.object({
  name: z.string().check(z.regex(/^[a-z][a-z0-9_]{0,63}$/)),
  label: z.string(),
  secret: z.boolean(),
});
export type CredentialField = z.infer<typeof CredentialField>;

export const App = z.object({
  key: z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/)),
  name: z.string().check(z.minLength(1)),
  /** Absolute URL or data URL of the app's logo; absent → the UI draws a monogram. */
  logo: z.optional(z.string()),
  authMode: AuthMode,
  managedAuthConfig: ManagedAuthConfig,
  /** The credential form for `api_key` apps. */
  credentialFields: z.optional(z.array(CredentialField)),
});
export type App = z.infer<typeof App>;
