import { IsNull, type EntityManager } from 'typeorm';
import { ScreeningConsent } from './screening-consent.entity.js';

/** The household's latest online consent that was not withdrawn (the newest id when two share a second), or null. */
export function standingOnlineConsent(manager: EntityManager, householdId: string): Promise<ScreeningConsent | null> {
  return manager.findOne(ScreeningConsent, { where: { householdId, withdrawnAt: IsNull() }, order: { givenAt: 'DESC', id: 'DESC' } });
}
