// Makes the test server refuse some of the page's modules (scripts/wtr-refuse-modules.mjs): an on-demand chunk that
// fails to load, a fault the real server cannot produce when asked. Chromium keeps a module that failed to load as
// failed for the page's life, so a test file refuses each module once and never needs it afterwards.

// The page loads hundreds of source modules (the in-page server among them): room to record every one of them.
performance.setResourceTimingBufferSize(100_000);

/** Refuse `modules` (paths without their extension, e.g. `internal/reconnect-flow`) from now on, until `allowModules`. */
export function refuseModules(...modules: string[]): void {
  document.cookie = `relink-refuse-modules=${encodeURIComponent(modules.join(','))}; path=/`;
}

export function allowModules(): void {
  document.cookie = 'relink-refuse-modules=; path=/; max-age=0';
}

/** Whether the page asked for `module` and the server refused it: the test ran the path it is named after. */
export function wasRefused(module: string): boolean {
  return performance.getEntriesByType('resource').some((entry) =>
    new URL(entry.name).pathname.replace(/\.[jt]s$/, '').endsWith(`/${module}`) && (entry as PerformanceResourceTiming).responseStatus === 503);
}
