/**
 * Runs `task` when the page is next idle, at most `timeout` ms later; a timer where there is no `requestIdleCallback`
 * (Safari). For work a page needs soon but not before its first rows.
 */
export const whenIdle = (task: () => void, timeout: number): void =>
  void (typeof requestIdleCallback === 'function' ? requestIdleCallback(task, { timeout }) : setTimeout(task));
