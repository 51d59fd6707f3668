import type { Connection } from '@relink/sdk';

/**
 * The state of an app whose consent flow needs a managed auth config (seed 000: Follow Up Boss, GoHighLevel): known
 * from the app before any click, so the kit says so instead of "Waiting for the first sync." or a blank popup.
 */
export interface AuthConfigMessages {
  /** `{app}`: the app's name. */
  authConfigMissing: string;
  authConfigInvalid: string;
  /** Who can fix it. */
  authConfigHelp: string;
}

export const authConfigDefaults: AuthConfigMessages = {
  authConfigMissing: '{app} needs a managed auth config, and it is missing: the connection cannot start.',
  authConfigInvalid: '{app} needs a managed auth config, and it is invalid: the connection cannot start.',
  authConfigHelp: 'Ask your administrator or support to set up the auth config for this app, then reconnect.',
};

/** `missing` or `invalid` when the app's managed auth config blocks its consent flow, else `undefined`. */
export function authConfigProblem(connection: Pick<Connection, 'app'>): 'missing' | 'invalid' | undefined {
  const state = connection.app.managedAuthConfig;
  return state === 'missing' || state === 'invalid' ? state : undefined;
}

/** The sentence for `problem`, before `fill()`. */
export const authConfigText = (problem: 'missing' | 'invalid', m: AuthConfigMessages): string =>
  problem === 'missing' ? m.authConfigMissing : m.authConfigInvalid;
