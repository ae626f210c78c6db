/** The one place the add-on asks what time it is, so tests can move the clock. */
import type { Instant } from '../engine/types';

export function now(): Instant {
  return new Date().getTime();
}
