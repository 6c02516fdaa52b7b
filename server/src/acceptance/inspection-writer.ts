import { Inject, Injectable } from '@nestjs/common';
import type { InspectionResultInput } from '@linyi/shared';
import type { EntityManager } from 'typeorm';
import { EvidenceStore } from '../evidence/evidence.store.js';
import { WorkInspection } from './work-inspection.entity.js';

export interface InspectionInput {
  workPlanId: string;
  householdId: string;
  unitId: string;
  repairId: string | null;
  results: InspectionResultInput[];
  note: string | null;
  inspectorId: string;
  at: Date;
  /** Decided by the caller's rule: `inspectionPasses(kind, …)` for acceptance, `repairPasses(part, …)` for a repair. */
  passes: (results: Array<{ test: InspectionResultInput['test']; passed: boolean }>) => boolean;
}

/**
 * Writes one inspection inside the caller's transaction (which holds the household's row lock):
 * decodes and stores each photo as evidence by its hash, computes the inspection's evidence hash,
 * inserts the append-only row. Shared by acceptance inspections and repair inspections. (Helper A.)
 */
@Injectable()
export class InspectionWriter {
  constructor(@Inject(EvidenceStore) private readonly evidence: EvidenceStore) {}

  async write(manager: EntityManager, input: InspectionInput): Promise<WorkInspection> {
    void manager;
    void input;
    void this.evidence;
    throw new Error('InspectionWriter.write: not built yet');
  }
}
