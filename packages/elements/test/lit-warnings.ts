// No Lit dev warnings on the page, checked the way Lit itself keeps them. Lit's dev build issues each warning once
// per page and records it in `globalThis.litIssuedWarnings`, so watching console.warn around one test misses a
// warning an earlier test (or a module's import) already issued. Importing this module registers a root-level
// `afterEach` that fails the test during which any new warning entered that set; every test file gets it through
// helpers.ts and relink.ts.

const issued = (): Set<string> => ((globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings ??= new Set());
const isDevModeNotice = (warning: string) => warning.startsWith('Lit is in dev mode');
const reported = new Set<string>();

/** Lit warnings issued on this page that no check has seen yet (the dev-mode notice aside). */
export function pendingLitWarnings(): string[] {
  return [...issued()].filter((warning) => !isDevModeNotice(warning) && !reported.has(warning));
}

/** Marks warnings as seen, for a test that plants one on purpose. */
export function acknowledgeLitWarnings(warnings: readonly string[]): void {
  for (const warning of warnings) reported.add(warning);
}

afterEach(function () {
  const fresh = pendingLitWarnings();
  acknowledgeLitWarnings(fresh);
  if (fresh.length) throw new Error(`Lit dev warnings issued during "${this.currentTest?.fullTitle()}":\n${fresh.join('\n')}`);
});
