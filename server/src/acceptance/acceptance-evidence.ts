import type { AcceptanceChannel, AcceptanceDecision, InspectionTest } from '@linyi/shared';
import { createHash } from 'node:crypto';

/**
 * Evidence hashes of acceptance (issue 11): each binds what was tested or decided, the images by
 * their hashes, who, and when. A canonical JSON array with a format tag first (as
 * responses/answer.rules.ts does): change any bound field and the hash changes.
 */

export const INSPECTION_EVIDENCE_FORMAT = 'inspection-v1';
export const ACCEPTANCE_EVIDENCE_FORMAT = 'acceptance-v1';
export const SIGN_OFF_EVIDENCE_FORMAT = 'sign-off-v1';

export interface InspectionEvidenceInput {
  workPlanId: string;
  householdId: string;
  repairId: string | null;
  /** In the order the crew gave them. */
  results: Array<{ test: InspectionTest; passed: boolean; value: string | null; photoSha256: string | null }>;
  note: string | null;
  inspectorId: string;
  at: Date;
}

export interface AcceptanceEvidenceInput {
  workPlanId: string;
  householdId: string;
  repairId: string | null;
  decision: AcceptanceDecision;
  channel: AcceptanceChannel;
  residentId: string | null;
  staffId: string | null;
  /** The inspection decided on, bound through its own evidence hash. */
  inspection: { id: string; evidenceSha256: string } | null;
  defects: Array<{ description: string; photoSha256: string | null }>;
  signatureSha256: string | null;
  paperScanSha256: string | null;
  at: Date;
}

export interface SignOffEvidenceInput {
  acceptanceRecordId: string;
  acceptanceEvidenceSha256: string;
  supervisorHouseholdId: string;
  residentId: string;
  signatureSha256: string;
  note: string | null;
  at: Date;
}

export function inspectionEvidenceSha256(input: InspectionEvidenceInput): string {
  return sha256Of([
    INSPECTION_EVIDENCE_FORMAT,
    input.workPlanId,
    input.householdId,
    input.repairId,
    input.results.map((r) => [r.test, r.passed, r.value, r.photoSha256]),
    input.note,
    input.inspectorId,
    input.at.toISOString(),
  ]);
}

export function acceptanceEvidenceSha256(input: AcceptanceEvidenceInput): string {
  return sha256Of([
    ACCEPTANCE_EVIDENCE_FORMAT,
    input.workPlanId,
    input.householdId,
    input.repairId,
    input.decision,
    input.channel,
    input.residentId,
    input.staffId,
    input.inspection ? [input.inspection.id, input.inspection.evidenceSha256] : null,
    input.defects.map((d) => [d.description, d.photoSha256]),
    input.signatureSha256,
    input.paperScanSha256,
    input.at.toISOString(),
  ]);
}

export function signOffEvidenceSha256(input: SignOffEvidenceInput): string {
  return sha256Of([
    SIGN_OFF_EVIDENCE_FORMAT,
    input.acceptanceRecordId,
    input.acceptanceEvidenceSha256,
    input.supervisorHouseholdId,
    input.residentId,
    input.signatureSha256,
    input.note,
    input.at.toISOString(),
  ]);
}

function sha256Of(canonical: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
