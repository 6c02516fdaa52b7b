import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { uuidQuery } from '../common/validation/params.js';

/** An optional UUID query parameter: absent (or empty) is undefined; anything else must be one UUID (400 otherwise). */
export const optionalUuidQuery = (name: string, what: string): PipeTransform<unknown, string | undefined> => {
  const required = uuidQuery(name, what);
  return {
    transform(value: unknown, metadata: ArgumentMetadata) {
      return value === undefined || value === '' ? undefined : required.transform(value, metadata);
    },
  };
};
