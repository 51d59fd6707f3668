import type { ConnectionRecord, RunRecord, Store } from '../store/store.js';

// What a paused run waits for. The rule (DESIGN: resume only when every connection it needs is active) is checked
// live on Resume; these keep the run's `blockedConnectionIds` true as connections break and heal, so a page shows it.

/** The connections a stored run is blocked by. Runs stored before `blockedConnectionIds` carry one `blockedConnectionId`. */
export function blockersOf(run: RunRecord): string[] {
  return run.blockedConnectionIds ?? (run.blockedConnectionId ? [run.blockedConnectionId] : []);
}

/** Every connection the run needs that is not active (or no longer exists), in the run's order. Call inside a transaction. */
export async function inactiveConnectionsOf(tx: Store, run: RunRecord): Promise<{ id: string; connection?: ConnectionRecord }[]> {
  const inactive: { id: string; connection?: ConnectionRecord }[] = [];
  for (const id of run.connectionIds) {
    const connection = await tx.getConnection(run.workspaceId, id);
    if (connection?.status !== 'active') inactive.push(connection ? { id, connection } : { id });
  }
  return inactive;
}

/** The run with these blockers, the legacy single field dropped. */
export function withBlockers(run: RunRecord, blockedConnectionIds: string[]): RunRecord {
  const next: RunRecord = { ...run, blockedConnectionIds };
  delete next.blockedConnectionId;
  return next;
}

export function sameBlockers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
