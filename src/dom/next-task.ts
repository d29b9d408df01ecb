/** Gives the main thread back until the next task: scheduler.yield where there is one, else a macrotask. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Gives the main thread back until the page is idle (requestIdleCallback): for work nobody waits for, which
 * then also leaves the garbage collector its idle time (run back to back, such work met a 30 to 45 ms
 * collection at 5 MB).
 */
export function nextIdle(): Promise<void> {
  return new Promise((resolve) => requestIdleCallback(() => resolve()));
}
