import { applyDecorators } from '@nestjs/common';
import { ValidateIf, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A field the client may leave out, but not send as null: class-validator's @IsOptional lets null
 * through to the service, where it becomes a NOT NULL violation (a 500) or silently erases a value.
 */
export function OptionalField(): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_object, value) => value !== undefined),
    ValidateBy({
      name: 'notNull',
      validator: { validate: (value) => value !== null, defaultMessage: (args) => `字段“${args?.property}”不能为 null，不需要时请不要传这个字段` },
    }),
  );
}

/** A field where null is a meaningful answer (e.g. "no picture"); used deliberately, never by default. */
export function NullableField(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined && value !== null);
}

/** Each element of an array must be a plain object (not an array, not a primitive) before nested validation. */
export function EachPlainObject(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'eachPlainObject',
      validator: {
        validate: (value) => Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item)),
        defaultMessage: (args) => `“${args?.property}”的每一项都必须是一个对象`,
      },
    },
    options,
  );
}
