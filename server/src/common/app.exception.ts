/** A domain error with a stable code; the global filter maps the code to an HTTP status. */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  ROSTER_INVALID: 400,
  CONSULTATION_INVALID: 400,
  ANSWER_INVALID: 400,
  DISCLOSURES_NOT_ACKNOWLEDGED: 400,
  SIGNATURE_REQUIRED: 400,
  PAPER_SCAN_REQUIRED: 400,
  OWNERS_ONLY: 403,
  CONSULTATION_NOT_DRAFT: 409,
  CONSULTATION_NOT_OPEN: 409,
  CONSULTATION_CLOSED: 409,
  FINAL_REFUSAL_NOT_ALLOWED: 409,
  INVITE_CODE_INVALID: 400,
  INVITE_CODE_EXPIRED: 400,
  INVITE_CODE_USED: 409,
  UNAUTHENTICATED: 401,
  ACCOUNT_DISABLED: 401,
  SESSION_ENDED: 401,
  BAD_CREDENTIALS: 401,
  WECHAT_LOGIN_FAILED: 401,
  FORBIDDEN: 403,
  CURRENT_PASSWORD_WRONG: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ONLINE_ANSWER_EXISTS: 409,
  USERNAME_TAKEN: 409,
  OWN_ACCOUNT_CHANGE_REFUSED: 409,
  // Special needs (issue 9)
  LEGAL_BASIS_REQUIRED: 400,
  CONSENT_EVIDENCE_REQUIRED: 400,
  ASSISTANCE_NOTE_INVALID: 400,
  CONSENT_TEXT_OUTDATED: 400,
  CARE_PLAN_NOT_NEEDED: 409,
  SCREENING_NOT_WITHDRAWABLE: 409,
  NOTHING_TO_WITHDRAW: 409,
  SCREENING_CHANGED: 409,
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_ATTEMPTS: 429,
  WECHAT_UNAVAILABLE: 502,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const notFound = (what: string) => new AppException('NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (message = '没有权限执行此操作') => new AppException('FORBIDDEN', message);
