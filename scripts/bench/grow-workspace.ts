// The demo workspace grown to `count` more connections, through the store (so sort keys and secrets are as in
// production): the server bench's rows and the page-bytes part's. Apps and statuses cycle through the demo's.
import type { Store } from '../../packages/server/src/store/store.js';
import { DEMO_AGENCY_ID, DEMO_WORKSPACE_ID } from '../../packages/server/src/demo/seed.js';

export async function growWorkspace(store: Store, count: number): Promise<void> {
  const apps = (await store.listApps()).map((a) => a.key);
  const statuses = ['active', 'active', 'active', 'error', 'pending', 'revoked'] as const;
  const base = Date.parse('2026-01-01T00:00:00.000Z');
  for (let start = 0; start < count; start += 500) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(count, start + 500); i++) {
        const at = new Date(base + i * 60_000).toISOString();
        await tx.putConnection({
          id: `con_bench_${String(i).padStart(5, '0')}`, workspaceId: DEMO_WORKSPACE_ID, appKey: apps[i % apps.length]!,
          label: `Bench connection ${i}`, status: statuses[i % statuses.length]!, owner: 'agency', ownerPrincipalId: DEMO_AGENCY_ID,
          secrets: { accessToken: `at_${i}`, refreshToken: `rt_${i}` }, refresh: { attempts: 0 }, createdAt: at, updatedAt: at,
        });
      }
    });
  }
}
