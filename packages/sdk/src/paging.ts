import type { Page } from './schema/common.js';

/**
 * Every item across pages, fetched page by page as the caller iterates (a `break` stops fetching), following
 * `nextCursor` from `cursor` on. The one way the SDK walks pages: `connections.listAll` and the store's loads.
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<Pick<Page<T>, 'data' | 'nextCursor'>>,
  cursor?: string,
): AsyncGenerator<T, void, undefined> {
  do {
    const page = await fetchPage(cursor);
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
