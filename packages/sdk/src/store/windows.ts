// The list windows' code, which the store loads on demand (store.ts) as one chunk: the connections and runs windows,
// the paging and live merging they share (list-window.ts) and the rows they keep in the store (window-rows.ts).
// Imported one by one, a bundler put the shared paging in a chunk of its own that the browser asked for only once the
// window's chunk had arrived and been read: two round trips before a long list could open its window. A page with
// one of the lists loads the other's few lines with it.
export { ConnectionWindow } from './connection-window.js';
export { RunWindow } from './run-window.js';
export { WindowRows } from './window-rows.js';
export { provideKit } from './window-kit.js';
