import type { INestApplicationContext, Type } from '@nestjs/common';
import { Clock } from '../common/clock.js';

/** Where `@Inject(token)` records a constructor parameter's token (Nest's SELF_DECLARED_DEPS_METADATA). */
const INJECTED_PARAMS = 'self:paramtypes';

/**
 * A second instance of one of the app's services whose Clock is the seeder's own, every other
 * dependency the app's: the demo dates a story weeks back without moving the app's Clock, which its
 * timers read. Built from the constructor's `@Inject` tokens, so it follows the service's own wiring.
 */
export function onDemoClock<T>(app: INestApplicationContext, type: Type<T>, clock: Clock): T {
  const declared: Array<{ index: number; param: unknown }> = Reflect.getMetadata(INJECTED_PARAMS, type) ?? [];
  if (declared.length !== type.length) throw new Error(`demo: ${type.name} has a constructor parameter without @Inject`);
  const args: unknown[] = [];
  for (const { index, param } of declared) args[index] = param === Clock ? clock : app.get(param as string, { strict: false });
  return new type(...args);
}

/** The seeder's clock, set in days before the moment the demo is seeded. */
export class DemoClock extends Clock {
  constructor(private readonly seededAt: Date) {
    super();
  }

  /** Makes "now" `daysAgo` days before the seeding (fractions allowed); time runs on from there. */
  at(daysAgo: number): this {
    this.set(new Date(this.seededAt.getTime() - daysAgo * 24 * 3600 * 1000));
    return this;
  }
}
