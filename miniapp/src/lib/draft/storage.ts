import { ConsultationKind } from '@linyi/shared'
import type { ConsultationDraft } from './types'

const isKind = (value: unknown): value is ConsultationKind => Object.values(ConsultationKind).includes(value as ConsultationKind)

/** A draft read back from storage, or null when it is not one (another version, damaged). */
export function parseStoredDraft(value: unknown): ConsultationDraft | null {
  if (typeof value !== 'string' || !value) return null
  try {
    const parsed = JSON.parse(value) as { version?: number; draft?: ConsultationDraft }
    const draft = parsed.draft
    if (parsed.version !== 1 || !draft || !isKind(draft.kind) || !Array.isArray(draft.options) || !Array.isArray(draft.disclosures)) return null
    if (typeof draft.deadline?.date !== 'string' || typeof draft.opensAt?.date !== 'string') return null
    return draft
  } catch {
    return null
  }
}

export const storedDraft = (draft: ConsultationDraft): string => JSON.stringify({ version: 1, draft })
