import { randomSecret, sha256Base64url } from '../internal/ids.js';

/** RFC 7636: a 43-char verifier and its S256 challenge, via WebCrypto (works in Node and the page). */
export async function createPkcePair(): Promise<{ codeVerifier: string; codeChallenge: string }> {
  const codeVerifier = randomSecret(32);
  return { codeVerifier, codeChallenge: await sha256Base64url(codeVerifier) };
}

export async function verifyPkce(codeVerifier: string, codeChallenge: string): Promise<boolean> {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(codeVerifier)) return false;
  return (await sha256Base64url(codeVerifier)) === codeChallenge;
}
