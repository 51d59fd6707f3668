// Secrets at rest: AES-256-GCM through WebCrypto (Node and the page alike). Each sealed value names the key that
// sealed it, so keys rotate: add a new key as current, keep the old ones for reading, re-seal (`rotateSecrets`),
// then drop the old ones.
import { base64url, fromBase64url } from '../internal/ids.js';

/** A sealed value as it is stored: key id, 12-byte IV, ciphertext with its tag (base64url). */
export interface Sealed {
  $sealed: { kid: string; iv: string; ct: string };
}

export function isSealed(value: unknown): value is Sealed {
  return typeof value === 'object' && value !== null && '$sealed' in value;
}

export interface EncryptionKeys {
  /** The key id new values are sealed with. */
  current: string;
  /** Key id → 32 random bytes, base64 or base64url. Old ids stay here until nothing sealed with them is left. */
  keys: Record<string, string>;
}

/**
 * `RELINK_ENCRYPTION_KEYS`-style text: `kid:key,kid:key`, the first entry current. Keys are 32 bytes in base64 or
 * base64url (`openssl rand -base64 32`). Throws with a message that says what is wrong.
 */
export function parseEncryptionKeys(text: string): EncryptionKeys {
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean).map((e) => {
    const at = e.indexOf(':');
    if (at <= 0) throw new Error('Encryption keys are "kid:base64key" entries separated by commas, the current one first.');
    return [e.slice(0, at), e.slice(at + 1)] as const;
  });
  if (entries.length === 0) throw new Error('No encryption key given.');
  return { current: entries[0]![0], keys: Object.fromEntries(entries) };
}

export class SecretBox {
  private readonly cryptoKeys = new Map<string, Promise<CryptoKey>>();

  constructor(private readonly config: EncryptionKeys) {
    if (!(config.current in config.keys)) throw new Error(`The current encryption key "${config.current}" is not among the keys.`);
    for (const [kid, key] of Object.entries(config.keys)) {
      const bytes = fromBase64url(key.replace(/=+$/, ''));
      if (bytes.length !== 32) throw new Error(`Encryption key "${kid}" must be 32 bytes (AES-256), base64; it is ${bytes.length}.`);
      this.cryptoKeys.set(kid, crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']));
    }
  }

  /** 32 fresh random bytes, base64url: a new key for `EncryptionKeys.keys`. */
  static generateKey(): string {
    return base64url(crypto.getRandomValues(new Uint8Array(32)));
  }

  get currentKeyId(): string {
    return this.config.current;
  }

  async seal(value: unknown): Promise<Sealed> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const key = await this.cryptoKeys.get(this.config.current)!;
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(value)));
    return { $sealed: { kid: this.config.current, iv: base64url(iv), ct: base64url(new Uint8Array(ct)) } };
  }

  /** Plain values (written before encryption was on) pass through, so turning it on needs no migration. */
  async open<T>(value: T | Sealed): Promise<T> {
    if (!isSealed(value)) return value;
    const { kid, iv, ct } = value.$sealed;
    const key = this.cryptoKeys.get(kid);
    if (!key) throw new Error(`A secret is sealed with encryption key "${kid}", which is not configured. Add it back to the keys.`);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64url(iv) }, await key, fromBase64url(ct));
    return JSON.parse(new TextDecoder().decode(plain)) as T;
  }
}
