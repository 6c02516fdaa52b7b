import type { ConsultationDraft, DraftErrors } from '../../../lib/consultation-draft'

/** What every section of the authoring form receives. */
export interface SectionProps {
  draft: ConsultationDraft
  errors: DraftErrors
  update: (changes: Partial<ConsultationDraft>) => void
}
