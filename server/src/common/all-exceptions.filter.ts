import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AppException, ERROR_STATUS } from './app.exception.js';

const CODE_OF_STATUS: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_ATTEMPTS',
};

const MESSAGE_OF_STATUS: Record<number, string> = {
  400: '请求内容有误',
  401: '请先登录',
  403: '没有权限执行此操作',
  404: '请求的内容不存在',
  413: '上传的文件太大',
  429: '操作太频繁，请稍后再试',
};

/** Every error leaves as {statusCode, code, message, correlationId}; unknown ones are logged 500s. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { correlationId?: string }>();
    const response = http.getResponse<Response>();
    const correlationId = request.correlationId ?? randomUUID();
    const body = this.toBody(error, request, correlationId);
    response.status(body.statusCode).json(body);
  }

  private toBody(error: unknown, request: Request, correlationId: string) {
    if (error instanceof AppException) {
      return { statusCode: ERROR_STATUS[error.code], code: error.code, message: error.message, ...error.details, correlationId };
    }
    const status = httpStatusOf(error);
    if (status !== null && status < 500) {
      return { statusCode: status, code: CODE_OF_STATUS[status] ?? 'BAD_REQUEST', message: readableMessage(error, status), correlationId };
    }
    this.logger.error(
      { msg: 'unhandled error', correlationId, method: request.method, path: request.path, error: String(error) },
      error instanceof Error ? error.stack : undefined,
    );
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后再试', correlationId };
  }
}

/** HttpExceptions, body-parser and multer errors all carry a client status we keep. */
function httpStatusOf(error: unknown): number | null {
  if (error instanceof HttpException) return error.getStatus();
  const candidate = error as { status?: unknown; statusCode?: unknown; code?: unknown };
  if (typeof candidate?.status === 'number' && candidate.status >= 400 && candidate.status < 500) return candidate.status;
  if (typeof candidate?.statusCode === 'number' && candidate.statusCode >= 400 && candidate.statusCode < 500) return candidate.statusCode;
  if (candidate?.code === 'LIMIT_FILE_SIZE') return 413;
  return null;
}

function readableMessage(error: unknown, status: number): string {
  if (error instanceof HttpException) {
    const response = error.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('；');
    if (typeof message === 'string' && /[\u4e00-\u9fa5]/.test(message)) return message;
  }
  if ((error as { type?: string })?.type === 'entity.parse.failed') return '请求内容不是有效的 JSON';
  return MESSAGE_OF_STATUS[status] ?? '请求无法处理';
}
