import type { PublishCheck } from '@relink/sdk/schema';
import type { RelinkContext } from '../context.js';
import type { WorkflowRecord } from '../store/store.js';

/** The publish gate (seed 002): every node's connection must be active. */
export async function publishCheck(ctx: RelinkContext, workflow: WorkflowRecord): Promise<PublishCheck> {
  const problems: PublishCheck['problems'] = [];
  for (const node of workflow.nodes) {
    const connection = await ctx.store.getConnection(workflow.workspaceId, node.connectionId);
    if (connection?.status === 'active') continue;
    problems.push({
      node: node.kind,
      nodeId: node.id,
      connectionId: node.connectionId,
      message: node.kind === 'trigger' ? 'Trigger node has an inactive connection' : 'Action node has an inactive connection',
    });
  }
  return { workflowId: workflow.id, ok: problems.length === 0, problems, connectionIds: [...new Set(workflow.nodes.map((node) => node.connectionId))] };
}
