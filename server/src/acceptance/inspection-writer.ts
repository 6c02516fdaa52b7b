import { Inject, Injectable } from '@nestjs/common';
import { INSPECTION_TEST_LABELS, type InspectionResultInput, type InspectionResultView } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { EvidenceStore, decodeImage } from '../evidence/evidence.store.js';
import { uniqueImages } from './acceptance-input.js';
import { inspectionEvidenceSha256 } from './acceptance-evidence.js';
import { PHOTO_MAX_BYTES } from './dto/acceptance-fields.js';
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
 * inserts the append-only row. Shared by acceptance inspections and repair inspections.
 */
@Injectable()
export class InspectionWriter {
  constructor(@Inject(EvidenceStore) private readonly evidence: EvidenceStore) {}

  async write(manager: EntityManager, input: InspectionInput): Promise<WorkInspection> {
    // Every photo decoded before any is stored: a bad third photo refuses the whole inspection with its own name.
    const photos = input.results.map((result) => (result.photoPng ? decodeImage(result.photoPng, `「${INSPECTION_TEST_LABELS[result.test]}」的检测照片`, PHOTO_MAX_BYTES, true) : null));
    for (const photo of uniqueImages(photos)) await this.evidence.put(manager, photo);
    const results: InspectionResultView[] = input.results.map((result, i) => ({
      test: result.test,
      passed: result.passed,
      value: result.value?.trim() || null,
      photoSha256: photos[i]?.sha256 ?? null,
    }));
    const fields = { workPlanId: input.workPlanId, householdId: input.householdId, repairId: input.repairId, results, note: input.note, inspectorId: input.inspectorId, at: input.at };
    const inspection = manager.create(WorkInspection, {
      id: randomUUID(),
      ...fields,
      unitId: input.unitId,
      passed: input.passes(results),
      evidenceSha256: inspectionEvidenceSha256(fields),
    });
    await manager.insert(WorkInspection, inspection);
    return inspection;
  }
}
