/** A matcher from the compiled registry's index (the CLI's, the build's and the tests' path): packed first, so
 * it runs the very code the content script runs. Kept apart so that the content script does not bundle the packer. */
import { packIndex } from '../registry/pack';
import type { MatcherIndex } from '../registry/types';
import { Matcher } from './matcher';

export function matcherFromIndex(index: MatcherIndex): Matcher {
  return new Matcher(packIndex(index));
}
