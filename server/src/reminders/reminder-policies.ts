import type { EntityManager } from 'typeorm';
import { ReminderPolicy } from './reminder-policy.entity.js';
import { DEFAULT_POLICY } from './reminder.rules.js';

export type Policy = Omit<ReminderPolicy, 'consultationId'>;

/** The consultation's policy, or the defaults a committee has not changed. */
export async function policyOf(manager: EntityManager, consultationId: string): Promise<Policy> {
  const stored = await manager.findOneBy(ReminderPolicy, { consultationId });
  return stored ?? { ...DEFAULT_POLICY, daysBefore: [...DEFAULT_POLICY.daysBefore] };
}
