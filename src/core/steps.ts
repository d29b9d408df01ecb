/**
 * Work written as steps: a generator that yields where it may pause (scanPageSliced gives the page its main
 * thread back there). Run here to the end without pausing.
 */
export function drain<T>(steps: Generator<void, T, unknown>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
