import { Inject, Injectable } from '@nestjs/common';
import { checkRosterRow, householdLabel, type RosterImportResult, type RosterRow, type RosterRowError } from '@linyi/shared';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { StaffActor } from '../auth/actor.js';
import { AppException } from '../common/app.exception.js';
import { AccessService } from '../places/access.service.js';
import { Building } from '../places/building.entity.js';
import { Household } from '../places/household.entity.js';
import { Unit } from '../places/unit.entity.js';
import { readRosterFile } from './roster-file.js';
import { ROSTER_LIMITS } from './roster-limits.js';

@Injectable()
export class RosterService {
  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  /** Validates every row first; writes only when all are good, in one transaction. `path`: the uploaded file on disk. */
  async import(actor: StaffActor, compoundId: string, fileName: string, path: string): Promise<RosterImportResult & { unchanged: number }> {
    await this.access.compoundForStaff(actor, compoundId);
    const rawRows = await readRosterFile(fileName, path);
    const { rows, errors } = validateRows(rawRows);
    if (errors.length) {
      throw new AppException('ROSTER_INVALID', `名单中有 ${errors.length} 行有误，未导入任何数据，请修改后重新上传`, { created: 0, updated: 0, errors });
    }
    return this.transactions.run((manager) => upsertRows(manager, compoundId, rows));
  }
}

function validateRows(rawRows: Array<{ row: number; input: Parameters<typeof checkRosterRow>[0] }>) {
  const errors: RosterRowError[] = [];
  const rows: RosterRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, input } of rawRows) {
    const check = checkRosterRow(input);
    if (!check.ok) {
      errors.push({ row, message: `第 ${row} 行：${check.message}` });
      continue;
    }
    const key = `${check.row.building}|${check.row.unit}|${check.row.room}`;
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined) {
      errors.push({ row, message: `第 ${row} 行：${householdLabel(check.row.building, check.row.unit, check.row.room)} 与第 ${earlier} 行重复` });
      continue;
    }
    firstRowOf.set(key, row);
    rows.push(check.row);
  }
  return { rows, errors };
}

async function upsertRows(manager: EntityManager, compoundId: string, rows: RosterRow[]) {
  const buildings = new Map((await manager.findBy(Building, { compoundId })).map((b) => [b.name, b]));
  const units = new Map((await manager.findBy(Unit, { compoundId })).map((u) => [`${u.buildingId}|${u.name}`, u]));
  const households = new Map((await manager.findBy(Household, { compoundId })).map((h) => [`${h.unitId}|${h.room}`, h]));
  const result = { created: 0, updated: 0, unchanged: 0, errors: [] as RosterRowError[] };
  const toSave: Household[] = [];
  for (const row of rows) {
    let building = buildings.get(row.building);
    if (!building) {
      building = await manager.save(manager.create(Building, { compoundId, name: row.building }));
      buildings.set(row.building, building);
    }
    let unit = units.get(`${building.id}|${row.unit}`);
    if (!unit) {
      unit = await manager.save(manager.create(Unit, { compoundId, buildingId: building.id, name: row.unit }));
      units.set(`${building.id}|${row.unit}`, unit);
    }
    const fields = { floor: row.floor, areaM2: row.areaM2, ownerName: row.ownerName, phone: row.phone, label: householdLabel(row.building, row.unit, row.room) };
    const existing = households.get(`${unit.id}|${row.room}`);
    if (!existing) {
      toSave.push(manager.create(Household, { compoundId, unitId: unit.id, room: row.room, ...fields }));
      result.created++;
    } else if (Object.entries(fields).some(([key, value]) => existing[key as keyof typeof fields] !== value)) {
      toSave.push(Object.assign(existing, fields));
      result.updated++;
    } else {
      result.unchanged++;
    }
  }
  // Saved 200 at a time with a turn of the event loop between: TypeORM prepares a whole save() synchronously.
  for (let at = 0; at < toSave.length; at += ROSTER_LIMITS.rowsPerTurn) {
    await manager.save(toSave.slice(at, at + ROSTER_LIMITS.rowsPerTurn));
    await nextTurn();
  }
  return result;
}
