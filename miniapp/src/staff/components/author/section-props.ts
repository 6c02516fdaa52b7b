import type { ConsultationDraft, DraftErrors } from '../../../lib/draft/types'

/** What every section of the authoring form receives. */
export interface SectionProps {
  draft: ConsultationDraft
  errors: DraftErrors
  update: (changes: Partial<ConsultationDraft>) => void
}
