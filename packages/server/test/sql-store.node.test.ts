import { after } from 'node:test';
import { SqlStore } from '../src/store/sql/sql-store.js';
import { describeStoreConformance } from './store-conformance.js';

// One embedded database for the whole suite (opening PGlite takes a couple of seconds); each test starts from clear().
let shared: Promise<SqlStore> | undefined;
after(async () => (await shared)?.close());

describeStoreConformance('SqlStore on PGlite', async () => {
  const store = await (shared ??= SqlStore.open({}));
  await store.clear();
  return store;
});
