import type { Role } from '@relink/sdk/schema';
import { base64url, fromBase64url, randomSecret } from '../internal/ids.js';

export interface SessionClaims {
  v: 1;
  /** workspace */
  ws: string;
  /** principal */
  sub: string;
  role: Role;
  /** seconds since the epoch */
  iat: number;
  exp: number;
  jti: string;
}

export type VerifyResult = { ok: true; claims: SessionClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

/**
 * Short-lived session tokens: `base64url(claims).base64url(HMAC-SHA256)`. WebCrypto only, so the in-page backend
 * mints and checks the same tokens as the Node one. The signing secret never leaves the server.
 */
export class SessionTokens {
  private readonly key: Promise<CryptoKey>;

  constructor(secret: string) {
    if (secret.length < 16) throw new Error('The session signing secret must be at least 16 characters.');
    this.key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  }

  async sign(input: { workspaceId: string; principalId: string; role: Role; now: Date; ttlSeconds: number }): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(input.now.getTime() / 1000);
    const claims: SessionClaims = { v: 1, ws: input.workspaceId, sub: input.principalId, role: input.role, iat, exp: iat + input.ttlSeconds, jti: randomSecret(9) };
    const payload = base64url(new TextEncoder().encode(JSON.stringify(claims)));
    const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await this.key, new TextEncoder().encode(payload)));
    return { token: `${payload}.${base64url(signature)}`, expiresAt: new Date(claims.exp * 1000) };
  }

  async verify(token: string, now: Date): Promise<VerifyResult> {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
    let valid: boolean;
    try {
      // crypto.subtle.verify compares in constant time.
      valid = await crypto.subtle.verify('HMAC', await this.key, fromBase64url(signature), new TextEncoder().encode(payload));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (!valid) return { ok: false, reason: 'bad_signature' };
    let claims: SessionClaims;
    try {
      claims = JSON.parse(new TextDecoder().decode(fromBase64url(payload))) as SessionClaims;
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (claims.v !== 1 || typeof claims.exp !== 'number') return { ok: false, reason: 'malformed' };
    if (claims.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }
}
