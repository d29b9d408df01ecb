/**
 * Main-thread time by part of StateLens's work, for `npm run bench` (its real-pages part): a bench build
 * (`node build.mjs --bench`) records each stretch of work of a part as a performance measure named
 * "statelens:<part>", which the bench reads from a trace of the page. In every other build
 * __STATELENS_BENCH__ is false and these functions return at once: nothing is recorded, and the page's
 * performance timeline is never touched (a page must not learn that StateLens is installed).
 *
 * Parts follow one another: lap(next) closes the running part and starts the next; pause() stops the clock
 * where the work gives the page its main thread back, resume() starts it again on the same part.
 */
declare const __STATELENS_BENCH__: boolean | undefined;

const ON = typeof __STATELENS_BENCH__ !== 'undefined' && __STATELENS_BENCH__ === true;

let running: string | null = null;
let paused: string | null = null;
let since = 0;

export function lap(next: string | null): void {
  if (!ON) return;
  const now = performance.now();
  if (running) performance.measure(`statelens:${running}`, { start: since, end: now });
  running = next;
  since = now;
}

export function pause(): void {
  if (!ON) return;
  paused = running;
  lap(null);
}

export function resume(): void {
  if (!ON || !paused) return;
  lap(paused);
  paused = null;
}

/** Runs work as one stretch of a part (a part of its own, outside the scan's sequence). */
export function timed<T>(part: string, work: () => T): T {
  if (!ON) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(`statelens:${part}`, { start, end: performance.now() });
  }
}

/** A named moment ("statelens:done": the page is read and shown). */
export function mark(name: string): void {
  if (ON) performance.mark(`statelens:${name}`);
}
