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
