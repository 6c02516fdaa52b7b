import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { EachPlainObject } from './optional-field.js';

/**
 * A bounded list of nested DTOs. Without the plain-object check, `[[]]` passes @ValidateNested
 * (an inner array is walked, and it has no elements to fail) and reaches the database as is.
 */
export function NestedList(type: () => new () => object, limits: { max: number; what: string }): PropertyDecorator {
  return applyDecorators(
    IsArray({ message: `${limits.what}必须是列表` }),
    ArrayMaxSize(limits.max, { message: `最多 ${limits.max} 个${limits.what}` }),
    EachPlainObject({ message: `${limits.what}的每一项都必须是对象，如 {"id": "…", …}` }),
    ValidateNested({ each: true }),
    Type(type),
  );
}
