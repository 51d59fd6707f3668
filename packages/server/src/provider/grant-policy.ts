/** An account a consent can grant besides the user's own: a Facebook Page, a LinkedIn company page. */
export interface GrantableAccount {
  id: string;
  /** The page's contact address: what the connection shows as its external account. */
  email: string;
  name: string;
}

/** How a provider's app issues tokens, where it differs from the default (an hour's access token + a rotating refresh token). */
export interface GrantPolicy {
  /** False: the app issues no refresh token, so its access token's expiry is the connection's hard expiry. */
  refreshTokens: boolean;
  accessTokenTtlMs?: number;
  /**
   * Multi-account apps (seed 004: "Select the accounts you want to reconnect"): the consent page lists these as
   * checkboxes, and the user's token reads the chosen ones and mints a token of its own for each (Facebook's Pages).
   */
  accounts?: GrantableAccount[];
}

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** The demo's Facebook Pages: the bakery's two locations. */
export const FACEBOOK_PAGES: GrantableAccount[] = [
  { id: 'page_bakery_main', email: 'mainst@acmebakery.example', name: 'Bakery Main St' },
  { id: 'page_bakery_harbor', email: 'harbor@acmebakery.example', name: 'Bakery Harbor' },
];

/**
 * The demo provider's apps that behave like LinkedIn (seed 004: "LinkedIn tokens expire after one year unless
 * renewed"): no refresh token, a one-year access token. Every consent renews it for another year.
 */
const POLICIES: Record<string, GrantPolicy> = {
  linkedin: { refreshTokens: false, accessTokenTtlMs: YEAR_MS },
  'facebook-pages': { refreshTokens: true, accounts: FACEBOOK_PAGES },
};

export function grantPolicyFor(appKey: string): GrantPolicy {
  return POLICIES[appKey] ?? { refreshTokens: true };
}

/** Every page any app can grant: they are accounts too once they hold tokens of their own. */
export const GRANTABLE_ACCOUNTS: GrantableAccount[] = Object.values(POLICIES).flatMap((p) => p.accounts ?? []);
