import { base64url, fromBase64url } from '../internal/ids.js';
import { isStorableText } from '../http/text.js';
import { InvalidCursorError } from './store.js';

/** A keyset position: the sort key and the id of the last item on a page. */
export type SortKey = [string, string];

export function encodeCursor(key: SortKey): string {
  return base64url(new TextEncoder().encode(JSON.stringify(key)));
}

export function decodeCursor(cursor: string): SortKey {
  try {
    const key: unknown = JSON.parse(new TextDecoder().decode(fromBase64url(cursor)));
    if (Array.isArray(key) && key.length === 2 && key.every((k) => typeof k === 'string' && isStorableText(k))) return key as SortKey;
  } catch {
    // fall through
  }
  throw new InvalidCursorError('The cursor is not one this server issued.');
}
