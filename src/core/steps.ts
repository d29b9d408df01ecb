/**
 * Work written as steps: a generator that yields where it may pause (or yields a promise it must wait for,
 * which only an asynchronous driver such as scanPageSliced can do). Run here to the end without pausing.
 */
export function drain<T>(steps: Generator<unknown, T, unknown>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (step.value instanceof Promise) throw new Error('drain: a step waits for a promise');
  }
}
