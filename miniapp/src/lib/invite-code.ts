export const INVITE_CODE_MIN = 6
export const INVITE_CODE_MAX = 10

/** What a resident typed, as the server stores it: upper case, no spaces or dashes. */
export function normalizeInviteCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase()
}

/** A message to show, or null when the code is worth sending. */
export function checkInviteCode(code: string): string | null {
  if (code.length === 0) return '请输入邀请码'
  if (!/^[0-9A-Z]+$/.test(code)) return '邀请码只包含字母和数字，请核对后重新输入'
  if (code.length < INVITE_CODE_MIN || code.length > INVITE_CODE_MAX) {
    return `邀请码是${INVITE_CODE_MIN}到${INVITE_CODE_MAX}位，请核对后重新输入`
  }
  return null
}
