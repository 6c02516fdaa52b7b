/** WeChat's failure text (`errMsg`), or the thrown value's, for telling a cancel from a refusal. */
export function errMsgOf(error: unknown): string {
  const errMsg = (error as { errMsg?: unknown } | null)?.errMsg
  return typeof errMsg === 'string' ? errMsg : String(error)
}

export const isCancel = (error: unknown): boolean => /cancel/i.test(errMsgOf(error))

/** The user (or WeChat for them) declined: privacy guide not agreed, or camera/album permission off. */
export const isPermissionRefusal = (error: unknown): boolean => /privacy|auth deny|auth denied|permission/i.test(errMsgOf(error))
