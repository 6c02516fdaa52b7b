import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { AppException } from '../app.exception.js';

/** A path hash that is not 64 hex digits names nothing: 404 before any lookup. */
export const sha256Param = (what: string): PipeTransform<unknown, string> => ({
  transform(value) {
    if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) throw new AppException('NOT_FOUND', `${what}不存在或无权查看`);
    return value;
  },
});

/** An optional query parameter drawn from a fixed list (repeating it, `?a=x&a=y`, is refused too). */
export const oneOfQuery = <T extends string>(name: string, allowed: readonly T[]): PipeTransform<unknown, T | undefined> => ({
  transform(value) {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      throw new AppException('VALIDATION_FAILED', `${name} 只能是 ${allowed.join('、')}`);
    }
    return value as T;
  },
});

/** A required UUID query parameter: missing or malformed is the client's mistake (400), not a 404. */
export const uuidQuery = (name: string, what: string): PipeTransform<unknown, string> => ({
  transform(value) {
    if (value === undefined || value === '') throw new AppException('VALIDATION_FAILED', `请提供${what}编号 ${name}`);
    if (typeof value !== 'string' || !isUUID(value)) {
      throw new AppException('VALIDATION_FAILED', `${what}编号 ${name} 格式不正确`);
    }
    return value;
  },
});

/** An optional UUID query parameter: absent (or empty) is undefined; anything else must be one UUID (400 otherwise). */
export const optionalUuidQuery = (name: string, what: string): PipeTransform<unknown, string | undefined> => {
  const required = uuidQuery(name, what);
  return {
    transform(value: unknown, metadata: ArgumentMetadata) {
      return value === undefined || value === '' ? undefined : required.transform(value, metadata);
    },
  };
};

/** A path segment drawn from a fixed list (a gate, say): anything else names nothing, so 404. */
export const oneOfParam = <T extends string>(what: string, allowed: readonly T[]): PipeTransform<unknown, T> => ({
  transform(value) {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw new AppException('NOT_FOUND', `${what}不存在或无权查看`);
    return value as T;
  },
});
