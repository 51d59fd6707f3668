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

/**
 * A keyset position in a list that sorts several ways: the sort it belongs to (`tag`, e.g. `label:asc`) and the last
 * item's key tuple (its sort keys, then its id). A cursor from another sort is refused, not misread.
 */
export function encodeKeyset(tag: string, keys: readonly string[]): string {
  return base64url(new TextEncoder().encode(JSON.stringify([tag, ...keys])));
}

export function decodeKeyset(cursor: string, tag: string, length: number): string[] {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(fromBase64url(cursor)));
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || value.length < 2 || !value.every((k) => typeof k === 'string' && isStorableText(k))) {
    throw new InvalidCursorError('The cursor is not one this server issued.');
  }
  if (value[0] !== tag) throw new InvalidCursorError('The cursor belongs to another sort order or list: start again from the first page.');
  if (value.length !== length + 1) throw new InvalidCursorError('The cursor is not one this server issued.');
  return value.slice(1) as string[];
}
