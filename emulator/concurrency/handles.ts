/**
 * The scheduler's side of the references: every service object (as the counted proxy the bundle
 * would see) and enum value sent to a worker gets a number, shared by all executions of a run.
 */
import { EnumValue } from '../enums';
import type { Runtime } from '../runtime';
import { isService } from '../runtime';
import type { EnumRef, HandleRef } from './wire';
import { isRef, TAG, transform } from './wire';

/** Data properties a worker's stand-in carries: the four an edit event's range has. */
const EVENT_RANGE_PROPS = ['rowStart', 'rowEnd', 'columnStart', 'columnEnd'];

const isEnumTable = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).length > 0 &&
  Object.values(value).every((item) => item instanceof EnumValue);

export class Handles {
  private readonly objects: unknown[] = [undefined];
  private readonly ids = new Map<object, number>();

  constructor(private readonly rt: Runtime) {}

  /** The object a worker named. */
  object(id: number): unknown {
    if (id <= 0 || id >= this.objects.length) throw new Error(`No handle ${id}`);
    return this.objects[id];
  }

  toWire(value: unknown): unknown {
    return transform(value, (object) => {
      if (object instanceof EnumValue) return this.enumRef(object);
      if (isService(object)) return this.handleRef(this.rt.expose(object));
      return undefined;
    });
  }

  fromWire(value: unknown): unknown {
    return transform(value, (object) =>
      isRef(object, 'ref') ? this.object((object as { id: number }).id) : undefined,
    );
  }

  private idOf(object: object): number {
    const known = this.ids.get(object);
    if (known !== undefined) return known;
    this.objects.push(object);
    this.ids.set(object, this.objects.length - 1);
    return this.objects.length - 1;
  }

  private enumRef(value: EnumValue): EnumRef {
    return { [TAG]: 'enum', id: this.idOf(value), name: value.name(), ordinal: value.ordinal() };
  }

  private handleRef(proxy: object): HandleRef {
    const id = this.idOf(proxy);
    const raw = this.rt.rawOf(proxy) as Record<string, unknown>;
    const props: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
      if (value instanceof EnumValue || isEnumTable(value) || EVENT_RANGE_PROPS.includes(key))
        props[key] = this.toWire(value);
    }
    return { [TAG]: 'handle', id, props };
  }
}
