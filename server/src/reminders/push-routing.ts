import { In, IsNull, type EntityManager } from 'typeorm';
import { SubscriptionGrant } from '../channels/subscription-grant.entity.js';
import { Household } from '../places/household.entity.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { Resident } from '../residents/resident.entity.js';
import type { Reminder } from './reminder.entity.js';

export type Push = { channel: 'WECHAT'; openid: string; grantId: string } | { channel: 'SMS'; phone: string } | { channel: 'INBOX' };

/**
 * Picks each reminder's push channel in a few queries for the whole batch: WeChat when a bound
 * resident has an unused one-time grant, else SMS to the roster phone (the elderly above all), else
 * inbox only. One grant is handed to at most one reminder.
 */
export async function routePushes(manager: EntityManager, reminders: Reminder[], templateId: string): Promise<Map<string, Push>> {
  const routes = new Map<string, Push>();
  const householdIds = [...new Set(reminders.map((r) => r.householdId).filter((id): id is string => Boolean(id)))];
  if (!householdIds.length) {
    for (const r of reminders) routes.set(r.id, { channel: 'INBOX' });
    return routes;
  }
  const members = await manager.findBy(HouseholdMember, { householdId: In(householdIds) });
  const grants = templateId && members.length
    ? await manager.find(SubscriptionGrant, { where: { residentId: In([...new Set(members.map((m) => m.residentId))]), templateId, usedAt: IsNull() }, order: { grantedAt: 'ASC' } })
    : [];
  const residents = grants.length ? await manager.find(Resident, { select: { id: true, openid: true }, where: { id: In([...new Set(grants.map((g) => g.residentId))]) } }) : [];
  const households = await manager.find(Household, { select: { id: true, phone: true }, where: { id: In(householdIds) } });
  const unusedGrants = [...grants];
  for (const reminder of reminders) {
    if (!reminder.householdId) {
      routes.set(reminder.id, { channel: 'INBOX' });
      continue;
    }
    const residentIds = new Set(members.filter((m) => m.householdId === reminder.householdId).map((m) => m.residentId));
    const grantIndex = unusedGrants.findIndex((g) => residentIds.has(g.residentId));
    if (grantIndex >= 0) {
      const [grant] = unusedGrants.splice(grantIndex, 1);
      const openid = residents.find((r) => r.id === grant.residentId)?.openid;
      if (openid) {
        routes.set(reminder.id, { channel: 'WECHAT', openid, grantId: grant.id });
        continue;
      }
    }
    const phone = households.find((h) => h.id === reminder.householdId)?.phone;
    routes.set(reminder.id, phone ? { channel: 'SMS', phone } : { channel: 'INBOX' });
  }
  return routes;
}
