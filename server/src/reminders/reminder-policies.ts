import type { EntityManager } from 'typeorm';
import { ReminderPolicy } from './reminder-policy.entity.js';
import { DEFAULT_POLICY } from './reminder.rules.js';

export type Policy = Omit<ReminderPolicy, 'consultationId'>;

/** The consultation's policy, or the defaults a committee has not changed (always for a compound's notice, which has no consultation). */
export async function policyOf(manager: EntityManager, consultationId: string | null): Promise<Policy> {
  const stored = consultationId ? await manager.findOneBy(ReminderPolicy, { consultationId }) : null;
  return stored ?? { ...DEFAULT_POLICY, daysBefore: [...DEFAULT_POLICY.daysBefore] };
}
