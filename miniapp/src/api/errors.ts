/** An HTTP failure with a message a resident or committee member can read. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
    readonly code: string,
    /** The refusal's other fields, e.g. the `problems` of WORK_PLAN_NOT_READY. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试'

const FALLBACK_BY_STATUS: Record<number, string> = {
  400: '填写的内容有误，请检查后重试',
  401: '登录已过期，请重新进入',
  403: '没有权限执行此操作',
  404: '要找的内容不存在',
  409: '操作冲突，请刷新后重试',
  429: '操作太频繁，请稍后再试',
}

/** Turns the server's `{statusCode, code, message}` (or anything else) into an ApiError. */
export function toApiError(statusCode: number, body: unknown): ApiError {
  const data = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const code = typeof data.code === 'string' ? data.code : `HTTP_${statusCode}`
  const raw = data.message
  const message = Array.isArray(raw) ? raw.filter((m) => typeof m === 'string').join('；') : typeof raw === 'string' ? raw : ''
  const fallback = FALLBACK_BY_STATUS[statusCode] ?? `服务暂时不可用（${statusCode}），请稍后再试`
  const { statusCode: _status, code: _code, message: _message, correlationId: _correlation, ...details } = data
  return new ApiError(message.trim() || fallback, statusCode, code, details)
}

/** The text to show for any thrown value. */
export function readableError(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return NETWORK_ERROR_MESSAGE
}
