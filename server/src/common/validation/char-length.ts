import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Characters as MariaDB's utf8mb4 columns count them: code points (class-validator's Length skips variation selectors). */
export const charCount = (text: string): number => [...text].length;

/** A string of `min` to `max` characters, counted the way the column that stores it counts them. */
export function CharLength(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'charLength',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && charCount(value) >= min && charCount(value) <= max,
      },
    },
    options,
  );
}
