import { ParseUUIDPipe } from '@nestjs/common';
import { AppException } from './app.exception.js';

/** A path id that is not a UUID is a 404 in the caller's words, not a validation error. */
export const uuidParam = (what: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => new AppException('NOT_FOUND', `${what}不存在或无权查看`) });
