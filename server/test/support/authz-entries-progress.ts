import { StaffRole } from '@linyi/shared';
import type { Control, MatrixEntry } from './authz-entries.js';

/** Matrix entries of the staff console's progress routes (issue 8); spread into MATRIX. */
const COMMITTEE_AND_STREET: Control[] = [
  { as: 'committee', status: [200] },
  { as: 'street', status: [200] },
];

/** A read of one consultation's progress: also refused for a DRAFT of the victim's compound. */
const consultationRead: MatrixEntry = {
  kind: 'scoped',
  params: { id: 'consultationId' },
  variants: [{ name: 'a DRAFT consultation of the victim compound', remap: { consultationId: 'draftConsultationId' } }],
  controls: COMMITTEE_AND_STREET,
};

export const PROGRESS_ENTRIES: Record<string, MatrixEntry> = {
  // Street staff get their own office only (the second street office must not see 和平里街道's id), admin all.
  'GET /api/street-offices': { kind: 'self', audience: [StaffRole.Street, StaffRole.Admin] },
  'GET /api/consultations/{id}/trend': consultationRead,
  'GET /api/consultations/{id}/households': consultationRead,
  'GET /api/compounds/{compoundId}/households': {
    kind: 'scoped',
    params: { compoundId: 'compoundId' },
    query: { consultationId: 'consultationId' },
    variants: [
      { name: "caller's own compound, the victim's consultation", home: ['compoundId'] },
      { name: "the victim compound, caller's own consultation", home: ['consultationId'] },
    ],
    controls: COMMITTEE_AND_STREET,
  },
};
