// What a read shows (a list page, an answer by id) never rolls back a newer state the store holds, compared by instant
// (store/state.ts `learn`): a server may trim a zero fraction, so `…:05Z` is newer than `…:04.5Z` though its text sorts first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Connection } from '../src/schema/connection.js';
import { StoreState } from '../src/store/state.js';

const connection = (updatedAt: string, status: Connection['status']): Connection => ({ id: 'c1', updatedAt, status }) as Connection;

test('a read older than the state held is not taken; a newer one is, and neither is told to watchers as a change', () => {
  const state = new StoreState();
  const told: string[] = [];
  state.watch((_kind, id) => told.push(id));
  state.upsert('connections', connection('2026-01-01T09:00:05Z', 'revoked'), { quiet: true });
  state.learn('connections', [connection('2026-01-01T09:00:04.5Z', 'active')]);
  assert.equal(state.snapshot.connections.byId.get('c1')?.status, 'revoked');
  // The same instant written with an offset: what the read says is as new, so it is taken.
  state.learn('connections', [connection('2026-01-01T10:00:05+01:00', 'error')]);
  assert.equal(state.snapshot.connections.byId.get('c1')?.status, 'error');
  state.learn('connections', [connection('2026-01-01T09:00:05.001Z', 'active')]);
  assert.equal(state.snapshot.connections.byId.get('c1')?.status, 'active');
  assert.deepEqual(told, []);
});
