import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidCursorError, REDACTED_SECRET, type ConnectionQuery, type ConnectionRecord, type ConnectSessionRecord, type RunQuery, type Store } from '../src/store/store.js';

const T0 = '2026-11-02T09:00:00.000Z';

function connection(id: string, overrides: Partial<ConnectionRecord> = {}): ConnectionRecord {
  return {
    id, workspaceId: 'ws_a', appKey: 'slack', label: id, status: 'active', owner: 'agency', ownerPrincipalId: 'prn_a',
    secrets: { refreshToken: `rt_${id}`, accessToken: `at_${id}` }, refresh: { attempts: 0 },
    createdAt: T0, updatedAt: T0, ...overrides,
  };
}

/**
 * What every Store must do, whatever it is built on. Run it for each implementation:
 * `describeStoreConformance('MemoryStore', () => new MemoryStore())`.
 */
export function describeStoreConformance(name: string, makeStore: () => Promise<Store> | Store): void {
  describe(`Store conformance: ${name}`, () => {
    it('round-trips a connection with its secrets and hands out copies, not live records', async () => {
      const store = await makeStore();
      await store.putConnection(connection('con_1'));
      const read = await store.getConnection('ws_a', 'con_1');
      assert.equal(read?.secrets.refreshToken, 'rt_con_1');
      read!.label = 'mutated';
      assert.equal((await store.getConnection('ws_a', 'con_1'))?.label, 'con_1');
    });

    it('scopes records by workspace: a foreign id is not found', async () => {
      const store = await makeStore();
      await store.putConnection(connection('con_1'));
      assert.equal(await store.getConnection('ws_b', 'con_1'), undefined);
      const page = await store.listConnections({ workspaceId: 'ws_b', limit: 10 });
      assert.deepEqual(page.items, []);
    });

    it('pages connections with a cursor, in (createdAt, id) order, losing and repeating nothing', async () => {
      const store = await makeStore();
      for (let i = 0; i < 7; i++) {
        await store.putConnection(connection(`con_${i}`, { createdAt: `2026-11-0${1 + (i % 3)}T00:00:00.000Z` }));
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listConnections({ workspaceId: 'ws_a', limit: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      assert.equal(pages, 3);
      assert.deepEqual(seen, ['con_0', 'con_3', 'con_6', 'con_1', 'con_4', 'con_2', 'con_5']);
    });

    it('lists each connection as last written, whichever way it was written, with its secrets redacted', async () => {
      const store = await makeStore();
      const now = new Date(T0);
      await store.putConnection(connection('con_a', { refresh: { attempts: 0, nextAt: '2026-11-02T08:00:00.000Z' } }));
      await store.putConnection(connection('con_b', { secrets: { accessToken: 'at_only' } }));
      await store.putConnection({ ...connection('con_a'), label: 'Renamed', status: 'error', refresh: { attempts: 1, nextAt: '2026-11-02T08:00:00.000Z' } });
      await store.claimRefresh('ws_a', 'con_b', now, 30_000);
      await store.claimDueRefreshes(new Date('2026-11-02T08:00:00.000Z'), 30_000, 10);
      const listed = (await store.listConnections({ workspaceId: 'ws_a', limit: 10, redactSecrets: true })).items;
      const expected = await Promise.all(['con_a', 'con_b'].map(async (id) => {
        const stored = (await store.getConnection('ws_a', id))!;
        return { ...stored, secrets: stored.secrets.refreshToken !== undefined ? { refreshToken: REDACTED_SECRET } : {} };
      }));
      assert.deepEqual(listed, expected);
      assert.equal(listed[0]?.label, 'Renamed');
      assert.equal(listed[1]?.refresh.leaseUntil, '2026-11-02T09:00:30.000Z');
    });

    it('counts exactly through every kind of write: add, change of status, app or owner, lease, removal, a transaction, a cleared workspace', async () => {
      const store = await makeStore();
      const total = async (q: Partial<ConnectionQuery> = {}, on: Store = store) =>
        (await on.listConnections({ workspaceId: 'ws_a', limit: 1, withTotal: true, ...q })).total;
      for (let i = 0; i < 5; i++) await store.putConnection(connection(`con_${i}`));
      await store.putConnection(connection('con_other_ws', { workspaceId: 'ws_b' }));
      assert.equal(await total(), 5);
      assert.equal(await total({ status: 'error' }), 0);
      await store.putConnection(connection('con_1', { status: 'error' }));
      await store.putConnection(connection('con_2', { appKey: 'hubspot', status: 'error' }));
      await store.putConnection(connection('con_3', { owner: 'client', ownerPrincipalId: 'prn_c' }));
      await store.putConnection(connection('con_3', { owner: 'client', ownerPrincipalId: 'prn_c' })); // unchanged
      await store.claimRefresh('ws_a', 'con_4', new Date(T0), 30_000);
      assert.deepEqual(
        [await total(), await total({ status: 'error' }), await total({ status: 'error', appKey: 'hubspot' }), await total({ appKey: 'slack' }),
          await total({ owner: 'client', ownerPrincipalId: 'prn_c' }), await total({ status: 'active' })],
        [5, 2, 1, 4, 1, 3],
      );
      assert.equal(await total({ search: 'con_' }), 5);
      assert.equal(await store.deleteConnection('ws_a', 'con_1'), true);
      assert.deepEqual([await total({ status: 'error' }), await total({ search: 'con_' })], [1, 4]);
      await store.transaction(async (tx) => {
        await tx.putConnection(connection('con_5', { status: 'revoked' }));
        await tx.putConnection(connection('con_0', { status: 'revoked' }));
        assert.equal(await total({ status: 'revoked' }, tx), 2, 'a transaction counts its own writes');
      });
      assert.deepEqual([await total(), await total({ status: 'revoked' }), await total({ status: 'active' })], [5, 2, 2]);
      await store.clearWorkspace('ws_a');
      assert.equal(await total(), 0);
      await store.putConnection(connection('con_again'));
      assert.equal(await total(), 1);
      assert.equal((await store.listConnections({ workspaceId: 'ws_b', limit: 1, withTotal: true })).total, 1);
    });

    it('filters connections by owner principal, status and app', async () => {
      const store = await makeStore();
      await store.putConnection(connection('con_a'));
      await store.putConnection(connection('con_b', { ownerPrincipalId: 'prn_c', owner: 'client', status: 'error', appKey: 'hubspot' }));
      assert.deepEqual((await store.listConnections({ workspaceId: 'ws_a', ownerPrincipalId: 'prn_c', limit: 10 })).items.map((c) => c.id), ['con_b']);
      assert.deepEqual((await store.listConnections({ workspaceId: 'ws_a', status: 'active', limit: 10 })).items.map((c) => c.id), ['con_a']);
      assert.deepEqual((await store.listConnections({ workspaceId: 'ws_a', appKey: 'hubspot', limit: 10 })).items.map((c) => c.id), ['con_b']);
    });

    // The connections table's server-side sort, search and count (issue 17): every store orders alike.
    const sortFixture = async (store: Store) => {
      await store.putApp({ key: 'slack', name: 'Slack', authMode: 'oauth2', managedAuthConfig: 'not_required' });
      await store.putApp({ key: 'hubspot', name: 'HubSpot', authMode: 'oauth2', managedAuthConfig: 'not_required' });
      await store.putApp({ key: 'asana', name: 'Asana', authMode: 'oauth2', managedAuthConfig: 'not_required' });
      const at = (minute: number) => `2026-11-02T09:0${minute}:00.000Z`;
      await store.putConnection(connection('con_1', { appKey: 'slack', label: 'Zeta', status: 'active', updatedAt: at(1) }));
      await store.putConnection(connection('con_2', { appKey: 'hubspot', label: 'alpha', status: 'error', updatedAt: at(3) }));
      await store.putConnection(connection('con_3', { appKey: 'asana', label: 'Éclair', status: 'revoked', updatedAt: at(2) }));
      await store.putConnection(connection('con_4', { appKey: 'slack', label: 'beta', status: 'error', updatedAt: at(5) }));
      await store.putConnection(connection('con_5', { appKey: 'hubspot', label: 'Delta', status: 'pending', updatedAt: at(4), owner: 'client', ownerPrincipalId: 'prn_c' }));
    };
    const walk = async (store: Store, query: Omit<ConnectionQuery, 'workspaceId' | 'limit' | 'cursor'>, limit = 2) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listConnections({ workspaceId: 'ws_a', limit, ...query, ...(cursor ? { cursor } : {}) });
        ids.push(...page.items.map((c) => c.id.replace('con_', '')));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids.join(' ');
    };

    it('sorts connections by label, app, status and a timestamp, both ways, accent- and case-insensitively, paging by keyset', async () => {
      const store = await makeStore();
      await sortFixture(store);
      assert.equal(await walk(store, { sort: 'label' }), '2 4 5 3 1'); // alpha beta Delta Éclair Zeta
      assert.equal(await walk(store, { sort: 'label', order: 'desc' }), '1 3 5 4 2');
      assert.equal(await walk(store, { sort: 'app' }), '3 2 5 4 1'); // Asana, HubSpot (alpha, Delta), Slack (beta, Zeta)
      assert.equal(await walk(store, { sort: 'app', order: 'desc' }), '1 4 5 2 3');
      assert.equal(await walk(store, { sort: 'status' }), '2 4 3 5 1'); // error (HubSpot, Slack), revoked, pending, active
      assert.equal(await walk(store, { sort: 'updatedAt', order: 'desc' }), '4 5 2 3 1');
      assert.equal(await walk(store, { sort: 'label' }, 1), '2 4 5 3 1');
      assert.equal(await walk(store, {}), '1 2 3 4 5'); // the default: createdAt, then id
    });

    it('searches connections by label or app name, filters, and counts the matches when asked', async () => {
      const store = await makeStore();
      await sortFixture(store);
      assert.equal(await walk(store, { search: 'ECL' }), '3'); // "Éclair"
      assert.equal(await walk(store, { search: 'hub', sort: 'label' }), '2 5'); // the app's name, not its key
      assert.equal(await walk(store, { search: 'SANA' }), '3');
      assert.equal(await walk(store, { search: 'nothing like it' }), '');
      assert.equal(await walk(store, { status: 'error', sort: 'label', order: 'desc' }), '4 2');
      assert.equal(await walk(store, { owner: 'client', ownerPrincipalId: 'prn_c' }), '5');
      const first = await store.listConnections({ workspaceId: 'ws_a', limit: 2, search: 'a', withTotal: true });
      assert.equal(first.total, 5); // alpha, beta, Delta, Éclair/Asana, Zeta
      const errors = await store.listConnections({ workspaceId: 'ws_a', limit: 1, status: 'error', withTotal: true });
      assert.deepEqual([errors.items.length, errors.total], [1, 2]);
      assert.equal((await store.listConnections({ workspaceId: 'ws_a', limit: 1 })).total, undefined);
    });

    it('moves a renamed app\'s connections in the app sort, and refuses a cursor from another sort', async () => {
      const store = await makeStore();
      await sortFixture(store);
      await store.putApp({ key: 'asana', name: 'Zapier', authMode: 'oauth2', managedAuthConfig: 'not_required' });
      assert.equal(await walk(store, { sort: 'app' }), '2 5 4 1 3');
      const page = await store.listConnections({ workspaceId: 'ws_a', limit: 2, sort: 'label' });
      assert.ok(page.nextCursor);
      await assert.rejects(store.listConnections({ workspaceId: 'ws_a', limit: 2, sort: 'app', cursor: page.nextCursor }), InvalidCursorError);
      await assert.rejects(store.listConnections({ workspaceId: 'ws_a', limit: 2, sort: 'label', order: 'desc', cursor: page.nextCursor }), InvalidCursorError);
    });

    it('rejects a cursor it did not issue', async () => {
      const store = await makeStore();
      await assert.rejects(store.listConnections({ workspaceId: 'ws_a', limit: 3, cursor: 'not-a-cursor' }), InvalidCursorError);
    });

    it('claims due refreshes with a lease: two claimers never get the same connection', async () => {
      const store = await makeStore();
      const now = new Date(T0);
      await store.putConnection(connection('con_due1', { refresh: { attempts: 0, nextAt: '2026-11-02T08:00:00.000Z' } }));
      await store.putConnection(connection('con_due2', { refresh: { attempts: 0, nextAt: '2026-11-02T08:30:00.000Z' } }));
      await store.putConnection(connection('con_later', { refresh: { attempts: 0, nextAt: '2026-11-02T10:00:00.000Z' } }));
      await store.putConnection(connection('con_error', { status: 'error', refresh: { attempts: 0, nextAt: '2026-11-02T08:00:00.000Z' } }));
      await store.putConnection(connection('con_norefresh', { secrets: {}, refresh: { attempts: 0, nextAt: '2026-11-02T08:00:00.000Z' } }));
      const [a, b] = await Promise.all([store.claimDueRefreshes(now, 30_000, 10), store.claimDueRefreshes(now, 30_000, 10)]);
      const ids = [...a, ...b].map((c) => c.id).sort();
      assert.deepEqual(ids, ['con_due1', 'con_due2']);
      assert.equal((await store.getConnection('ws_a', 'con_due1'))?.refresh.leaseUntil, '2026-11-02T09:00:30.000Z');
      // Held leases block an on-demand claim too; a lapsed lease frees the connection.
      assert.equal(await store.claimRefresh('ws_a', 'con_due1', now, 30_000), undefined);
      assert.equal((await store.claimDueRefreshes(new Date('2026-11-02T09:00:31.000Z'), 30_000, 10)).length, 2);
    });

    it('honours the claim limit, oldest due first', async () => {
      const store = await makeStore();
      await store.putConnection(connection('con_b', { refresh: { attempts: 0, nextAt: '2026-11-02T08:30:00.000Z' } }));
      await store.putConnection(connection('con_a', { refresh: { attempts: 0, nextAt: '2026-11-02T08:00:00.000Z' } }));
      const claimed = await store.claimDueRefreshes(new Date(T0), 1000, 1);
      assert.deepEqual(claimed.map((c) => c.id), ['con_a']);
    });

    it('claims connections past a hard expiry with nothing to renew them, leased: two claimers never get the same one', async () => {
      const store = await makeStore();
      const now = new Date(T0);
      const hard = (id: string, expiresAt: string, overrides: Partial<ConnectionRecord> = {}) =>
        connection(id, { appKey: 'linkedin', expiresAt, secrets: { accessToken: `at_${id}`, accessTokenExpiresAt: expiresAt }, ...overrides });
      await store.putConnection(hard('con_exp2', '2026-11-02T08:30:00.000Z'));
      await store.putConnection(hard('con_exp1', '2026-11-01T09:00:00.000Z'));
      await store.putConnection(hard('con_exact', T0));
      await store.putConnection(hard('con_future', '2026-11-09T09:00:00.000Z'));
      await store.putConnection(hard('con_renewable', '2026-11-01T09:00:00.000Z', { secrets: { refreshToken: 'rt', accessTokenExpiresAt: '2026-11-01T09:00:00.000Z' } }));
      await store.putConnection(hard('con_error', '2026-11-01T09:00:00.000Z', { status: 'error' }));
      await store.putConnection(hard('con_revoked', '2026-11-01T09:00:00.000Z', { status: 'revoked' }));
      await store.putConnection(hard('con_leased', '2026-11-01T09:00:00.000Z', { refresh: { attempts: 0, leaseUntil: '2026-11-02T09:00:25.000Z' } }));
      await store.putConnection(connection('con_noexpiry', { secrets: { accessToken: 'at' } }));

      const [a, b] = await Promise.all([store.claimExpired(now, 30_000, 10), store.claimExpired(now, 30_000, 10)]);
      assert.deepEqual([...a, ...b].map((c) => c.id).sort(), ['con_exact', 'con_exp1', 'con_exp2']);
      const first = a.length > 0 ? a : b;
      assert.deepEqual(first.map((c) => c.id), ['con_exp1', 'con_exp2', 'con_exact'], 'soonest expiry first');
      assert.equal(first[0]?.refresh.leaseUntil, '2026-11-02T09:00:30.000Z');
      assert.equal((await store.getConnection('ws_a', 'con_exp1'))?.refresh.leaseUntil, '2026-11-02T09:00:30.000Z');
      // Held leases are not claimed again; a lapsed one is (the first claimer crashed), and so is con_leased's.
      assert.deepEqual(await store.claimExpired(new Date('2026-11-02T09:00:20.000Z'), 30_000, 10), []);
      assert.deepEqual((await store.claimExpired(new Date('2026-11-02T09:00:31.000Z'), 30_000, 10)).map((c) => c.id), ['con_exp1', 'con_leased', 'con_exp2', 'con_exact']);
      // The limit, and a connection that left `active` is no longer eligible.
      await store.putConnection(hard('con_exp1', '2026-11-01T09:00:00.000Z', { status: 'error' }));
      assert.deepEqual((await store.claimExpired(new Date('2026-11-02T09:02:00.000Z'), 30_000, 1)).map((c) => c.id), ['con_leased']);
    });

    it('appends events with increasing ids, replays after an id, and notifies subscribers of that workspace only', async () => {
      const store = await makeStore();
      const heard: number[] = [];
      const unsubscribe = store.subscribe('ws_a', (e) => heard.push(e.id));
      const data = { type: 'run.updated' };
      const e1 = await store.appendEvent({ workspaceId: 'ws_a', at: T0, type: 'run.updated', audience: [], data });
      const e2 = await store.appendEvent({ workspaceId: 'ws_b', at: T0, type: 'run.updated', audience: [], data });
      const e3 = await store.appendEvent({ workspaceId: 'ws_a', at: T0, type: 'run.updated', audience: ['prn_c'], data });
      assert.ok(e1.id < e2.id && e2.id < e3.id);
      assert.deepEqual((await store.eventsSince('ws_a', 0)).map((e) => e.id), [e1.id, e3.id]);
      assert.deepEqual((await store.eventsSince('ws_a', e1.id)).map((e) => e.id), [e3.id]);
      assert.deepEqual((await store.eventsSince('ws_a', e1.id))[0]?.audience, ['prn_c']);
      assert.deepEqual(heard, [e1.id, e3.id]);
      unsubscribe();
      await store.appendEvent({ workspaceId: 'ws_a', at: T0, type: 'run.updated', audience: [], data });
      assert.equal(heard.length, 2);
    });

    it('keeps event ids increasing across clear()', async () => {
      const store = await makeStore();
      const before = await store.appendEvent({ workspaceId: 'ws_a', at: T0, type: 'run.updated', audience: [], data: {} });
      await store.clear();
      const after = await store.appendEvent({ workspaceId: 'ws_a', at: T0, type: 'run.updated', audience: [], data: {} });
      assert.ok(after.id > before.id);
      assert.equal(await store.getConnection('ws_a', 'con_1'), undefined);
    });

    it('finds unread notifications per connection and kind, lists newest first with an unread filter', async () => {
      const store = await makeStore();
      const n = (id: string, createdAt: string, read: boolean) => ({
        id, workspaceId: 'ws_a', kind: 'reauth_required' as const, severity: 'critical' as const, title: 'x', connectionId: 'con_1', read, createdAt,
      });
      await store.putNotification(n('ntf_1', '2026-11-01T00:00:00.000Z', false));
      await store.putNotification(n('ntf_2', '2026-11-02T00:00:00.000Z', true));
      await store.putNotification(n('ntf_3', '2026-11-03T00:00:00.000Z', false));
      assert.deepEqual((await store.findUnreadNotifications('ws_a', 'con_1', 'reauth_required')).map((x) => x.id).sort(), ['ntf_1', 'ntf_3']);
      assert.deepEqual((await store.listNotifications({ workspaceId: 'ws_a', limit: 10 })).items.map((x) => x.id), ['ntf_3', 'ntf_2', 'ntf_1']);
      assert.deepEqual((await store.listNotifications({ workspaceId: 'ws_a', unread: true, limit: 10 })).items.map((x) => x.id), ['ntf_3', 'ntf_1']);
      assert.deepEqual((await store.listNotifications({ workspaceId: 'ws_a', connectionIds: ['con_9'], limit: 10 })).items, []);
    });

    it('keeps notification preferences per principal and lists notifications without the kinds a principal turned off', async () => {
      const store = await makeStore();
      const at = '2026-11-01T00:00:00.000Z';
      assert.equal(await store.getNotificationPreferences('ws_a', 'prn_1'), undefined);
      await store.putNotificationPreferences({ workspaceId: 'ws_a', principalId: 'prn_1', disabled: ['run_failed'], updatedAt: at });
      await store.putNotificationPreferences({ workspaceId: 'ws_a', principalId: 'prn_1', disabled: ['run_failed', 'expiring_soon'], updatedAt: at });
      assert.deepEqual((await store.getNotificationPreferences('ws_a', 'prn_1'))?.disabled, ['run_failed', 'expiring_soon']);
      assert.equal(await store.getNotificationPreferences('ws_a', 'prn_2'), undefined);
      assert.equal(await store.getNotificationPreferences('ws_b', 'prn_1'), undefined);
      const n = (id: string, kind: 'reauth_required' | 'run_failed' | 'expiring_soon', createdAt: string) => ({
        id, workspaceId: 'ws_a', kind, severity: 'critical' as const, title: id, connectionId: 'con_1', read: false, createdAt,
      });
      await store.putNotification(n('ntf_1', 'reauth_required', '2026-11-01T00:00:00.000Z'));
      await store.putNotification(n('ntf_2', 'run_failed', '2026-11-02T00:00:00.000Z'));
      await store.putNotification(n('ntf_3', 'expiring_soon', '2026-11-03T00:00:00.000Z'));
      const ids = async (excludeKinds: ('run_failed' | 'expiring_soon')[]) => (await store.listNotifications({ workspaceId: 'ws_a', excludeKinds, limit: 10 })).items.map((x) => x.id);
      assert.deepEqual(await ids(['run_failed']), ['ntf_3', 'ntf_1']);
      assert.deepEqual(await ids(['run_failed', 'expiring_soon']), ['ntf_1']);
      assert.deepEqual(await ids([]), ['ntf_3', 'ntf_2', 'ntf_1']);
      await store.clearWorkspace('ws_a');
      assert.equal(await store.getNotificationPreferences('ws_a', 'prn_1'), undefined);
    });

    it('lists runs by connection and filters by status, pause reason and workflow', async () => {
      const store = await makeStore();
      const run = (id: string, status: 'running' | 'paused', connectionIds: string[], startedAt: string) => ({
        id, workspaceId: 'ws_a', workflowId: 'wf_1', workflowName: 'W', kind: 'agent' as const, status, connectionIds, startedAt, updatedAt: startedAt,
        ...(status === 'paused' ? { pauseReason: 'reauth' as const, blockedConnectionId: 'con_1' } : {}),
      });
      await store.putRun(run('run_1', 'running', ['con_1'], '2026-11-01T00:00:00.000Z'));
      await store.putRun(run('run_2', 'paused', ['con_1', 'con_2'], '2026-11-02T00:00:00.000Z'));
      await store.putRun(run('run_3', 'running', ['con_2'], '2026-11-03T00:00:00.000Z'));
      assert.deepEqual((await store.listRunsUsingConnection('ws_a', 'con_1')).map((r) => r.id), ['run_1', 'run_2']);
      assert.deepEqual((await store.listRuns({ workspaceId: 'ws_a', status: 'paused', pauseReason: 'reauth', limit: 10 })).items.map((r) => r.id), ['run_2']);
      assert.deepEqual((await store.listRuns({ workspaceId: 'ws_a', limit: 10 })).items.map((r) => r.id), ['run_3', 'run_2', 'run_1']);
    });

    it('sorts runs by workflow name or a timestamp, searches by workflow name and counts', async () => {
      const store = await makeStore();
      const run = (id: string, workflowName: string, startedAt: string, updatedAt: string) => ({
        id, workspaceId: 'ws_a', workflowId: 'wf_1', workflowName, kind: 'agent' as const, status: 'running' as const, connectionIds: [], startedAt, updatedAt,
      });
      await store.putRun(run('run_1', 'Sync leads', '2026-11-03T00:00:00.000Z', '2026-11-05T00:00:00.000Z'));
      await store.putRun(run('run_2', 'Daily report', '2026-11-01T00:00:00.000Z', '2026-11-03T00:00:00.000Z'));
      await store.putRun(run('run_3', 'archive', '2026-11-02T00:00:00.000Z', '2026-11-04T00:00:00.000Z'));
      const walkRuns = async (query: Omit<RunQuery, 'workspaceId' | 'limit' | 'cursor'>) => {
        const ids: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.listRuns({ workspaceId: 'ws_a', limit: 1, ...query, ...(cursor ? { cursor } : {}) });
          ids.push(...page.items.map((r) => r.id.replace('run_', '')));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return ids.join(' ');
      };
      assert.equal(await walkRuns({}), '1 3 2'); // newest first by default
      assert.equal(await walkRuns({ sort: 'workflowName' }), '3 2 1'); // archive, Daily report, Sync leads
      assert.equal(await walkRuns({ sort: 'workflowName', order: 'desc' }), '1 2 3');
      assert.equal(await walkRuns({ sort: 'updatedAt' }), '2 3 1');
      assert.equal(await walkRuns({ search: 'REPORT' }), '2');
      assert.equal((await store.listRuns({ workspaceId: 'ws_a', limit: 1, search: 'r', withTotal: true })).total, 2);
    });

    it('finds a connect session by state and outstanding requests by connection', async () => {
      const store = await makeStore();
      await store.putConnectSession({
        id: 'cs_1', workspaceId: 'ws_a', connectionId: 'con_1', principalId: 'prn_a', status: 'pending', state: 's'.repeat(20),
        codeVerifier: 'v', redirectUri: 'http://x/cb', connectUrl: 'http://x/a', origin: 'http://x', expiresAt: T0, createdAt: T0,
      });
      assert.equal((await store.findConnectSessionByState('s'.repeat(20)))?.id, 'cs_1');
      assert.equal(await store.findConnectSessionByState('nope'), undefined);
      const req = { id: 'req_1', workspaceId: 'ws_a', appKey: 'slack', requestedBy: { principalId: 'prn_a', name: 'A' }, requestedFor: 'prn_c', requestedAt: T0, state: 'outstanding' as const, connectionId: 'con_1' };
      await store.putConnectionRequest(req);
      await store.putConnectionRequest({ ...req, id: 'req_2', state: 'cancelled' });
      assert.deepEqual((await store.listOutstandingRequestsForConnection('ws_a', 'con_1')).map((r) => r.id), ['req_1']);
      assert.deepEqual((await store.listConnectionRequests({ workspaceId: 'ws_a', requestedFor: 'prn_c', state: 'outstanding', limit: 10 })).items.map((r) => r.id), ['req_1']);
    });

    it('lists the sessions that hold tokens past their expiry, soonest first, with the tokens opened', async () => {
      const store = await makeStore();
      const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
      const session = (id: string, status: ConnectSessionRecord['status'], expiresAt: string, workspaceId = 'ws_a'): ConnectSessionRecord => ({
        id, workspaceId, connectionId: 'con_1', principalId: 'prn_a', status, state: `state-${id}-${'s'.repeat(16)}`,
        codeVerifier: 'v', redirectUri: 'http://x/cb', connectUrl: 'http://x/a', origin: 'http://x', expiresAt, createdAt: T0,
        ...(status === 'account_mismatch' || status === 'choose_accounts' ? { pendingSecrets: { accessToken: `held-${id}` } } : {}),
      });
      await store.putConnectSession(session('cs_late', 'account_mismatch', at(10)));
      await store.putConnectSession(session('cs_soon', 'choose_accounts', at(5), 'ws_b'));
      await store.putConnectSession(session('cs_future', 'account_mismatch', at(30)));
      await store.putConnectSession(session('cs_pending', 'pending', at(1)));
      await store.putConnectSession(session('cs_done', 'completed', at(1)));
      const lapsed = await store.listLapsedHeldSessions(new Date(at(10)), 10);
      assert.deepEqual(lapsed.map((s) => s.id), ['cs_soon', 'cs_late'], 'every workspace, only sessions holding tokens, expiresAt <= now');
      assert.equal(lapsed[1]!.pendingSecrets?.accessToken, 'held-cs_late');
      assert.deepEqual((await store.listLapsedHeldSessions(new Date(at(10)), 1)).map((s) => s.id), ['cs_soon']);
      assert.deepEqual(await store.listLapsedHeldSessions(new Date(at(4)), 10), []);
    });

    it('runs transactions one after another and propagates their result and failure', async () => {
      const store = await makeStore();
      const order: string[] = [];
      const slow = store.transaction(async () => {
        order.push('a:start');
        await new Promise((r) => setTimeout(r, 10));
        order.push('a:end');
        return 1;
      });
      const fast = store.transaction(async () => {
        order.push('b');
        return 2;
      });
      assert.deepEqual(await Promise.all([slow, fast]), [1, 2]);
      assert.deepEqual(order, ['a:start', 'a:end', 'b']);
      await assert.rejects(store.transaction(async () => { throw new Error('boom'); }), /boom/);
      assert.equal(await store.transaction(async () => 'after failure'), 'after failure');
    });

    it('stores idempotency records and looks up workspaces by secret-key hash', async () => {
      const store = await makeStore();
      await store.putIdempotency({ key: 'k', fingerprint: 'f', status: 201, body: '{}', contentType: 'application/json', createdAt: T0 });
      assert.equal((await store.getIdempotency('k'))?.status, 201);
      await store.putWorkspace({ id: 'ws_a', name: 'A', secretKeyHash: 'hash', createdAt: T0 });
      assert.equal((await store.findWorkspaceBySecretKeyHash('hash'))?.id, 'ws_a');
      assert.equal(await store.findWorkspaceBySecretKeyHash('other'), undefined);
    });
  });
}
