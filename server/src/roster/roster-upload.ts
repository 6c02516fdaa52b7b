import { CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import type { Request } from 'express';
import multer from 'multer';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { catchError, finalize, throwError } from 'rxjs';
import { AppException } from '../common/app.exception.js';
import { ROSTER_LIMITS } from './roster-limits.js';

/** Temp files of this process start with this, so that what it leaves behind can be seen (the tests check there is none). */
export const rosterUploadPrefix = () => `linyi-roster-${process.pid}-`;

/** The uploaded roster goes to a temp file (read from there in a stream), never into a Buffer. */
export const rosterUploadOptions = {
  storage: multer.diskStorage({
    destination: (_request, _file, done) => done(null, tmpdir()),
    filename: (_request, _file, done) => done(null, `${rosterUploadPrefix()}${randomUUID()}`),
  }),
};

/**
 * Wraps the file interceptor: removes the temp file however the request ends (answer, 4xx from a
 * pipe or the service, error), and says in Chinese how large a roster may be. Must be listed before
 * FileInterceptor so that it runs around it.
 */
@Injectable()
export class RosterUploadCleanup implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    const request = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      catchError((error: unknown) =>
        throwError(() =>
          error instanceof PayloadTooLargeException
            ? new AppException('PAYLOAD_TOO_LARGE', `名单文件不能超过 ${ROSTER_LIMITS.uploadBytes / 2 ** 20} MB：一次最多导入 ${ROSTER_LIMITS.rows} 户，请分批上传`)
            : error,
        ),
      ),
      // Synchronous, so the file is gone before the answer is written.
      finalize(() => {
        if (request.file?.path) rmSync(request.file.path, { force: true });
      }),
    );
  }
}
