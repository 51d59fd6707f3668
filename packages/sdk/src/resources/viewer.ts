import type { Http, RequestOptions } from '../http.js';
import type { Viewer } from '../schema/session.js';

/** `/me`: who the session token speaks for. */
export function createViewer(http: Http) {
  return {
    /** The caller's workspace, role and principal; elements use the role to offer only what the server allows. */
    get: async (options?: RequestOptions): Promise<Viewer> => http.get('me', 'Viewer', undefined, options),
  };
}

export type ViewerResource = ReturnType<typeof createViewer>;
