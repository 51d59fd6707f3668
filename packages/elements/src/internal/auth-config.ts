import type { Connection } from '@relink/sdk';
import type { CommonMessages } from '../translations/translation.js';

/**
 * The state of an app whose consent flow needs a managed auth config (seed 000: Follow Up Boss, GoHighLevel): known
 * from the app before any click, so the kit says so instead of "Waiting for the first sync." or a blank popup.
 */
export type AuthConfigMessages = Pick<CommonMessages, 'authConfigMissing' | 'authConfigInvalid' | 'authConfigHelp'>;

/** `missing` or `invalid` when the app's managed auth config blocks its consent flow, else `undefined`. */
export function authConfigProblem(connection: Pick<Connection, 'app'>): 'missing' | 'invalid' | undefined {
  const state = connection.app.managedAuthConfig;
  return state === 'missing' || state === 'invalid' ? state : undefined;
}

/** The sentence for `problem`, before `fill()`. */
export const authConfigText = (problem: 'missing' | 'invalid', m: AuthConfigMessages): string =>
  problem === 'missing' ? m.authConfigMissing : m.authConfigInvalid;
