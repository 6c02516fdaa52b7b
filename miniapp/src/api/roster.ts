import type { RosterImportResult, RosterRowError } from '@linyi/shared'
import { saveDownload, uploadFile, UploadError, type ChosenFile } from './upload'

export type RosterTemplateFormat = 'xlsx' | 'csv'

/** Not in endpoints.ts: these are a multipart upload and a file download, not JSON exchanges. */
export const rosterUploadPath = (compoundId: string) => `/compounds/${encodeURIComponent(compoundId)}/roster`
export const rosterTemplatePath = (format: RosterTemplateFormat) => `/roster-template?format=${format}`

export const ROSTER_TEMPLATE_FILE: Record<RosterTemplateFormat, string> = {
  xlsx: '住户名单模板.xlsx',
  csv: '住户名单模板.csv',
}

/** What an upload did: either every row was written, or (any row wrong) nothing was. */
export type RosterOutcome =
  | { imported: true; created: number; updated: number; unchanged: number | null }
  | { imported: false; message: string; errors: RosterRowError[] }

/** Uploads a roster; a refused roster (ROSTER_INVALID) is an outcome with its rows' errors, other failures throw. */
export async function uploadRoster(compoundId: string, file: ChosenFile): Promise<RosterOutcome> {
  try {
    const result = await uploadFile<RosterImportResult & { unchanged?: number }>(rosterUploadPath(compoundId), file)
    const errors = rowErrorsOf(result)
    // The contract allows errors in a 2xx answer too: a file with errors changes nothing either way.
    if (errors.length) return { imported: false, message: `名单中有 ${errors.length} 行有误，未导入任何数据`, errors }
    return { imported: true, created: result.created, updated: result.updated, unchanged: typeof result.unchanged === 'number' ? result.unchanged : null }
  } catch (error) {
    if (error instanceof UploadError && error.code === 'ROSTER_INVALID') return { imported: false, message: error.message, errors: rowErrorsOf(error.body) }
    throw error
  }
}

/** The answer's `errors`, well-formed ones only, by row. */
function rowErrorsOf(body: unknown): RosterRowError[] {
  const errors = (body as { errors?: unknown } | null)?.errors
  if (!Array.isArray(errors)) return []
  return errors
    .filter((e): e is RosterRowError => typeof e?.row === 'number' && typeof e?.message === 'string')
    .sort((a, b) => a.row - b.row)
}

export const downloadRosterTemplate = (format: RosterTemplateFormat) => saveDownload(rosterTemplatePath(format), ROSTER_TEMPLATE_FILE[format])
