import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

const logger = new Logger('http');

/** Tags each request with a correlation id (echoed in errors) and logs one line when it ends. */
export function correlationIdMiddleware(request: Request & { correlationId?: string }, response: Response, next: NextFunction) {
  const incoming = request.header('x-correlation-id');
  request.correlationId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
  response.setHeader('x-correlation-id', request.correlationId);
  const started = process.hrtime.bigint();
  response.on('finish', () => {
    if (!request.path.startsWith('/api')) return;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.log({ msg: 'request', method: request.method, path: request.path, status: response.statusCode, ms: Math.round(ms * 10) / 10, correlationId: request.correlationId });
  });
  next();
}
