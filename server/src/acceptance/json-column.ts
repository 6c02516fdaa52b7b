import type { ValueTransformer } from 'typeorm';

/** A JSON value kept in a TEXT column (the same on MySQL and SQLite). */
export const jsonColumn = <T>(): ValueTransformer => ({
  to: (value: T) => JSON.stringify(value),
  from: (value: string) => JSON.parse(value) as T,
});
