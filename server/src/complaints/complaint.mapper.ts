import type { ComplaintView } from '@linyi/shared';
import type { Complaint } from './complaint.entity.js';

/** The complaint as residents and staff see it: the photo is fetched by its own route, never inlined. */
export function toComplaintView(complaint: Complaint, householdLabel: string): ComplaintView {
  return {
    id: complaint.id,
    compoundId: complaint.compoundId,
    householdId: complaint.householdId,
    householdLabel,
    topic: complaint.topic,
    text: complaint.text,
    hasPhoto: complaint.photoSha256 !== null,
    status: complaint.status,
    reply: complaint.reply,
    repliedAt: complaint.repliedAt?.toISOString() ?? null,
    createdAt: complaint.createdAt.toISOString(),
  };
}
