import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { BodyLimitNote } from '../http/body-parsing.js';
import { AppException, ERROR_STATUS } from './app.exception.js';

const CODE_OF_STATUS: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
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
  408: '请求发送超时，请检查网络后重试',
  413: '上传的文件太大',
  415: '请求内容须为 UTF-8 编码的 JSON',
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
    // Already answered (e.g. a 408 for a body that came too slowly): there is nobody left to tell.
    if (response.headersSent) return void response.end();
    response.status(body.statusCode).json(body);
  }

  private toBody(error: unknown, request: Request, correlationId: string) {
    if (error instanceof AppException) {
      return { statusCode: ERROR_STATUS[error.code], code: error.code, message: error.message, ...error.details, correlationId };
    }
    const refusedBody = bodyParserRefusal(error, request as Request & BodyLimitNote);
    if (refusedBody) return { ...refusedBody, correlationId };
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

/** Why body-parser refused a body (its errors carry `type`), in words a committee member can read. */
function bodyParserRefusal(error: unknown, request: Request & BodyLimitNote) {
  // Nest's Express adapter wraps body-parser's http-errors in an HttpException, keeping it as the cause.
  const source = error instanceof HttpException && error.cause ? error.cause : error;
  const { type, limit } = (source ?? {}) as { type?: unknown; limit?: unknown };
  if (typeof type !== 'string') return null;
  const size = typeof limit === 'number' ? `${Math.round(limit / 1024)} KB` : '';
  switch (type) {
    case 'entity.too.large':
      // Refused for want of a valid token: the useful answer is the guard's, "sign in (again)".
      if (request.bodyRefusedForToken) return { statusCode: 401, code: 'UNAUTHENTICATED', message: request.bodyRefusedForToken === 'invalid' ? '登录已过期，请重新登录' : '请先登录' };
      return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: `请求内容太大${size ? `（最多 ${size}）` : ''}` };
    case 'entity.too.deep':
      return { statusCode: 400, code: 'VALIDATION_FAILED', message: '请求内容嵌套层级太深' };
    case 'entity.parse.failed':
      return { statusCode: 400, code: 'VALIDATION_FAILED', message: '请求内容不是有效的 JSON' };
    case 'request.aborted':
    case 'request.size.invalid':
      return { statusCode: 400, code: 'VALIDATION_FAILED', message: '请求内容不完整，请重新发送' };
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: MESSAGE_OF_STATUS[415] };
    case 'parameters.too.many':
      return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: '请求参数太多' };
    default:
      return null;
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
  return MESSAGE_OF_STATUS[status] ?? '请求无法处理';
}
