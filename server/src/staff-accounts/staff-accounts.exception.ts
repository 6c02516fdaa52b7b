import { AppException } from '../common/app.exception.js';

export const usernameTaken = (username: string) => new AppException('USERNAME_TAKEN', `用户名“${username}”已被使用，请换一个`);
export const ownAccountRefused = (message: string) => new AppException('OWN_ACCOUNT_CHANGE_REFUSED', message);

/** A unique index refused the row: the same name was taken by a concurrent request. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code ?? '';
  return code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed/i.test(String((error as Error)?.message));
}
