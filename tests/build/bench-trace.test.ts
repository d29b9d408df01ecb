/**
 * The bench's measure of StateLens's own longest task (scripts/bench-trace.ts) reads a Chromium trace: per task
 * on a renderer's main thread, the union of its script events. Checked on traces written here.
 */
import { describe, expect, it } from 'vitest';
import { longestScriptTime } from '../../scripts/bench-trace';

const MAIN = { pid: 1, tid: 7 };
const thread = (pid: number, tid: number, name: string) => ({ name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name } });
/** A complete event of dur µs from ts µs. */
const x = (name: string, ts: number, dur: number, at = MAIN) => ({ name, ph: 'X', ts, dur, ...at });

describe('the own longest task of a trace', () => {
  it('counts the script time inside each task, nested events once, rendering not at all', () => {
    const events = [
      thread(1, 7, 'CrRendererMain'),
      // A task of 30 ms: a script of 8 ms with a call nested in it, then 20 ms of style, layout and paint.
      x('RunTask', 0, 30_000), x('FunctionCall', 1_000, 8_000), x('v8.callFunction', 2_000, 3_000), x('UpdateLayoutTree', 10_000, 5_000), x('Paint', 15_000, 15_000),
      // A task of 12 ms, scripts for 10.5 of them in two pieces that overlap (40.5 to 46.5 and 45 to 51 ms).
      x('RunTask', 40_000, 12_000), x('FireIdleCallback', 40_500, 6_000), x('RunMicrotasks', 45_000, 6_000),
    ];
    expect(longestScriptTime(events)).toBeCloseTo(10.5, 5);
  });

  it('reads only renderers\' main threads, and nothing of a script outside its task', () => {
    const other = { pid: 1, tid: 9 };
    const events = [
      thread(1, 7, 'CrRendererMain'), thread(1, 9, 'Compositor'),
      x('RunTask', 0, 5_000), x('FunctionCall', 1_000, 2_000),
      // A long script on another thread, and one on the main thread that begins after its task ended.
      x('RunTask', 0, 50_000, other), x('FunctionCall', 0, 50_000, other), x('FunctionCall', 6_000, 40_000),
    ];
    expect(longestScriptTime(events)).toBeCloseTo(2, 5);
  });
});
