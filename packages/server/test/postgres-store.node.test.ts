import { after } from 'node:test';
import { SqlStore } from '../src/store/sql/sql-store.js';
import { freshDatabase } from './postgres.js';
import { describeStoreConformance } from './store-conformance.js';

let shared: Promise<SqlStore> | undefined;
after(async () => (await shared)?.close());

describeStoreConformance('SqlStore on PostgreSQL', async () => {
  const store = await (shared ??= freshDatabase().then((url) => SqlStore.open({ url })));
  await store.clear();
  return store;
});
