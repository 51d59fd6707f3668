import type { Http, RequestOptions } from '../http.js';
import type { PublishCheck } from '../schema/publish-check.js';
import { segment } from '../internal/path.js';

/** `/workflows`: the publish gate. */
export function createWorkflows(http: Http) {
  return {
    /** Whether the workflow may be published; `problems` name each node with an inactive connection. */
    publishCheck: async (id: string, options?: RequestOptions): Promise<PublishCheck> =>
      http.get(`workflows/${segment(id)}/publish-check`, 'PublishCheck', undefined, options),
  };
}

export type WorkflowsResource = ReturnType<typeof createWorkflows>;
