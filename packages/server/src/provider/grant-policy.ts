/** How a provider's app issues tokens, where it differs from the default (an hour's access token + a rotating refresh token). */
export interface GrantPolicy {
  /** False: the app issues no refresh token, so its access token's expiry is the connection's hard expiry. */
  refreshTokens: boolean;
  accessTokenTtlMs?: number;
}

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * The demo provider's apps that behave like LinkedIn (seed 004: "LinkedIn tokens expire after one year unless
 * renewed"): no refresh token, a one-year access token. Every consent renews it for another year.
 */
const POLICIES: Record<string, GrantPolicy> = {
  linkedin: { refreshTokens: false, accessTokenTtlMs: YEAR_MS },
};

export function grantPolicyFor(appKey: string): GrantPolicy {
  return POLICIES[appKey] ?? { refreshTokens: true };
}
