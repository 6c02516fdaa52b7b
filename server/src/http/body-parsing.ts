import { JwtService } from '@nestjs/jwt';
import type { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config/app-config.js';
import { deepestNesting } from './json-depth.js';

/** Anyone may send this much JSON; sign-in and anything without a valid token. */
export const SMALL_JSON_LIMIT = '16kb';
/** A signed-in client may send paper-form photos, which travel as base64 inside JSON. */
export const LARGE_JSON_LIMIT = '8mb';
/** class-transformer and class-validator recurse: a 2 000-deep body overflowed their stack (a 500). */
export const MAX_JSON_DEPTH = 32;

export interface RequestTimeouts {
  /** Headers must arrive within this (Node's headersTimeout). */
  headersMs: number;
  /** A body that may be small (no valid token) must arrive within this, once the headers are in. */
  smallBodyMs: number;
  /** A signed-in client's body (up to 8 MB of scans on a weak mobile link) must arrive within this. */
  largeBodyMs: number;
}

export const DEFAULT_REQUEST_TIMEOUTS: RequestTimeouts = { headersMs: 15_000, smallBodyMs: 30_000, largeBodyMs: 120_000 };

/** What the filter reads to explain a refused body; set on the request by the parsers below. */
export interface BodyLimitNote {
  bodyLimit?: 'small' | 'large';
  /** Outside sign-in, a big body without a valid token is answered as the guard would: 401, not 413. */
  bodyRefusedForToken?: 'missing' | 'invalid';
}

const TIMEOUTS = new WeakMap<object, RequestTimeouts>();

/** How request bodies are read: sizes, shapes, and how long a client may take to send one. */
export function applyBodyParsing(app: NestExpressApplication, _config: AppConfig): void {
  const mayBeLarge = largeBodyPolicy(app);
  app.use(bodyDeadline(app, mayBeLarge));
  // Both are named jsonParser, so Nest does not add its own 100 kb parser after them. Nest's types hide
  // `verify` (its rawBody option would replace it; we never enable rawBody) but pass it to body-parser.
  const json = (limit: string, large: boolean) =>
    ({ limit, type: (req: IncomingMessage) => isJson(req as Request) && mayBeLarge(req as Request) === large, verify: refuseDeepOrNonUtf8 }) as NestExpressBodyParserOptionsFor<'json'>;
  app.useBodyParser('json', json(LARGE_JSON_LIMIT, true));
  app.useBodyParser('json', json(SMALL_JSON_LIMIT, false));
  // No route reads forms; this only keeps Nest's default (extended, 100 kb) parser out.
  app.useBodyParser('urlencoded', { limit: SMALL_JSON_LIMIT, extended: false, parameterLimit: 100 });
  setRequestTimeouts(app, DEFAULT_REQUEST_TIMEOUTS);
}

/** Changes the timeouts of a built app (tests shorten them); Node's own limits are set to match. */
export function setRequestTimeouts(app: NestExpressApplication, timeouts: RequestTimeouts): void {
  TIMEOUTS.set(app.getHttpAdapter().getInstance(), timeouts);
  const server = app.getHttpServer() as Server & { connectionsCheckingInterval?: number };
  server.headersTimeout = timeouts.headersMs;
  // Node's whole-request limit is the backstop (bodies that never reach a parser, endless chunked bodies).
  server.requestTimeout = timeouts.headersMs + timeouts.largeBodyMs;
  // Read when the server starts listening: check expired requests every second, not every 30 s.
  server.connectionsCheckingInterval = Math.min(1000, timeouts.headersMs);
  if (!server.listeners('clientError').includes(answerClientError)) server.on('clientError', answerClientError);
}

/** Large bodies only for requests outside sign-in that carry a token which verifies (the guard still checks the account). */
function largeBodyPolicy(app: NestExpressApplication): (req: Request) => boolean {
  let jwt: JwtService | null | undefined;
  return (req) => {
    const note = req as Request & BodyLimitNote;
    if (note.bodyLimit) return note.bodyLimit === 'large';
    // Routing ignores case and repeated slashes, so the sign-in check does too.
    const signIn = req.originalUrl.toLowerCase().replace(/\/+/g, '/').startsWith('/api/auth/');
    const token = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(req.headers.authorization ?? '')?.[1];
    let large = false;
    if (token && !signIn) {
      if (jwt === undefined) jwt = resolveJwt(app);
      large = jwt ? verifies(jwt, token) : true;
    }
    if (!signIn && !large) note.bodyRefusedForToken = token ? 'invalid' : 'missing';
    note.bodyLimit = large ? 'large' : 'small';
    return large;
  };
}

function resolveJwt(app: NestExpressApplication): JwtService | null {
  try {
    return app.get(JwtService, { strict: false });
  } catch {
    return null;
  }
}

function verifies(jwt: JwtService, token: string): boolean {
  try {
    jwt.verify(token);
    return true;
  } catch {
    return false;
  }
}

function isJson(req: Request): boolean {
  return Boolean(req.is('application/json'));
}

/** body-parser `verify` hook: runs on the raw bytes before JSON.parse. */
function refuseDeepOrNonUtf8(_req: unknown, _res: unknown, buffer: Buffer, encoding: string): void {
  if (encoding.toLowerCase() !== 'utf-8' && encoding.toLowerCase() !== 'utf8') {
    throw Object.assign(new Error('JSON must be UTF-8'), { status: 415, type: 'charset.unsupported' });
  }
  if (deepestNesting(buffer, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH}`), { status: 400, type: 'entity.too.deep' });
  }
}

/** A body still arriving after its deadline gets 408 and the connection is closed (slowloris). */
function bodyDeadline(app: NestExpressApplication, mayBeLarge: (req: Request) => boolean) {
  const instance = app.getHttpAdapter().getInstance();
  return function bodyDeadlineMiddleware(req: Request, res: Response, next: NextFunction) {
    const hasBody = req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;
    if (!hasBody || req.complete) return next();
    const timeouts = TIMEOUTS.get(instance) ?? DEFAULT_REQUEST_TIMEOUTS;
    const timer = setTimeout(() => {
      if (req.complete) return;
      if (!res.headersSent) {
        res.setHeader('Connection', 'close');
        res.status(408).json(requestTimeoutBody(req.headers['x-correlation-id']));
      }
      res.once('finish', () => req.socket.destroy());
      if (res.writableFinished) req.socket.destroy();
    }, mayBeLarge(req) ? timeouts.largeBodyMs : timeouts.smallBodyMs);
    const stop = () => clearTimeout(timer);
    req.once('end', stop);
    req.once('close', stop);
    res.once('finish', stop);
    next();
  };
}

function requestTimeoutBody(incoming?: string | string[]) {
  const correlationId = typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
  return { statusCode: 408, code: 'REQUEST_TIMEOUT', message: '请求发送超时，请检查网络后重试', correlationId };
}

/** Node's own request/headers timeout, answered in our error shape; other client errors as Node would. */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || inFlight?.headersSent || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    const body = JSON.stringify(requestTimeoutBody());
    socket.end(`HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  } else if (error.code === 'HPE_HEADER_OVERFLOW') {
    socket.end('HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n');
  } else {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  }
  // A client that never reads nor closes must not keep the socket.
  setTimeout(() => socket.destroy(), 1000).unref();
}
