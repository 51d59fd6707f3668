// The key-rotation command's body (the packaging helper wires it to a bin subcommand):
//   1. add a new key as current, keep the old one: RELINK_ENCRYPTION_KEYS="k2:<new>,k1:<old>"
//   2. run this (beside live instances is fine: it re-seals row by row, each in its own transaction)
//   3. drop the old key: RELINK_ENCRYPTION_KEYS="k2:<new>", restart the instances.
import { SqlStore } from '../store/sql/sql-store.js';
import { parseEncryptionKeys, SecretBox, type EncryptionKeys } from '../store/secret-box.js';

export interface RotateSecretsOptions {
  database: { url: string } | { dataDir: string };
  /** The keys with the new one current (`kid:key,kid:key` text or `{ current, keys }`). */
  encryptionKeys: EncryptionKeys | string;
}

/** Re-seal every stored secret with the current key; answers how many records were re-sealed. */
export async function rotateSecrets(options: RotateSecretsOptions): Promise<number> {
  const store = await SqlStore.open(options.database);
  try {
    const given = typeof options.encryptionKeys === 'string' ? parseEncryptionKeys(options.encryptionKeys) : options.encryptionKeys;
    // A key the server generated before keys were configured stays readable, so its values move too.
    const generated = await store.getSetting<EncryptionKeys>('encryption.generated-keys');
    store.useEncryption(new SecretBox({ current: given.current, keys: { ...generated?.keys, ...given.keys } }));
    return await store.rotateSecrets();
  } finally {
    await store.close();
  }
}
