import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { IdEntity } from '../database/columns.js';
import { acceptanceEvidenceSha256 } from './acceptance-evidence.js';
import { AcceptanceRecord } from './acceptance-record.entity.js';
import type { WorkInspection } from './work-inspection.entity.js';

export type AcceptanceRecordFields = Omit<AcceptanceRecord, keyof IdEntity | 'inspectionId' | 'evidenceSha256'>;

/** A decision on the works or on a repair, bound by its evidence hash to the inspection it was made on (the images are already stored). */
export async function insertAcceptanceRecord(manager: EntityManager, fields: AcceptanceRecordFields, inspection: Pick<WorkInspection, 'id' | 'evidenceSha256'>): Promise<AcceptanceRecord> {
  const record = manager.create(AcceptanceRecord, { id: randomUUID(), ...fields, inspectionId: inspection.id });
  record.evidenceSha256 = acceptanceEvidenceSha256({ ...record, inspection: { id: inspection.id, evidenceSha256: inspection.evidenceSha256 } });
  await manager.insert(AcceptanceRecord, record);
  return record;
}
