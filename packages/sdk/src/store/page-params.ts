/**
 * The parameters of one page of a window (connections, runs): its query without empty fields, `offset` rows in (left
 * out for the first page) and `limit` rows (`pageSize`, 1–100, default 100). The window and the store's early first
 * page build them here, so the early page is the request the window would send (`EarlyPage` takes it only if equal).
 */
export function pageParams<Q extends object>(query: Q, pageSize?: number, offset = 0): Partial<Q> & { offset?: number; limit: number } {
  return {
    ...(Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== '')) as Partial<Q>),
    ...(offset > 0 ? { offset } : {}),
    limit: Math.min(100, Math.max(1, Math.trunc(pageSize ?? 100))),
  };
}
