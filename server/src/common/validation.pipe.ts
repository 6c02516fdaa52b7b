import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppException } from './app.exception.js';

/** One pipe for all DTOs: unknown fields are refused, and every message is readable Chinese. */
export function createValidationPipe() {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new AppException('VALIDATION_FAILED', flatten(errors).join('；')),
  });
}

function flatten(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((error) => {
    const field = path ? `${path}.${error.property}` : error.property;
    // Whichever constraint failed first, a null is best explained as a null (not as "too long").
    if (error.value === null && error.constraints) return [`字段“${field}”不能为 null（可选字段不需要时请不要传）`];
    const own = Object.entries(error.constraints ?? {}).map(([name, message]) =>
      name === 'whitelistValidation' ? `不接受字段“${field}”` : /[\u4e00-\u9fa5]/.test(message) ? message : `字段“${field}”格式不正确`,
    );
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
