/**
 * StateLens's own longest task, from a Chromium trace (`npm run bench`): for each task the page's main thread
 * ran, the time scripts ran in it (JavaScript and everything it called: DOM reads, layouts it forced, garbage
 * collection), apart from the frame's own style, layout and paint, which the browser does after a change of the
 * highlights whatever made it (the bench reports that frame beside it, as `oneHighlightTaskMs`).
 */
import type { Page } from 'puppeteer-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Trace events of script running: a task's JavaScript enters through one of these (they nest; their union counts). */
const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.callFunction', 'v8.run', 'RunMicrotasks', 'FireIdleCallback', 'TimerFire',
  'FireAnimationFrame', 'EventDispatch', 'v8.evaluateModule']);
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Runs work under a trace; the longest time scripts ran within one task of a renderer's main thread, in ms. */
export async function ownLongestTask<T>(page: Page, work: () => Promise<T>): Promise<{ result: T; ownLongestTaskMs: number }> {
  await page.tracing.start({ categories: ['toplevel', 'devtools.timeline', 'v8.execute'] });
  const result = await work();
  const trace = JSON.parse(Buffer.from(await page.tracing.stop() ?? new Uint8Array()).toString('utf8')) as { traceEvents: TraceEvent[] };
  return { result, ownLongestTaskMs: longestScriptTime(trace.traceEvents) };
}

/** Of the tasks on renderers' main threads, the most script time one held (the union of its script events), in ms. */
export function longestScriptTime(events: readonly TraceEvent[]): number {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, { tasks: TraceEvent[]; scripts: TraceEvent[] }>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const thread = `${e.pid}:${e.tid}`;
    if (!main.has(thread)) continue;
    const lists = byThread.get(thread) ?? { tasks: [], scripts: [] };
    byThread.set(thread, lists);
    if (TASK_EVENTS.has(e.name)) lists.tasks.push(e);
    else if (SCRIPT_EVENTS.has(e.name)) lists.scripts.push(e);
  }
  let longest = 0;
  for (const { tasks, scripts } of byThread.values()) {
    scripts.sort((a, b) => a.ts - b.ts);
    for (const task of tasks) {
      const end = task.ts + task.dur!;
      // The union of the script intervals inside the task (nested events are covered by their parent).
      let total = 0;
      let coveredTo = task.ts;
      // (Scripts run within a task: the first that starts in it, by binary search.)
      let lo = 0;
      for (let hi = scripts.length; lo < hi; ) {
        const mid = (lo + hi) >> 1;
        if (scripts[mid].ts < task.ts) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < scripts.length; i++) {
        const s = scripts[i];
        if (s.ts >= end) break;
        const from = Math.max(s.ts, coveredTo);
        const to = Math.min(s.ts + s.dur!, end);
        if (to > from) {
          total += to - from;
          coveredTo = to;
        }
      }
      longest = Math.max(longest, total / 1000);
    }
  }
  return longest;
}
