import * as z from 'zod/mini';
import { Id } from './common.js';

export const PublishProblem = z.object({
  node: z.enum(['trigger', 'action']),
  nodeId: z.string(),
  connectionId: Id,
  /** "Trigger node has an inactive connection" / "Action node has an inactive connection". */
  message: z.string(),
});
export type PublishProblem = z.infer<typeof PublishProblem>;

export const PublishCheck = z.object({
  workflowId: Id,
  /** True when every node's connection is active: the workflow may be published. */
  ok: z.boolean(),
  problems: z.array(PublishProblem),
  /**
   * Every connection the check read (each node's), so a view can follow them and check again when one changes.
   * Optional: a server from before it sends only the problems.
   */
  connectionIds: z.optional(z.array(Id)),
});
export type PublishCheck = z.infer<typeof PublishCheck>;
