import { AppException } from '../common/app.exception.js';
import { isUniqueViolation, type UniqueIndex } from '../database/unique-violation.js';

export const usernameTaken = (username: string) => new AppException('USERNAME_TAKEN', `用户名“${username}”已被使用，请换一个`);
export const ownAccountRefused = (message: string) => new AppException('OWN_ACCOUNT_CHANGE_REFUSED', message);

const USERNAME_INDEX: UniqueIndex = { name: 'uq_staff_username', columns: 'staff_account.username' };

/** The username index refused the row: the same name was taken by a concurrent request (any other clash is not a taken name). */
export const isUsernameClash = (error: unknown) => isUniqueViolation(error, USERNAME_INDEX);
