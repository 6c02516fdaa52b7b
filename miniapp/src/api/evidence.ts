import { endpoints } from './endpoints'
import { ApiError } from './errors'
import { call } from './http'
import { loginResident, residentToken } from './resident-login'
import { clearSession, getToken } from './session'
import { download } from './transport'

/** Every version of my household's answer, with the hashes of what was signed and acknowledged. */
export const fetchMyAnswerHistory = (consultationId: string, householdId: string) =>
  call(endpoints.myAnswerHistory, { params: { consultationId, householdId } })

/** The stored image behind an answer (signature or paper scan): the answer-history route plus /evidence/{sha256}. */
function evidencePath(consultationId: string, householdId: string, sha256: string): string {
  const answers = endpoints.myAnswerHistory.path
    .replace(':consultationId', encodeURIComponent(consultationId))
    .replace(':householdId', encodeURIComponent(householdId))
  return `${answers}/evidence/${encodeURIComponent(sha256)}`
}

/**
 * A signed image as an <Image> source, fetched with the resident's token (a plain image URL could not
 * carry it): a temporary file on weapp, a blob: URL on H5 (Taro's downloadFile there is an XHR).
 */
export async function downloadMyEvidence(consultationId: string, householdId: string, sha256: string): Promise<string> {
  const path = evidencePath(consultationId, householdId, sha256)
  const token = await residentToken()
  try {
    return await download(path, token)
  } catch (error) {
    if (!(error instanceof ApiError && error.statusCode === 401)) throw error
    // The saved token has expired: sign in again once, as `call` does for JSON routes.
    if (getToken('resident') === token) clearSession('resident')
    return download(path, getToken('resident') ?? (await loginResident()))
  }
}
