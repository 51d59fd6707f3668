import type { Http, RequestOptions } from '../http.js';
import type { App } from '../schema/app.js';

/** `/apps`: the catalog a connection is added from (seed 000: link apps while building an automation). */
export function createApps(http: Http) {
  return {
    /** Every app the caller may connect, by name, with its auth mode and managed auth config state. */
    list: async (options?: RequestOptions): Promise<App[]> => (await http.get('apps', 'AppList', undefined, options)).data,
  };
}

export type AppsResource = ReturnType<typeof createApps>;
