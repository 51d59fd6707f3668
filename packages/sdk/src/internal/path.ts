/**
 * One URL path segment from a caller-supplied id. Encoded so `a/b` or `?` cannot change the route; empty and
 * dot-segments are refused because URL resolution would turn `connections/..` into a different endpoint.
 */
export function segment(id: string): string {
  if (typeof id !== 'string' || id === '' || id === '.' || id === '..') {
    throw new TypeError(`Expected a resource id, got ${JSON.stringify(id)}.`);
  }
  return encodeURIComponent(id);
}

/** `['data', 0, 'status']` → `data[0].status`, the way a developer would write the access. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(root)';
}
