import { Inject, Injectable } from '@nestjs/common';
import { SensitiveAccessAction, type SensitiveAccessEntry } from '@linyi/shared';
import { In, type EntityManager } from 'typeorm';
import type { StaffActor } from '../auth/actor.js';
import { rawDateToIso } from '../common/raw-date.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Building } from '../places/building.entity.js';
import { Community } from '../places/community.entity.js';
import { Compound } from '../places/compound.entity.js';
import { Household } from '../places/household.entity.js';
import { Unit } from '../places/unit.entity.js';
import { StaffAccount } from '../staff/staff-account.entity.js';
import { HouseholdScreening } from './household-screening.entity.js';
import { SensitiveAccessLog } from './sensitive-access-log.entity.js';

export interface AccessSubject {
  compoundId: string;
  unitId?: string | null;
  householdId?: string | null;
}

export const ACCESS_LOG_PAGE = 100;

/** A page cursor `<at ISO>_<id>` of the last entry shown: its time and id, so entries of the same second are not skipped. */
export function parseCursor(text: string): { at: Date; id: string } | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f-]{36})$/.exec(text);
  const at = match ? new Date(match[1]) : null;
  return at && !Number.isNaN(at.getTime()) ? { at, id: match![2] } : null;
}

/**
 * The log of who read which special-needs record (PIPL: access restricted and logged). Every read
 * writes its entry in the reading transaction, before the data is returned: no entry, no data.
 */
@Injectable()
export class SensitiveAccessLogService {
  constructor(@Inject(TransactionRunner) private readonly transactions: TransactionRunner) {}

  async record(manager: EntityManager, actor: StaffActor, subject: AccessSubject, action: SensitiveAccessAction, at: Date): Promise<void> {
    const compound = await manager.findOneByOrFail(Compound, { id: subject.compoundId });
    const community = await manager.findOneByOrFail(Community, { id: compound.communityId });
    await manager.insert(SensitiveAccessLog, manager.create(SensitiveAccessLog, {
      at,
      staffId: actor.id,
      streetOfficeId: community.streetOfficeId,
      compoundId: subject.compoundId,
      unitId: subject.unitId ?? null,
      householdId: subject.householdId ?? null,
      action,
    }));
  }

  /** One entry per household of one compound read at once (e.g. the crew's list of a works plan): two lookups and one insert per 500, whatever the count. */
  async recordEach(manager: EntityManager, actor: StaffActor, compoundId: string, households: Array<{ unitId: string; householdId: string }>, action: SensitiveAccessAction, at: Date): Promise<void> {
    if (!households.length) return;
    const compound = await manager.findOneByOrFail(Compound, { id: compoundId });
    const community = await manager.findOneByOrFail(Community, { id: compound.communityId });
    const rows = households.map((h) => manager.create(SensitiveAccessLog, { at, staffId: actor.id, streetOfficeId: community.streetOfficeId, compoundId, unitId: h.unitId, householdId: h.householdId, action }));
    for (let i = 0; i < rows.length; i += 500) await manager.insert(SensitiveAccessLog, rows.slice(i, i + 500));
  }

  /** A street office's entries, newest first, older than `before` (the last entry of the previous page). */
  async list(streetOfficeId: string, before: { at: Date; id: string } | null, limit = ACCESS_LOG_PAGE): Promise<SensitiveAccessEntry[]> {
    const manager = this.transactions.dataSource.manager;
    const query = manager.getRepository(SensitiveAccessLog).createQueryBuilder('l').where('l.streetOfficeId = :streetOfficeId', { streetOfficeId });
    if (before) query.andWhere('(l.at < :at OR (l.at = :at AND l.id < :id))', { at: before.at, id: before.id });
    const rows = await query.orderBy('l.at', 'DESC').addOrderBy('l.id', 'DESC').take(limit).getMany();
    return this.describe(manager, rows);
  }

  /**
   * How often staff saw what is recorded about a household, and when last: what the resident is told.
   * Its own entries, and the exports of its compound and the lists of its unit, which show it too;
   * only since its current screening (before that nothing about it was recorded).
   */
  async readsOf(manager: EntityManager, householdId: string): Promise<{ reads: number; lastReadAt: string | null }> {
    const screening = await manager.findOne(HouseholdScreening, { select: { compoundId: true, unitId: true, screenedAt: true }, where: { householdId } });
    if (!screening) return { reads: 0, lastReadAt: null };
    const seen = await manager
      .createQueryBuilder(SensitiveAccessLog, 'l')
      .select('COUNT(*)', 'reads')
      .addSelect('MAX(l.at)', 'lastReadAt')
      .where('l.at >= :since', { since: screening.screenedAt })
      .andWhere(
        '(l.householdId = :householdId OR (l.householdId IS NULL AND ((l.action = :export AND l.compoundId = :compoundId) OR (l.action = :list AND l.unitId = :unitId))))',
        { householdId, export: SensitiveAccessAction.Export, compoundId: screening.compoundId, list: SensitiveAccessAction.ListUnit, unitId: screening.unitId },
      )
      .getRawOne<{ reads: number | string; lastReadAt: unknown }>();
    return { reads: Number(seen?.reads ?? 0), lastReadAt: rawDateToIso(seen?.lastReadAt) };
  }

  private async describe(manager: EntityManager, rows: SensitiveAccessLog[]): Promise<SensitiveAccessEntry[]> {
    const ids = (pick: (row: SensitiveAccessLog) => string | null) => [...new Set(rows.map(pick).filter((id): id is string => !!id))];
    const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((item) => [item.id, item]));
    const staff = byId(await manager.find(StaffAccount, { select: { id: true, displayName: true }, where: { id: In(ids((r) => r.staffId)) } }));
    const households = byId(await manager.find(Household, { select: { id: true, label: true }, where: { id: In(ids((r) => r.householdId)) } }));
    // A street office has several compounds: every subject starts with the compound's name.
    const units = byId(await manager.find(Unit, { where: { id: In(ids((r) => (r.householdId ? null : r.unitId))) } }));
    const buildings = byId(await manager.find(Building, { where: { id: In([...new Set([...units.values()].map((u) => u.buildingId))]) } }));
    const compounds = byId(await manager.find(Compound, { select: { id: true, name: true }, where: { id: In(ids((r) => r.compoundId)) } }));
    const subjectOf = (row: SensitiveAccessLog): string => {
      const compound = compounds.get(row.compoundId)?.name ?? '';
      if (row.householdId) return `${compound} ${households.get(row.householdId)?.label ?? ''}`;
      const unit = row.unitId ? units.get(row.unitId) : undefined;
      return unit ? `${compound} ${buildings.get(unit.buildingId)?.name ?? ''}${unit.name}` : compound;
    };
    return rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      staffId: row.staffId,
      staffName: staff.get(row.staffId)?.displayName ?? '',
      householdId: row.householdId,
      subject: subjectOf(row),
      compoundId: row.compoundId,
      unitId: row.unitId,
      action: row.action,
    }));
  }
}
