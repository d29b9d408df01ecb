/**
 * Work written as steps: a generator that yields where it may pause (scanPageSliced gives the page its main
 * thread back there). Run here to the end without pausing. A step that waits on a promise (the content
 * script's text reader loading) cannot be run here: it fails, naming it.
 */
export function drain<T>(steps: Generator<unknown, T, unknown>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (step.value instanceof Promise) throw new Error('drain: a step waits on a promise; run these steps in slices (runSliced)');
  }
}
