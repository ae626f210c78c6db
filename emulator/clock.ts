/** The emulator's clock, and the Date the bundle sees. */

export class Clock {
  private current: number;

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  set(date: Date | number): void {
    this.current = typeof date === 'number' ? date : date.getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/**
 * The host Date behind a Proxy: `new Date()`, `Date()` and `Date.now()` read the clock, everything
 * else is the host's. Because it is the host constructor, Dates made in tests and in the bundle are
 * `instanceof` each other's Date, and the emulator can hand out plain host Dates.
 */
export function clockAwareDate(clock: Clock): DateConstructor {
  return new Proxy(Date, {
    construct(target, args: unknown[], newTarget: DateConstructor) {
      return Reflect.construct(target, args.length === 0 ? [clock.now()] : args, newTarget);
    },
    apply() {
      return new Date(clock.now()).toString();
    },
    get(target, property, receiver) {
      return property === 'now' ? () => clock.now() : Reflect.get(target, property, receiver);
    },
  });
}
